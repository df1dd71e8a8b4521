import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { formatDateTime } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import type { Referral, WorklistQuery } from '../referral.schema.ts';
import { REFERRAL_STATUSES, URGENCIES } from '../referral.states.ts';
import { STATUS_COLORS, URGENCY_COLORS, countdown } from './referral-labels.ts';
import { useReferralStream, useWorklist } from './referrals.api.ts';
import { referralStatusText, referralWords, urgencyText, worklistMessages } from './referrals.i18n.ts';

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
  const t = useT(worklistMessages);
  const w = useT(referralWords);
  const lang = useLang();
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
    const timer = setInterval(() => tick((x) => x + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const offset = data.data ? new Date(data.data.now).getTime() - data.dataUpdatedAt : 0;
  const serverNow = Date.now() + offset;
  const counts = data.data?.counts;

  return (
    <Page
      title={t('title')}
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/referrals/new')}>
            {t('create')}
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
                {t('incoming')}
              </Badge>
            ),
          },
          { key: 'outgoing', label: t('outgoing') },
          { key: 'all', label: t('all') },
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
        search={{ placeholder: t('searchPatient'), onSearch: (q) => list.setFilter({ q }), width: 160 }}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('status')}
              style={{ width: 140 }}
              value={params.status}
              onChange={(status?: Filters['status']) => list.setFilter({ status })}
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
              value={params.urgency}
              onChange={(urgency?: Filters['urgency']) => list.setFilter({ urgency })}
              aria-label={t('urgency')}
              options={URGENCIES.map((u) => ({ value: u, label: urgencyText(u, lang) }))}
            />
            <Select
              allowClear
              placeholder={t('direction')}
              style={{ width: 110 }}
              value={params.direction}
              onChange={(direction?: Filters['direction']) => list.setFilter({ direction })}
              aria-label={t('direction')}
              options={[
                { value: 'up', label: w('up') },
                { value: 'down', label: w('down') },
              ]}
            />
            <Select
              allowClear
              placeholder={t('escalation')}
              style={{ width: 120 }}
              value={params.escalated}
              onChange={(escalated?: 'true') => list.setFilter({ escalated })}
              aria-label={t('escalation')}
              options={[{ value: 'true', label: t('escalated') }]}
            />
          </>
        }
        summary={
          counts ? (
            <Typography.Text type="secondary">
              {t('counts', { awaiting: counts.awaiting, escalated: counts.escalated, unread: counts.unread })}
            </Typography.Text>
          ) : null
        }
        exportTo={canExport ? { url: '/api/referrals/export', query: params } : null}
        scrollX={1100}
        onRowClick={(r) => void navigate(`/referrals/${r.id}`)}
        rowProps={(r) => ({ 'data-referral-id': r.id })}
        columns={[
          { key: 'id', title: t('id'), width: 70, sortKey: 'id', render: (r) => r.id, mobile: 'hide' },
          {
            key: 'patient',
            title: t('patient'),
            width: 110,
            mobile: 'title',
            render: (r) => (
              <Space size={4}>
                {r.resident.name}
                {r.priority ? <Tag color="gold">{w('priority')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'direction',
            title: t('direction'),
            width: 70,
            render: (r) => (
              <Tag color={r.direction === 'up' ? 'blue' : 'green'}>
                {r.direction === 'up' ? (r.outOfCounty ? w('out') : w('up')) : w('down')}
              </Tag>
            ),
          },
          {
            key: 'urgency',
            title: t('urgencyShort'),
            width: 80,
            sortKey: 'urgency',
            render: (r) => <Tag color={URGENCY_COLORS[r.urgency]}>{urgencyText(r.urgency, lang)}</Tag>,
          },
          {
            key: 'diagnosis',
            title: t('diagnosis'),
            width: 160,
            render: (r) => t('diagnosisLine', { name: r.diagnosis.name, code: r.diagnosis.code }),
          },
          { key: 'from', title: t('from'), width: 150, render: (r) => r.fromOrg.name },
          { key: 'to', title: t('to'), width: 150, render: (r) => r.toOrg.name },
          {
            key: 'status',
            title: t('status'),
            width: 100,
            mobile: 'extra',
            render: (r) => <Tag color={STATUS_COLORS[r.status]}>{referralStatusText(r.status, lang)}</Tag>,
          },
          {
            key: 'deadline',
            title: t('deadline'),
            width: 150,
            sortKey: 'deadlineAt',
            render: (r) => {
              if (r.status !== 'submitted' && r.status !== 'redirected') return '—';
              const c = countdown(r.deadlineAt, serverNow, lang);
              return (
                <Space size={4} wrap>
                  {c ? <Typography.Text type={c.overdue ? 'danger' : undefined}>{c.text}</Typography.Text> : null}
                  {r.escalationLevel > 0 ? (
                    <Tag color="red">{r.escalationLevel === 1 ? t('coordinatorAlerted') : t('headAlerted')}</Tag>
                  ) : null}
                </Space>
              );
            },
          },
          {
            key: 'createdAt',
            title: t('createdAt'),
            width: 150,
            sortKey: 'createdAt',
            render: (r) => formatDateTime(r.createdAt),
          },
          {
            key: 'hint',
            title: '',
            width: 90,
            mobile: 'plain',
            render: (r) => (r.suggestDown ? <Tag color="green">{t('suggestDown')}</Tag> : null),
          },
        ]}
      />
    </Page>
  );
}
