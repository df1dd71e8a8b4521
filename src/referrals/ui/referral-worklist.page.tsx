import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { formatDateTime } from '../../web/format.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import type { Referral, WorklistQuery } from '../referral.schema.ts';
import { REFERRAL_STATUSES, STATUS_LABELS, URGENCIES, URGENCY_LABELS } from '../referral.states.ts';
import { STATUS_COLORS, URGENCY_COLORS, countdown } from './referral-labels.ts';
import { useReferralStream, useWorklist } from './referrals.api.ts';

type Box = WorklistQuery['box'];
type Filters = {
  box: Box;
  status?: WorklistQuery['status'];
  urgency?: WorklistQuery['urgency'];
  escalated?: 'true';
  direction?: WorklistQuery['direction'];
};

/** 转诊工作台: the tiered-care centre's and every org's incoming/outgoing lists, live. */
export function ReferralWorklistPage() {
  const navigate = useNavigate();
  const canCreate = useMayCall('POST /api/referrals');
  const canExport = useMayCall('GET /api/referrals/export');
  const list = useListParams<Filters>({ box: 'incoming' }, { inUrl: true });
  const { params } = list;
  const data = useWorklist(params);
  useReferralStream();
  // countdowns tick every 30 s from the server's clock at fetch time
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((x) => x + 1), 30_000);
    return () => clearInterval(t);
  }, []);
  const offset = data.data ? new Date(data.data.now).getTime() - data.dataUpdatedAt : 0;
  const serverNow = Date.now() + offset;
  const counts = data.data?.counts;

  return (
    <Page
      title="转诊工作台"
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/referrals/new')}>
            发起转诊
          </Button>
        ) : null
      }
    >
      <Tabs
        activeKey={params.box}
        onChange={(k) => list.setFilter({ box: k as Box })}
        items={[
          {
            key: 'incoming',
            label: (
              <Badge count={params.box === 'incoming' ? counts?.unread : 0} size="small" offset={[8, -2]}>
                转入
              </Badge>
            ),
          },
          { key: 'outgoing', label: '转出' },
          { key: 'all', label: '全部' },
        ]}
      />
      <DataList<Referral>
        rowKey={(r) => r.id}
        data={data.data}
        loading={data.isFetching && !data.data}
        error={data.isError ? data.error : undefined}
        onRetry={() => void data.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: '患者姓名', onSearch: (q) => list.setFilter({ q }), width: 160 }}
        filters={
          <>
            <Select
              allowClear
              placeholder="状态"
              style={{ width: 140 }}
              value={params.status}
              onChange={(status?: Filters['status']) => list.setFilter({ status })}
              aria-label="状态"
              options={[
                { value: 'awaiting', label: '待处理' },
                { value: 'open', label: '进行中' },
                ...REFERRAL_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
              ]}
            />
            <Select
              allowClear
              placeholder="紧急程度"
              style={{ width: 120 }}
              value={params.urgency}
              onChange={(urgency?: Filters['urgency']) => list.setFilter({ urgency })}
              aria-label="紧急程度"
              options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
            />
            <Select
              allowClear
              placeholder="方向"
              style={{ width: 110 }}
              value={params.direction}
              onChange={(direction?: Filters['direction']) => list.setFilter({ direction })}
              aria-label="方向"
              options={[
                { value: 'up', label: '上转' },
                { value: 'down', label: '下转' },
              ]}
            />
            <Select
              allowClear
              placeholder="超时升级"
              style={{ width: 120 }}
              value={params.escalated}
              onChange={(escalated?: 'true') => list.setFilter({ escalated })}
              aria-label="超时升级"
              options={[{ value: 'true', label: '已升级' }]}
            />
          </>
        }
        summary={
          counts ? (
            <Typography.Text type="secondary">
              待处理 {counts.awaiting} · 已升级 {counts.escalated} · 未读 {counts.unread}
            </Typography.Text>
          ) : null
        }
        exportTo={canExport ? { url: '/api/referrals/export', query: params } : null}
        scrollX={1100}
        onRowClick={(r) => navigate(`/referrals/${r.id}`)}
        rowProps={(r) => ({ 'data-referral-id': r.id })}
        columns={[
          { key: 'id', title: '编号', width: 70, sortKey: 'id', render: (r) => r.id, mobile: 'hide' },
          {
            key: 'patient',
            title: '患者',
            width: 110,
            mobile: 'title',
            render: (r) => (
              <Space size={4}>
                {r.resident.name}
                {r.priority ? <Tag color="gold">三优先</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'direction',
            title: '方向',
            width: 70,
            render: (r) => (
              <Tag color={r.direction === 'up' ? 'blue' : 'green'}>
                {r.direction === 'up' ? (r.outOfCounty ? '外转' : '上转') : '下转'}
              </Tag>
            ),
          },
          {
            key: 'urgency',
            title: '紧急',
            width: 80,
            sortKey: 'urgency',
            render: (r) => <Tag color={URGENCY_COLORS[r.urgency]}>{URGENCY_LABELS[r.urgency]}</Tag>,
          },
          { key: 'diagnosis', title: '诊断', width: 160, render: (r) => `${r.diagnosis.name}（${r.diagnosis.code}）` },
          { key: 'from', title: '转出', width: 150, render: (r) => r.fromOrg.name },
          { key: 'to', title: '转入', width: 150, render: (r) => r.toOrg.name },
          {
            key: 'status',
            title: '状态',
            width: 100,
            mobile: 'extra',
            render: (r) => <Tag color={STATUS_COLORS[r.status]}>{STATUS_LABELS[r.status]}</Tag>,
          },
          {
            key: 'deadline',
            title: '接收时限',
            width: 150,
            sortKey: 'deadlineAt',
            render: (r) => {
              if (r.status !== 'submitted' && r.status !== 'redirected') return '—';
              const c = countdown(r.deadlineAt, serverNow);
              return (
                <Space size={4} wrap>
                  {c ? <Typography.Text type={c.overdue ? 'danger' : undefined}>{c.text}</Typography.Text> : null}
                  {r.escalationLevel > 0 ? (
                    <Tag color="red">{r.escalationLevel === 1 ? '已提醒协调员' : '已报科主任'}</Tag>
                  ) : null}
                </Space>
              );
            },
          },
          {
            key: 'createdAt',
            title: '创建时间',
            width: 150,
            sortKey: 'createdAt',
            render: (r) => formatDateTime(r.createdAt),
          },
          {
            key: 'hint',
            title: '',
            width: 90,
            mobile: 'plain',
            render: (r) => (r.suggestDown ? <Tag color="green">建议下转</Tag> : null),
          },
        ]}
      />
    </Page>
  );
}
