import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateRangeInput } from '../../web/kit/date-input.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { CENTRES, useRemoteLive, useRequests, type Centre, type RequestItem } from './remote.api.ts';
import { DueText, PriorityTag, StatusTag, word } from './remote-labels.tsx';
import { remoteMessages } from './remote.i18n.ts';
import { NewRequestDrawer } from './request-form.tsx';

type StatusFilter = 'open' | 'issued' | 'awaiting_study' | 'recognised' | 'cancelled';

/** 远程诊断申请: what my clinic asked the county's centres to read, live, with a new-request drawer. */
export function RemoteRequestsPage() {
  const t = useT(remoteMessages);
  const navigate = useNavigate();
  const mayRequest = useMayCall('POST /api/remote/requests');
  const [drawer, setDrawer] = useState(false);
  useRemoteLive();
  const list = useListParams<{
    status: StatusFilter | undefined;
    centre: Centre | undefined;
    from?: string;
    to?: string;
    q?: string;
  }>({ status: undefined, centre: undefined }, { inUrl: true });
  const { params } = list;
  const requests = useRequests({ ...params, box: 'mine' });
  return (
    <Page
      title={t('requestsTitle')}
      extra={
        mayRequest ? (
          <Button type="primary" onClick={() => setDrawer(true)} data-testid="new-remote-request">
            {t('newRequest')}
          </Button>
        ) : null
      }
    >
      <NewRequestDrawer open={drawer} onClose={() => setDrawer(false)} />
      <DataList<RequestItem>
        rowKey={(r) => r.id}
        data={requests.data ? { ...requests.data, totalCapped: requests.data.totalCapped ?? false } : undefined}
        loading={requests.isFetching && !requests.data}
        error={requests.isError ? requests.error : undefined}
        onRetry={() => void requests.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        filters={
          <Space wrap>
            <Select
              style={{ width: 130 }}
              aria-label={t('status')}
              value={params.status ?? ''}
              onChange={(v: StatusFilter | '') => list.setFilter({ status: v || undefined })}
              options={[
                { value: '', label: t('allStatuses') },
                { value: 'open', label: t('openOnly') },
                ...(['awaiting_study', 'issued', 'recognised', 'cancelled'] as const).map((s) => ({
                  value: s,
                  label: word(t, 'status', s),
                })),
              ]}
            />
            <Select
              style={{ width: 120 }}
              aria-label={t('centre')}
              value={params.centre ?? ''}
              onChange={(v: Centre | '') => list.setFilter({ centre: v || undefined })}
              options={[
                { value: '', label: t('allCentres') },
                ...CENTRES.map((c) => ({ value: c, label: word(t, 'centre', c) })),
              ]}
            />
            <DateRangeInput
              from={params.from}
              to={params.to}
              onChange={(r) => list.setFilter({ from: r.from, to: r.to })}
            />
          </Space>
        }
        exportTo={{ url: '/api/remote/requests/export', query: { ...params, box: 'mine' } }}
        onRowClick={(r) => void navigate(`/remote/requests/${r.id}`)}
        rowProps={(r) => ({ 'data-request-id': r.id })}
        scrollX={1100}
        columns={[
          { key: 'accession', title: t('accession'), width: 150, mobile: 'title', render: (r) => r.accession },
          {
            key: 'status',
            title: t('status'),
            width: 110,
            mobile: 'extra',
            render: (r) => <StatusTag t={t} value={r.status} />,
          },
          { key: 'resident', title: t('resident'), width: 100, render: (r) => r.residentName },
          { key: 'item', title: t('item'), render: (r) => `${word(t, 'centre', r.centre)} · ${r.itemName}` },
          { key: 'priority', title: t('priority'), width: 80, render: (r) => <PriorityTag t={t} value={r.priority} /> },
          { key: 'org', title: t('requestingOrg'), width: 160, render: (r) => r.requestingOrgName },
          {
            key: 'requested',
            title: t('requestedAt'),
            width: 140,
            sortKey: 'requestedAt',
            render: (r) => formatDateTime(r.requestedAt),
          },
          {
            key: 'due',
            title: t('dueAt'),
            width: 150,
            sortKey: 'dueAt',
            render: (r) => (
              <Space size={4} wrap>
                {formatDateTime(r.dueAt)}
                <DueText t={t} minutes={r.minutesToDue} overdue={r.overdue} />
              </Space>
            ),
          },
          {
            key: 'criticals',
            title: t('criticals'),
            width: 70,
            align: 'right',
            render: (r) => (r.criticals ? r.criticals : ''),
          },
        ]}
      />
    </Page>
  );
}
