import { App, Badge, Button, Card, Segmented, Space, Table, Tabs, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { CENTRES, useRemoteLive, useRequestStep, useWorklist, type Centre, type RequestItem } from './remote.api.ts';
import { DueText, PriorityTag, StatusTag, word } from './remote-labels.tsx';
import { remoteMessages } from './remote.i18n.ts';

type Tab = 'open' | 'review' | 'mine';

function ClaimButton({ row }: { row: RequestItem }) {
  const t = useT(remoteMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const step = useRequestStep(row.id);
  return (
    <Button
      size="small"
      type="primary"
      data-testid={`claim-${row.id}`}
      loading={step.isPending}
      onClick={(e) => {
        e.stopPropagation();
        step.mutate(
          { step: 'claim' },
          {
            onSuccess: () => {
              void message.success(t('claimedToast'));
              void navigate(`/remote/read/${row.id}`);
            },
            onError: (err) => void message.error(err.message),
          },
        );
      }}
    >
      {t('claim')}
    </Button>
  );
}

/** 诊断中心工作列表: live (SSE), stat first then by time to due, overdue in red; claim opens the reading page. */
export function RemoteWorklistPage() {
  const t = useT(remoteMessages);
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const live = useRemoteLive();
  const { params, setFilter } = useListParams<{ centre: Centre | undefined; tab: Tab }>(
    { centre: undefined, tab: 'open' },
    { inUrl: true },
  );
  const list = useWorklist(params.centre, params.tab);
  const counts = list.data?.counts ?? [];
  const count = (c: Centre | undefined, k: 'open' | 'overdue' | 'review') =>
    counts.filter((x) => !c || x.centre === c).reduce((n, x) => n + x[k], 0);
  return (
    <Page
      title={t('worklistTitle')}
      extra={<Badge status={live ? 'success' : 'default'} text={live ? t('live') : t('notLive')} />}
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Segmented<string>
            value={params.centre ?? ''}
            onChange={(v) => setFilter({ centre: (v || undefined) as Centre | undefined })}
            options={[
              { value: '', label: t('allCentres') },
              ...CENTRES.map((c) => ({
                value: c,
                label: (
                  <span>
                    {word(t, 'centre', c)} <Badge count={count(c, 'open')} size="small" color="blue" />
                  </span>
                ),
              })),
            ]}
          />
          <Tag color="blue">{t('countOpen', { n: count(params.centre, 'open') })}</Tag>
          <Tag color="red">{t('countOverdue', { n: count(params.centre, 'overdue') })}</Tag>
          <Tag color="purple">{t('countReview', { n: count(params.centre, 'review') })}</Tag>
        </Space>
      </Card>
      <Tabs
        activeKey={params.tab}
        onChange={(k) => setFilter({ tab: k as Tab })}
        items={[
          { key: 'open', label: t('tabOpen') },
          { key: 'review', label: t('tabReview') },
          { key: 'mine', label: t('tabMine') },
        ]}
      />
      <Table<RequestItem>
        size="small"
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: mobile ? 700 : 1000 }}
        onRow={(r) => ({
          'data-request-id': r.id,
          onClick: () =>
            void navigate(r.status === 'awaiting_study' ? `/remote/requests/${r.id}` : `/remote/read/${r.id}`),
          style: { cursor: 'pointer', background: r.overdue ? '#fff1f0' : undefined },
        })}
        columns={[
          { key: 'p', title: t('priority'), width: 70, render: (_, r) => <PriorityTag t={t} value={r.priority} /> },
          { key: 'a', title: t('accession'), width: 140, render: (_, r) => r.accession },
          { key: 'c', title: t('item'), render: (_, r) => `${word(t, 'centre', r.centre)} · ${r.itemName}` },
          { key: 'r', title: t('resident'), width: 90, render: (_, r) => r.residentName },
          { key: 'o', title: t('requestingOrg'), width: 150, render: (_, r) => r.requestingOrgName },
          { key: 's', title: t('status'), width: 100, render: (_, r) => <StatusTag t={t} value={r.status} /> },
          {
            key: 'd',
            title: t('dueAt'),
            width: 170,
            render: (_, r) => (
              <Space size={4} wrap>
                {formatDateTime(r.dueAt)}
                <DueText t={t} minutes={r.minutesToDue} overdue={r.overdue} />
              </Space>
            ),
          },
          { key: 'w', title: t('claimedBy'), width: 90, render: (_, r) => r.claimedByName ?? '' },
          {
            key: 'x',
            title: '',
            width: 80,
            fixed: 'right',
            render: (_, r) =>
              r.status === 'ready' || (r.status === 'awaiting_study' && r.centre === 'pathology') ? (
                <ClaimButton row={r} />
              ) : null,
          },
        ]}
      />
    </Page>
  );
}
