import { Drawer, Select, Space, Tabs, Tag } from 'antd';
import { useState, type ReactElement } from 'react';
import { useMe } from '../../auth/ui/auth.api.ts';
import { mayCall } from '../../web/access.ts';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateRangeInput } from '../../web/kit/date-input.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { CENTRES, CRITICAL_STATUSES } from '../criticals.schema.ts';
import { useCriticalList, type CriticalSummary } from './criticals.api.ts';
import { criticalMessages } from './criticals.i18n.ts';
import { STATUS_COLOR } from './criticals-labels.ts';
import { CriticalTimeline } from './criticals-timeline.tsx';
import { TasksTab } from './criticals-tabs.tsx';

type Key = keyof typeof criticalMessages & string;

/** /remote/criticals: the critical values the user may see (clinic: its own; centre: its reads), a drawer with the timeline; the tasks (the duty roster is on /remote/schedule) */
export function CriticalsPage() {
  const t = useT(criticalMessages);
  const roles = useMe().data?.roles ?? [];
  const tabs = [
    { key: 'list', label: t('tabList'), children: <CriticalList /> },
    mayCall(roles, 'GET /api/remote/tasks') && { key: 'tasks', label: t('tabTasks'), children: <TasksTab /> },
  ].filter((x): x is { key: string; label: string; children: ReactElement } => Boolean(x));
  return (
    <Page title={t('title')}>
      <Tabs items={tabs} destroyOnHidden />
    </Page>
  );
}

function CriticalList() {
  const t = useT(criticalMessages);
  const roles = useMe().data?.roles ?? [];
  const [open, setOpen] = useState<number | null>(null);
  const list = useListParams<{ status?: string; centre?: string; from?: string; to?: string }>({}, { inUrl: true });
  const { params } = list;
  const q = useCriticalList(params);
  return (
    <>
      <DataList<CriticalSummary>
        rowKey={(c) => c.id}
        data={q.data}
        loading={q.isFetching && !q.data}
        error={q.isError ? q.error : undefined}
        onRetry={() => void q.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('searchHint'), onSearch: (v) => list.setFilter({ q: v }) }}
        onRowClick={(c) => setOpen(c.id)}
        rowProps={(c) => ({ 'data-critical-id': c.id })}
        filters={
          <Space wrap>
            <Select
              style={{ width: 140 }}
              aria-label={t('status')}
              value={params.status ?? ''}
              onChange={(v: string) => list.setFilter({ status: v || undefined })}
              options={[
                { value: '', label: t('allStatuses') },
                ...CRITICAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as Key) })),
              ]}
            />
            <Select
              style={{ width: 120 }}
              aria-label={t('centre')}
              value={params.centre ?? ''}
              onChange={(v: string) => list.setFilter({ centre: v || undefined })}
              options={[
                { value: '', label: t('allCentres') },
                ...CENTRES.map((s) => ({ value: s, label: t(`centre.${s}` as Key) })),
              ]}
            />
            <DateRangeInput from={params.from} to={params.to} onChange={(range) => list.setFilter(range)} />
          </Space>
        }
        columns={[
          {
            key: 'status',
            title: t('status'),
            mobile: 'extra',
            render: (c) => <Tag color={STATUS_COLOR[c.status] ?? 'default'}>{t(`status.${c.status}` as Key)}</Tag>,
          },
          { key: 'item', title: t('item'), mobile: 'title', render: (c) => c.itemName },
          { key: 'detail', title: t('detail'), render: (c) => c.detail },
          { key: 'resident', title: t('resident'), render: (c) => c.residentName ?? '—' },
          { key: 'org', title: t('org'), render: (c) => c.requestingOrgName },
          { key: 'centre', title: t('centre'), render: (c) => t(`centre.${c.centre}` as Key) },
          { key: 'flaggedAt', title: t('flaggedAt'), render: (c) => formatDateTime(c.flaggedAt) },
          { key: 'notifiedAt', title: t('notifiedAt'), render: (c) => formatDateTime(c.notifiedAt) },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={520} title={t('timeline')} destroyOnHidden>
        {open !== null ? (
          <CriticalTimeline criticalId={open} actions={mayCall(roles, 'POST /api/remote/criticals/:id/act')} />
        ) : null}
      </Drawer>
    </>
  );
}
