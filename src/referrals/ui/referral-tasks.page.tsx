import { Button, Empty, Select, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { formatDate } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import type { TaskQuery } from '../down-referral/task.schema.ts';
import type { ReferralTask } from '../referral.schema.ts';
import { useReferralStream, useTasks } from './referrals.api.ts';
import { tasksMessages } from './referrals.i18n.ts';

const STATUS_COLOR: Record<ReferralTask['status'], string> = { open: 'blue', confirmed: 'cyan', done: 'green' };

/** 下转任务: what the county sent down to this centre or clinic; confirming receipt happens on the referral. */
export function ReferralTasksPage() {
  const tr = useT(tasksMessages);
  const navigate = useNavigate();
  const canExport = useMayCall('GET /api/referral-tasks/export');
  const list = useListParams<{ status: TaskQuery['status'] }>({ status: 'pending' }, { inUrl: true });
  const { params } = list;
  const tasks = useTasks(params);
  useReferralStream();
  const counts = tasks.data?.counts;
  const statusText = (s: ReferralTask['status']) =>
    s === 'open' ? tr('open') : s === 'confirmed' ? tr('inFollowUp') : tr('done');
  return (
    <Page title={tr('title')}>
      <DataList<ReferralTask>
        rowKey={(t) => t.id}
        data={tasks.data}
        loading={tasks.isFetching && !tasks.data}
        error={tasks.isError ? tasks.error : undefined}
        onRetry={() => void tasks.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: tr('search'), onSearch: (q) => list.setFilter({ q }), width: 180 }}
        filters={
          <Select
            style={{ width: 140 }}
            aria-label={tr('status')}
            value={params.status ?? 'all'}
            onChange={(status: TaskQuery['status']) => list.setFilter({ status })}
            options={[
              { value: 'pending', label: tr('pending') },
              { value: 'open', label: tr('open') },
              { value: 'confirmed', label: tr('inFollowUp') },
              { value: 'done', label: tr('done') },
              { value: 'all', label: tr('all') },
            ]}
          />
        }
        summary={
          counts ? (
            <Typography.Text type="secondary">
              {tr('counts', { open: counts.open, confirmed: counts.confirmed })}
            </Typography.Text>
          ) : null
        }
        exportTo={canExport ? { url: '/api/referral-tasks/export', query: params } : null}
        empty={<Empty description={tr('empty')} />}
        scrollX={900}
        rowProps={() => ({ 'data-testid': 'down-task' })}
        columns={[
          { key: 'patient', title: tr('patient'), width: 100, mobile: 'title', render: (t) => t.resident?.name ?? '—' },
          { key: 'title', title: tr('task'), width: 200, render: (t) => t.title },
          {
            key: 'status',
            title: tr('status'),
            width: 90,
            sortKey: 'status',
            mobile: 'extra',
            render: (t) => <Tag color={STATUS_COLOR[t.status]}>{statusText(t.status)}</Tag>,
          },
          { key: 'org', title: tr('org'), width: 160, render: (t) => t.orgName },
          { key: 'due', title: tr('dueOn'), width: 110, sortKey: 'dueOn', render: (t) => formatDate(t.dueOn) },
          {
            key: 'notes',
            title: tr('notes'),
            width: 80,
            render: (t) => (t.notes.length ? tr('notesCount', { n: t.notes.length }) : '—'),
          },
          {
            key: 'open',
            title: '',
            width: 120,
            mobile: 'plain',
            render: (t) => (
              <Button
                size="small"
                type={t.status === 'open' ? 'primary' : 'default'}
                onClick={() => void navigate(`/referrals/${t.referralId}`)}
              >
                {t.status === 'open' ? tr('confirm') : t.status === 'confirmed' ? tr('followUp') : tr('view')}
              </Button>
            ),
          },
        ]}
      />
    </Page>
  );
}
