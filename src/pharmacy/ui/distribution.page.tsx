import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, InputNumber, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import {
  anyResult,
  DIST_STATUSES,
  distDetail,
  distPage,
  requestPage,
  useProcureStream,
  type DistDetail,
  type DistRow,
  type DistStatus,
  type RequestRow,
} from './procure.api.ts';
import { DIST_STATUS_WORDS, procureMessages, word } from './procure.i18n.ts';

const STEPS: Partial<Record<DistStatus, ('approve' | 'pick' | 'ship' | 'cancel')[]>> = {
  requested: ['approve', 'cancel'],
  approved: ['pick', 'cancel'],
  picked: ['ship'],
};
const STEP_WORD = { approve: 'approve', pick: 'pick', ship: 'ship', cancel: 'voidOrder' } as const;
const COLOR: Partial<Record<DistStatus, string>> = {
  discrepancy: 'red',
  received: 'green',
  resolved: 'green',
  shipped: 'blue',
};

/** 统一配送 and 调剂: by status (open ones first), live; the sender's steps, the receiver's confirmation, discrepancies. */
export function DistributionPage() {
  const t = useT(procureMessages);
  const lang = useLang();
  useProcureStream();
  const isPharmacist = useMayCall('POST /api/pharmacy/distributions/:id/approve');
  const list = useListParams<{ status?: string; open?: string }>({ open: '1' }, { inUrl: true });
  const rows = useListQuery(['pharmacy-dist'], '/api/pharmacy/distributions', distPage, list.params);
  const [openId, setOpenId] = useState<number | null>(null);
  const { page: _p, pageSize: _s, sort: _o, ...exportQuery } = list.params;
  const tab = list.params.open ? 'open' : (list.params.status ?? 'all');
  return (
    <Page title={t('distributionTitle')}>
      {isPharmacist ? <ToDistribute /> : null}
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          list.setFilter(
            k === 'open' ? { open: '1', status: undefined } : { open: undefined, status: k === 'all' ? undefined : k },
          )
        }
        items={[
          { key: 'open', label: t('openOnly') },
          { key: 'all', label: t('all') },
          ...DIST_STATUSES.map((s) => ({ key: s, label: word(DIST_STATUS_WORDS[s], lang) })),
        ]}
      />
      <DataList<DistRow>
        size="small"
        rowKey={(r) => r.id}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        error={rows.isError ? rows.error : undefined}
        onRetry={() => void rows.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        exportTo={{ url: '/api/pharmacy/distributions/export', query: exportQuery }}
        onRowClick={(r) => setOpenId(r.id)}
        rowProps={(r) => ({ 'data-dist': r.distNo, 'data-status': r.status })}
        columns={[
          { key: 'no', title: t('distNo'), render: (r) => r.distNo, width: 160, mobile: 'title' },
          {
            key: 'kind',
            title: t('kind'),
            render: (r) => t(r.kind === 'transfer' ? 'kindTransfer' : 'kindDistribution'),
            width: 70,
          },
          { key: 'from', title: t('from'), render: (r) => r.fromName },
          { key: 'to', title: t('to'), render: (r) => r.toName },
          {
            key: 'status',
            title: t('status'),
            render: (r) => <Tag color={COLOR[r.status]}>{word(DIST_STATUS_WORDS[r.status], lang)}</Tag>,
            width: 110,
            mobile: 'extra',
          },
          { key: 'at', title: t('createdAt'), render: (r) => formatDateTime(r.createdAt), width: 150 },
        ]}
      />
      {openId !== null ? <DistDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </Page>
  );
}

function ToDistribute() {
  const t = useT(procureMessages);
  const qc = useQueryClient();
  const pending = useQuery({
    queryKey: ['pharmacy-requests', 'to-distribute'],
    queryFn: async () => {
      const [a, b] = await Promise.all(
        ['consolidated', 'submitted'].map((status) =>
          apiGet('/api/pharmacy/requests', requestPage, { status, pageSize: 100 }),
        ),
      );
      return [...a.items, ...b.items];
    },
  });
  const run = useMutation({
    mutationFn: (requestId: number) => apiSend('POST', '/api/pharmacy/distributions', { requestId }, anyResult),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pharmacy-requests'] });
      void qc.invalidateQueries({ queryKey: ['pharmacy-dist'] });
    },
  });
  if (!pending.data?.length) return null;
  return (
    <Card size="small" title={t('toDistribute')} style={{ marginBottom: 12 }}>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      <Table<RequestRow>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 480 }}
        dataSource={pending.data}
        columns={[
          { key: 'id', title: t('requestNo'), render: (_, r) => r.id, width: 80 },
          { key: 'org', title: t('org'), render: (_, r) => r.orgName },
          {
            key: 'lines',
            title: t('items'),
            render: (_, r) => r.lines.map((l) => `${l.name} ${l.packs}${l.unit}`).join('；'),
          },
          {
            key: 'go',
            title: '',
            width: 90,
            render: (_, r) => (
              <Button
                size="small"
                aria-label={`${t('distribute')} ${r.id}`}
                loading={run.isPending && run.variables === r.id}
                onClick={() => run.mutate(r.id)}
              >
                {t('distribute')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function DistDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT(procureMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const isPharmacist = useMayCall('POST /api/pharmacy/distributions/:id/approve');
  const d = useQuery({
    queryKey: ['pharmacy-dist', id],
    queryFn: () => apiGet(`/api/pharmacy/distributions/${id}`, distDetail),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['pharmacy-dist'] });
  const act = useMutation({
    mutationFn: (a: string) => apiSend('POST', `/api/pharmacy/distributions/${id}/${a}`, {}, anyResult),
    onSuccess: refresh,
  });
  const x = d.data;
  return (
    <Drawer open onClose={onClose} title={x?.distNo ?? t('detail')} size="large" destroyOnHidden>
      {d.isError ? <ErrorAlert error={d.error} onRetry={() => void d.refetch()} /> : null}
      {act.isError ? <ErrorAlert error={act.error} /> : null}
      {x ? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={COLOR[x.status]} data-status={x.status}>
              {word(DIST_STATUS_WORDS[x.status], lang)}
            </Tag>
            <Typography.Text>{`${x.fromName} → ${x.toName}`}</Typography.Text>
            {isPharmacist
              ? (STEPS[x.status] ?? []).map((a) => (
                  <Button
                    key={a}
                    type={a === 'cancel' ? 'default' : 'primary'}
                    danger={a === 'cancel'}
                    onClick={() => act.mutate(a)}
                    loading={act.isPending && act.variables === a}
                  >
                    {t(STEP_WORD[a])}
                  </Button>
                ))
              : null}
          </Space>
          {x.resolution ? (
            <Alert type="success" title={`${t('resolution')}：${x.resolution}`} style={{ marginBottom: 12 }} />
          ) : null}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={x.lines}
            columns={[
              { key: 'drug', title: t('drug'), render: (_, l) => `${l.name} ${l.spec}` },
              { key: 'packs', title: t('packs'), render: (_, l) => `${l.packs}${l.unit}`, width: 80 },
              {
                key: 'picks',
                title: t('batchNo'),
                render: (_, l) =>
                  l.picks.length
                    ? l.picks
                        .map(
                          (p) =>
                            `${p.batchNo ?? ''}（${p.expiryDate ?? ''}）×${p.packs}${p.receivedPacks === null ? '' : ` / ${t('received')} ${p.receivedPacks}`}${p.discrepancyNote ? `：${p.discrepancyNote}` : ''}`,
                        )
                        .join('；')
                    : t('noPicks'),
              },
            ]}
          />
          {x.status === 'shipped' && x.mayReceive ? <ReceiveForm d={x} onDone={refresh} /> : null}
          {x.status === 'discrepancy' && isPharmacist ? <ResolveForm id={x.id} onDone={refresh} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}

/** the receiver's confirmation: received packs per shipped batch; any shortfall needs a note */
function ReceiveForm({ d, onDone }: { d: DistDetail; onDone: () => void }) {
  const t = useT(procureMessages);
  const { message } = App.useApp();
  const picks = d.lines.flatMap((l) => l.picks.map((p) => ({ ...p, name: l.name })));
  const [form] = Form.useForm<{ received: Record<string, number>; note?: string }>();
  const save = useMutation({
    mutationFn: (v: { received: Record<string, number>; note?: string }) =>
      apiSend(
        'POST',
        `/api/pharmacy/distributions/${d.id}/receive`,
        { note: v.note, picks: picks.map((p) => ({ pickId: p.id, receivedPacks: v.received[String(p.id)] ?? 0 })) },
        anyResult,
      ),
    onSuccess: () => {
      void message.success(t('done'));
      onDone();
    },
  });
  return (
    <Card size="small" title={t('confirmReceipt')} style={{ marginTop: 12 }}>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ received: Object.fromEntries(picks.map((p) => [String(p.id), p.packs])) }}
        onFinish={(v) => save.mutate(v)}
      >
        {picks.map((p) => {
          const label = `${t('receivedPacks')} ${p.name} ${p.batchNo ?? ''}`;
          return (
            <Form.Item
              key={p.id}
              name={['received', String(p.id)]}
              label={`${label}（${t('shippedPacks')} ${p.packs}）`}
            >
              <InputNumber aria-label={label} min={0} max={p.packs} precision={0} />
            </Form.Item>
          );
        })}
        <Form.Item name="note" label={t('discrepancyNote')}>
          <Input.TextArea aria-label={t('discrepancyNote')} rows={2} maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('confirmReceipt')}
        </Button>
      </Form>
    </Card>
  );
}

function ResolveForm({ id, onDone }: { id: number; onDone: () => void }) {
  const t = useT(procureMessages);
  const [resolution, setResolution] = useState('');
  const save = useMutation({
    mutationFn: () => apiSend('POST', `/api/pharmacy/distributions/${id}/resolve`, { resolution }, anyResult),
    onSuccess: onDone,
  });
  return (
    <Card size="small" title={t('resolve')} style={{ marginTop: 12 }}>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Input.TextArea
        aria-label={t('resolution')}
        placeholder={t('resolution')}
        rows={2}
        maxLength={300}
        value={resolution}
        onChange={(e) => setResolution(e.target.value)}
      />
      <Button type="primary" style={{ marginTop: 8 }} loading={save.isPending} onClick={() => save.mutate()}>
        {t('resolve')}
      </Button>
    </Card>
  );
}
