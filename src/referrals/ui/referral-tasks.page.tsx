import { Button, Empty, Select, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { formatDate } from '../../web/format.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import type { ReferralTask, TaskQuery } from '../referral.schema.ts';
import { useReferralStream, useTasks } from './referrals.api.ts';

const STATUS: Record<ReferralTask['status'], [string, string]> = {
  open: ['待确认', 'blue'],
  confirmed: ['随访中', 'cyan'],
  done: ['已完成', 'green'],
};

/** 下转任务: what the county sent down to this centre or clinic; confirming receipt happens on the referral. */
export function ReferralTasksPage() {
  const navigate = useNavigate();
  const canExport = useMayCall('GET /api/referral-tasks/export');
  const list = useListParams<{ status: TaskQuery['status'] }>({ status: 'pending' }, { inUrl: true });
  const { params } = list;
  const tasks = useTasks(params);
  useReferralStream();
  const counts = tasks.data?.counts;
  return (
    <Page title="下转任务">
      <DataList<ReferralTask>
        rowKey={(t) => t.id}
        data={tasks.data}
        loading={tasks.isFetching && !tasks.data}
        error={tasks.isError ? tasks.error : undefined}
        onRetry={() => void tasks.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: '患者姓名或任务', onSearch: (q) => list.setFilter({ q }), width: 180 }}
        filters={
          <Select
            style={{ width: 140 }}
            aria-label="状态"
            value={params.status ?? 'all'}
            onChange={(status: TaskQuery['status']) => list.setFilter({ status })}
            options={[
              { value: 'pending', label: '未完成' },
              { value: 'open', label: '待确认' },
              { value: 'confirmed', label: '随访中' },
              { value: 'done', label: '已完成' },
              { value: 'all', label: '全部' },
            ]}
          />
        }
        summary={
          counts ? (
            <Typography.Text type="secondary">
              待确认 {counts.open} · 随访中 {counts.confirmed}
            </Typography.Text>
          ) : null
        }
        exportTo={canExport ? { url: '/api/referral-tasks/export', query: params } : null}
        empty={<Empty description="暂无待办的下转任务" />}
        scrollX={900}
        rowProps={() => ({ 'data-testid': 'down-task' })}
        columns={[
          { key: 'patient', title: '患者', width: 100, mobile: 'title', render: (t) => t.resident?.name ?? '—' },
          { key: 'title', title: '任务', width: 200, render: (t) => t.title },
          {
            key: 'status',
            title: '状态',
            width: 90,
            sortKey: 'status',
            mobile: 'extra',
            render: (t) => <Tag color={STATUS[t.status][1]}>{STATUS[t.status][0]}</Tag>,
          },
          { key: 'org', title: '机构', width: 160, render: (t) => t.orgName },
          { key: 'due', title: '截止日期', width: 110, sortKey: 'dueOn', render: (t) => formatDate(t.dueOn) },
          {
            key: 'notes',
            title: '随访',
            width: 80,
            render: (t) => (t.notes.length ? `${t.notes.length} 次` : '—'),
          },
          {
            key: 'open',
            title: '',
            width: 120,
            mobile: 'plain',
            render: (t) =>
              t.status === 'done' ? (
                <Button size="small" onClick={() => navigate(`/referrals/${t.referralId}`)}>
                  查看
                </Button>
              ) : (
                <Button
                  size="small"
                  type={t.status === 'open' ? 'primary' : 'default'}
                  onClick={() => navigate(`/referrals/${t.referralId}`)}
                >
                  {t.status === 'open' ? '去确认接收' : '填写随访'}
                </Button>
              ),
          },
        ]}
      />
    </Page>
  );
}
