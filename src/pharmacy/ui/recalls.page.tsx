import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { usePharmacyLive } from './live.ts';
import { availableList, PHARMACY_KEY, recallDetail, recallList, type RecallDetail } from './stock.api.ts';
import { stockMessages } from './stock.i18n.ts';

type Key = Parameters<ReturnType<typeof useT<typeof stockMessages>>>[0];
const LEVEL: Record<string, Key> = { '1': 'level1', '2': 'level2', '3': 'level3' };
const OUTCOMES = ['reached', 'unreachable', 'returnedDrug', 'consumed'] as const;
const OUTCOME_VALUE: Record<(typeof OUTCOMES)[number], string> = {
  reached: 'reached',
  unreachable: 'unreachable',
  returnedDrug: 'returned',
  consumed: 'consumed',
};
const outcomeKey = (v: string | null): (typeof OUTCOMES)[number] | null =>
  v === null
    ? null
    : ((Object.keys(OUTCOME_VALUE) as Array<(typeof OUTCOMES)[number]>).find((k) => OUTCOME_VALUE[k] === v) ?? null);

/** 药品召回: start a recall by batch (blocked county-wide at once), call everyone who received it. */
export function RecallsPage() {
  const t = useT(stockMessages);
  const canStart = useMayCall('POST /api/pharmacy/recalls');
  usePharmacyLive();
  const [open, setOpen] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const list = useQuery({
    queryKey: [...PHARMACY_KEY, 'recalls'],
    queryFn: () => apiGet('/api/pharmacy/recalls', recallList),
  });
  return (
    <Page
      title={t('recallsTitle')}
      extra={
        canStart ? (
          <Button type="primary" danger onClick={() => setStarting(true)}>
            {t('recallNew')}
          </Button>
        ) : null
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), 'data-recall': r.batchNo }) as never}
        columns={[
          { key: 'drug', title: t('drug'), render: (_, r) => `${r.drugName} ${r.spec}` },
          { key: 'batch', title: t('batchNo'), dataIndex: 'batchNo', width: 110 },
          { key: 'level', title: t('level'), width: 70, render: (_, r) => t(LEVEL[r.level]) },
          { key: 'reason', title: t('recallReason'), dataIndex: 'reason' },
          { key: 'blocked', title: t('blockedQty'), dataIndex: 'blockedQty', width: 90, align: 'right' },
          {
            key: 'status',
            title: t('status'),
            width: 90,
            render: (_, r) =>
              r.status === 'open' ? <Tag color="red">{t('statusOpen')}</Tag> : <Tag>{t('statusClosed')}</Tag>,
          },
          { key: 'at', title: t('startedAt'), width: 150, render: (_, r) => formatDateTime(r.startedAt) },
        ]}
      />
      {starting ? <StartRecall onClose={() => setStarting(false)} onStarted={setOpen} /> : null}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" title={t('recallsTitle')}>
        {open !== null ? <RecallView id={open} /> : null}
      </Drawer>
    </Page>
  );
}

function StartRecall({ onClose, onStarted }: { onClose: () => void; onStarted: (id: number) => void }) {
  const t = useT(stockMessages);
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ drugId: number; batchNo: string; level: string; reason: string }>();
  const [q, setQ] = useState('');
  const drugs = useQuery({
    queryKey: [...PHARMACY_KEY, 'available', me.org.id, q],
    queryFn: () => apiGet('/api/pharmacy/stock/available', availableList, { orgId: me.org.id, q: q || undefined }),
  });
  const start = useMutation({
    mutationFn: (v: { drugId: number; batchNo: string; level: string; reason: string }) =>
      apiSend('POST', '/api/pharmacy/recalls', v, recallDetail),
    onSuccess: (r) => {
      void message.success(t('recallStarted'));
      void qc.invalidateQueries({ queryKey: PHARMACY_KEY });
      onClose();
      onStarted(r.id);
    },
  });
  return (
    <Modal
      open
      title={t('recallNew')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('recallNew')}
      okButtonProps={{ danger: true }}
      confirmLoading={start.isPending}
    >
      {start.isError ? <ErrorAlert error={start.error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ level: '2' }} onFinish={(v) => start.mutate(v)}>
        <Form.Item name="drugId" label={t('drug')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            aria-label={t('drug')}
            placeholder={t('pickDrug')}
            options={(drugs.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} ${d.spec}` }))}
          />
        </Form.Item>
        <Form.Item name="batchNo" label={t('batchNo')} rules={[{ required: true }]}>
          <Input aria-label={t('batchNo')} maxLength={30} />
        </Form.Item>
        <Form.Item name="level" label={t('level')}>
          <Select aria-label={t('level')} options={['1', '2', '3'].map((l) => ({ value: l, label: t(LEVEL[l]) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('recallReason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea aria-label={t('recallReason')} maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RecallView({ id }: { id: number }) {
  const t = useT(stockMessages);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const canClose = useMayCall('POST /api/pharmacy/recalls/:id/close');
  const r = useQuery({
    queryKey: [...PHARMACY_KEY, 'recall', id],
    queryFn: () => apiGet(`/api/pharmacy/recalls/${id}`, recallDetail),
  });
  const call = useMutation({
    mutationFn: (v: { residentId: number; outcome: string }) =>
      apiSend('POST', `/api/pharmacy/recalls/${id}/calls`, v, z.unknown()),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...PHARMACY_KEY, 'recall', id] }),
    onError: (e) => void message.error(e.message),
  });
  const close = useMutation({
    mutationFn: () => apiSend('POST', `/api/pharmacy/recalls/${id}/close`, {}, z.unknown()),
    onSuccess: () => void qc.invalidateQueries({ queryKey: PHARMACY_KEY }),
  });
  const d: RecallDetail | undefined = r.data;
  if (!d) return r.isError ? <ErrorAlert error={r.error} /> : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'drug', label: t('drug'), children: `${d.drugName} ${d.spec}` },
          { key: 'mf', label: t('manufacturer'), children: d.manufacturer },
          { key: 'batch', label: t('batchNo'), children: <Tag color="red">{d.batchNo}</Tag> },
          { key: 'level', label: t('level'), children: t(LEVEL[d.level]) },
          { key: 'reason', label: t('recallReason'), children: d.reason },
          { key: 'by', label: t('startedBy'), children: `${d.startedBy} · ${formatDateTime(d.startedAt)}` },
        ]}
      />
      {canClose && d.status === 'open' ? (
        <Button onClick={() => close.mutate()} loading={close.isPending}>
          {t('closeRecall')}
        </Button>
      ) : null}
      <Card size="small" title={t('holders')}>
        <Table
          size="small"
          rowKey="org_id"
          pagination={false}
          dataSource={d.holders}
          columns={[
            { key: 'org', title: t('org'), dataIndex: 'org_name' },
            { key: 'in', title: t('received'), dataIndex: 'received', align: 'right' },
            { key: 'out', title: t('out'), dataIndex: 'out', align: 'right' },
            { key: 'blocked', title: t('blockedQty'), dataIndex: 'blocked', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={t('callList', { n: d.residents.length })}>
        <Table
          size="small"
          rowKey="residentId"
          dataSource={d.residents}
          scroll={{ x: 760 }}
          onRow={(x) => ({ 'data-resident': x.residentId }) as never}
          columns={[
            { key: 'name', title: t('resident'), dataIndex: 'name', width: 80 },
            {
              key: 'mobile',
              title: t('mobile'),
              width: 120,
              render: (_, x) => (x.mobile ? <a href={`tel:${x.mobile}`}>{x.mobile}</a> : '—'),
            },
            { key: 'org', title: t('org'), dataIndex: 'orgName', width: 140 },
            { key: 'qty', title: t('qty'), width: 70, render: (_, x) => `${x.qty}${d.minUnit}` },
            { key: 'last', title: t('lastAt'), width: 140, render: (_, x) => formatDateTime(x.lastAt) },
            {
              key: 'outcome',
              title: t('outcome'),
              width: 150,
              render: (_, x) => {
                const k = outcomeKey(x.outcome);
                return (
                  <Select
                    size="small"
                    aria-label={`${t('outcome')} ${x.name}`}
                    placeholder={t('outcome')}
                    style={{ width: 130 }}
                    value={k ?? undefined}
                    onChange={(v: (typeof OUTCOMES)[number]) =>
                      call.mutate({ residentId: x.residentId, outcome: OUTCOME_VALUE[v] })
                    }
                    options={OUTCOMES.map((o) => ({ value: o, label: t(o) }))}
                  />
                );
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}
