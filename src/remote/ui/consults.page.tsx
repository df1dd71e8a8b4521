import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateRangeInput } from '../../web/kit/date-input.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import type { ConsultMode, ConsultStatusValue } from '../consults.schema.ts';
import { CONSULT_MODES, CONSULT_STATUSES, useConsults, type ConsultItem } from './consult.api.ts';
import { ConsultApplyDrawer } from './consult-form.tsx';
import { consultMessages } from './consults.i18n.ts';

type Direction = 'outgoing' | 'incoming';

export const CONSULT_STATUS_COLOR: Record<string, string> = {
  applied: 'gold',
  accepted: 'blue',
  scheduled: 'geekblue',
  held: 'purple',
  opinion_signed: 'cyan',
  decided: 'green',
  closed: 'default',
  declined: 'red',
  cancelled: 'default',
};

/** 远程会诊: every consultation the user's clinic asked for or was invited to; 发起会诊 opens the form */
export function ConsultsPage() {
  const t = useT(consultMessages);
  const navigate = useNavigate();
  const mayApply = useMayCall('POST /api/remote/consults');
  const [applying, setApplying] = useState(false);
  const list = useListParams<{
    status: ConsultStatusValue | undefined;
    mode: ConsultMode | undefined;
    direction: Direction | undefined;
    from?: string;
    to?: string;
  }>({ status: undefined, mode: undefined, direction: undefined }, { inUrl: true });
  const { params } = list;
  const consults = useConsults(params);
  const word = (key: string) => t(key as 'none');
  return (
    <Page
      title={t('listTitle')}
      extra={
        mayApply ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="consult-apply">
            {t('apply')}
          </Button>
        ) : null
      }
    >
      <DataList<ConsultItem>
        rowKey={(c) => c.id}
        data={consults.data}
        loading={consults.isFetching && !consults.data}
        error={consults.isError ? consults.error : undefined}
        onRetry={() => void consults.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: `${t('patient')} / ${t('purpose')}`, onSearch: (q) => list.setFilter({ q }) }}
        filters={
          <Space wrap>
            <Select
              style={{ width: 120 }}
              aria-label={t('direction')}
              value={params.direction ?? ''}
              onChange={(v: Direction | '') => list.setFilter({ direction: v || undefined })}
              options={[
                { value: '', label: t('allDirections') },
                { value: 'outgoing', label: t('direction.outgoing') },
                { value: 'incoming', label: t('direction.incoming') },
              ]}
            />
            <Select
              style={{ width: 130 }}
              aria-label={t('status')}
              value={params.status ?? ''}
              onChange={(v: ConsultStatusValue | '') => list.setFilter({ status: v || undefined })}
              options={[
                { value: '', label: t('allStatuses') },
                ...CONSULT_STATUSES.map((s) => ({ value: s, label: word(`status.${s}`) })),
              ]}
            />
            <Select
              style={{ width: 120 }}
              aria-label={t('mode')}
              value={params.mode ?? ''}
              onChange={(v: ConsultMode | '') => list.setFilter({ mode: v || undefined })}
              options={[
                { value: '', label: t('allModes') },
                ...CONSULT_MODES.map((m) => ({ value: m, label: word(`mode.${m}`) })),
              ]}
            />
            <DateRangeInput
              from={params.from}
              to={params.to}
              onChange={(r) => list.setFilter({ from: r.from, to: r.to })}
              style={{ width: 260 }}
            />
          </Space>
        }
        exportTo={{ url: '/api/remote/consults/export', query: params }}
        onRowClick={(c) => void navigate(`/remote/consults/${c.id}`)}
        rowProps={(c) => ({ 'data-consult-id': c.id })}
        scrollX={1100}
        columns={[
          { key: 'id', title: t('no'), width: 80, mobile: 'title', render: (c) => `#${c.id} ${c.patientName ?? ''}` },
          {
            key: 'status',
            title: t('status'),
            width: 110,
            mobile: 'extra',
            render: (c) => <Tag color={CONSULT_STATUS_COLOR[c.status] ?? 'default'}>{word(`status.${c.status}`)}</Tag>,
          },
          { key: 'direction', title: t('direction'), width: 90, render: (c) => word(`direction.${c.direction}`) },
          { key: 'mode', title: t('mode'), width: 90, render: (c) => word(`mode.${c.mode}`) },
          { key: 'patient', title: t('patient'), width: 90, mobile: 'hide', render: (c) => c.patientName ?? '—' },
          {
            key: 'from',
            title: t('requestingOrg'),
            width: 150,
            render: (c) => `${c.requestingOrgName} ${c.requestingStaffName}`,
          },
          {
            key: 'to',
            title: t('invitedOrg'),
            width: 170,
            render: (c) => `${c.invitedOrgName}${c.invitedStaffName ? ` ${c.invitedStaffName}` : ''}`,
          },
          { key: 'purpose', title: t('purpose'), render: (c) => c.purpose },
          { key: 'created', title: t('createdAt'), width: 140, render: (c) => formatDateTime(c.createdAt) },
        ]}
      />
      <ConsultApplyDrawer open={applying} onClose={() => setApplying(false)} />
    </Page>
  );
}
