import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { Referral, WorklistQuery } from '../referral.schema.ts';
import { REFERRAL_STATUSES, URGENCIES, type ReferralStatus } from '../referral.states.ts';
import { STATUS_COLORS, URGENCY_COLORS, countdown } from './referral-labels.ts';
import { useReferralStream, useWorklist } from './referrals.api.ts';
import { referralStatusText, referralWords, urgencyText, worklistMessages } from './referrals.i18n.ts';

/** 转诊工作台: the tiered-care centre's and every org's incoming/outgoing lists, live. */
export function ReferralWorklistPage() {
  const t = useT(worklistMessages);
  const w = useT(referralWords);
  const lang = useLang();
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
    const timer = setInterval(() => tick((x) => x + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const offset = list.data ? new Date(list.data.now).getTime() - list.dataUpdatedAt : 0;
  const serverNow = Date.now() + offset;
  const counts = list.data?.counts;

  return (
    <Page
      title={t('title')}
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/referrals/new')}>
            {t('create')}
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
                    {t('incoming')}
                  </Badge>
                ),
              },
              { key: 'outgoing', label: t('outgoing') },
              { key: 'all', label: t('all') },
            ]}
          />
          <Select
            allowClear
            placeholder={t('status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            aria-label={t('status')}
            options={[
              { value: 'awaiting', label: t('awaiting') },
              { value: 'open', label: t('open') },
              ...REFERRAL_STATUSES.map((s) => ({ value: s, label: referralStatusText(s, lang) })),
            ]}
          />
          <Select
            allowClear
            placeholder={t('urgency')}
            style={{ width: 120 }}
            value={urgency}
            onChange={setUrgency}
            aria-label={t('urgency')}
            options={URGENCIES.map((u) => ({ value: u, label: urgencyText(u, lang) }))}
          />
          <Select
            allowClear
            placeholder={t('escalation')}
            style={{ width: 120 }}
            value={escalated}
            onChange={setEscalated}
            aria-label={t('escalation')}
            options={[{ value: 'true', label: t('escalated') }]}
          />
          {counts ? (
            <Typography.Text type="secondary">
              {t('counts', { awaiting: counts.awaiting, escalated: counts.escalated, unread: counts.unread })}
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
          { title: t('id'), dataIndex: 'id', width: 70 },
          {
            title: t('patient'),
            width: 110,
            render: (_, r) => (
              <Space size={4}>
                {r.resident.name}
                {r.priority ? <Tag color="gold">{w('priority')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('direction'),
            dataIndex: 'direction',
            width: 70,
            render: (d: string, r) => (
              <Tag color={d === 'up' ? 'blue' : 'green'}>
                {d === 'up' ? (r.outOfCounty ? w('out') : w('up')) : w('down')}
              </Tag>
            ),
          },
          {
            title: t('urgencyShort'),
            dataIndex: 'urgency',
            width: 70,
            render: (u: Referral['urgency']) => <Tag color={URGENCY_COLORS[u]}>{urgencyText(u, lang)}</Tag>,
          },
          {
            title: t('diagnosis'),
            width: 160,
            render: (_, r) => t('diagnosisLine', { name: r.diagnosis.name, code: r.diagnosis.code }),
          },
          { title: t('from'), width: 150, render: (_, r) => r.fromOrg.name },
          { title: t('to'), width: 150, render: (_, r) => r.toOrg.name },
          {
            title: t('status'),
            dataIndex: 'status',
            width: 100,
            render: (s: ReferralStatus) => <Tag color={STATUS_COLORS[s]}>{referralStatusText(s, lang)}</Tag>,
          },
          {
            title: t('deadline'),
            width: 140,
            render: (_, r) => {
              if (r.status !== 'submitted' && r.status !== 'redirected') return '—';
              const c = countdown(r.deadlineAt, serverNow, lang);
              return (
                <Space size={4}>
                  {c ? <Typography.Text type={c.overdue ? 'danger' : undefined}>{c.text}</Typography.Text> : null}
                  {r.escalationLevel > 0 ? (
                    <Tag color="red">{r.escalationLevel === 1 ? t('coordinatorAlerted') : t('headAlerted')}</Tag>
                  ) : null}
                </Space>
              );
            },
          },
          {
            title: '',
            width: 90,
            render: (_, r) => (r.suggestDown ? <Tag color="green">{t('suggestDown')}</Tag> : null),
          },
        ]}
      />
    </Page>
  );
}
