import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { Page } from '../../web/page.tsx';
import type { Referral, WorklistQuery } from '../referral.schema.ts';
import {
  REFERRAL_STATUSES,
  STATUS_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  type ReferralStatus,
} from '../referral.states.ts';
import { STATUS_COLORS, URGENCY_COLORS, countdown } from './referral-labels.ts';
import { useReferralStream, useWorklist } from './referrals.api.ts';

/** 转诊工作台: the tiered-care centre's and every org's incoming/outgoing lists, live. */
export function ReferralWorklistPage() {
  const navigate = useNavigate();
  const canCreate = useMayCall('POST /api/referrals');
  const [box, setBox] = useState<WorklistQuery['box']>('incoming');
  const [status, setStatus] = useState<WorklistQuery['status']>();
  const [urgency, setUrgency] = useState<WorklistQuery['urgency']>();
  const [escalated, setEscalated] = useState<'true' | undefined>();
  const list = useWorklist({ box, status, urgency, escalated, limit: 100 });
  useReferralStream();
  // countdowns tick every 30 s from the server's clock at fetch time
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((x) => x + 1), 30_000);
    return () => clearInterval(t);
  }, []);
  const offset = list.data ? new Date(list.data.now).getTime() - list.dataUpdatedAt : 0;
  const serverNow = Date.now() + offset;
  const counts = list.data?.counts;

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
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Tabs
            activeKey={box}
            onChange={(k) => setBox(k as WorklistQuery['box'])}
            items={[
              {
                key: 'incoming',
                label: (
                  <Badge count={box === 'incoming' ? counts?.unread : 0} size="small" offset={[8, -2]}>
                    转入
                  </Badge>
                ),
              },
              { key: 'outgoing', label: '转出' },
              { key: 'all', label: '全部' },
            ]}
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
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
            value={urgency}
            onChange={setUrgency}
            aria-label="紧急程度"
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
          />
          <Select
            allowClear
            placeholder="超时升级"
            style={{ width: 120 }}
            value={escalated}
            onChange={setEscalated}
            aria-label="超时升级"
            options={[{ value: 'true', label: '已升级' }]}
          />
          {counts ? (
            <Typography.Text type="secondary">
              待处理 {counts.awaiting} · 已升级 {counts.escalated} · 未读 {counts.unread}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Table<Referral>
        rowKey="id"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        pagination={false}
        scroll={{ x: 1100 }}
        onRow={(r) =>
          ({
            onClick: () => navigate(`/referrals/${r.id}`),
            className: 'oc-clickable-row',
            'data-referral-id': r.id,
          }) as never
        }
        columns={[
          { title: '编号', dataIndex: 'id', width: 70 },
          {
            title: '患者',
            width: 110,
            render: (_, r) => (
              <Space size={4}>
                {r.resident.name}
                {r.priority ? <Tag color="gold">三优先</Tag> : null}
              </Space>
            ),
          },
          {
            title: '方向',
            dataIndex: 'direction',
            width: 70,
            render: (d: string, r) => (
              <Tag color={d === 'up' ? 'blue' : 'green'}>{d === 'up' ? (r.outOfCounty ? '外转' : '上转') : '下转'}</Tag>
            ),
          },
          {
            title: '紧急',
            dataIndex: 'urgency',
            width: 70,
            render: (u: Referral['urgency']) => <Tag color={URGENCY_COLORS[u]}>{URGENCY_LABELS[u]}</Tag>,
          },
          { title: '诊断', width: 160, render: (_, r) => `${r.diagnosis.name}（${r.diagnosis.code}）` },
          { title: '转出', width: 150, render: (_, r) => r.fromOrg.name },
          { title: '转入', width: 150, render: (_, r) => r.toOrg.name },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: ReferralStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
          },
          {
            title: '接收时限',
            width: 140,
            render: (_, r) => {
              if (r.status !== 'submitted' && r.status !== 'redirected') return '—';
              const c = countdown(r.deadlineAt, serverNow);
              return (
                <Space size={4}>
                  {c ? <Typography.Text type={c.overdue ? 'danger' : undefined}>{c.text}</Typography.Text> : null}
                  {r.escalationLevel > 0 ? (
                    <Tag color="red">{r.escalationLevel === 1 ? '已提醒协调员' : '已报科主任'}</Tag>
                  ) : null}
                </Space>
              );
            },
          },
          { title: '', width: 90, render: (_, r) => (r.suggestDown ? <Tag color="green">建议下转</Tag> : null) },
        ]}
      />
    </Page>
  );
}
