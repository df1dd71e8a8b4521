import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import {
  anyResult,
  newClientId,
  PO_STATUSES,
  poDetail,
  poPage,
  receiptResult,
  requestPage,
  useProcureStream,
  type PoDetail,
  type PoRow,
  type PoStatus,
  type RequestRow,
} from './procure.api.ts';
import { PO_STATUS_WORDS, procureMessages, word } from './procure.i18n.ts';

const ACTIONS: Record<PoStatus, ('approve' | 'send' | 'close' | 'cancel')[]> = {
  draft: ['approve', 'cancel'],
  approved: ['send', 'cancel'],
  sent: [],
  partially_received: ['close'],
  received: ['close'],
  closed: [],
  cancelled: [],
};
const ACTION_WORD = { approve: 'approve', send: 'send', close: 'close', cancel: 'voidOrder' } as const;

/** 统一采购: submitted requests consolidated per supplier; purchase orders by status, received by batch. */
export function PurchasePage() {
  const t = useT(procureMessages);
  const lang = useLang();
  useProcureStream();
  const list = useListParams<{ status?: string }>({}, { inUrl: true });
  const rows = useListQuery(['pharmacy-po'], '/api/pharmacy/purchase-orders', poPage, list.params);
  const [openId, setOpenId] = useState<number | null>(null);
  const { page: _p, pageSize: _s, sort: _o, ...exportQuery } = list.params;
  return (
    <Page title={t('purchaseTitle')}>
      <PendingRequests />
      <Tabs
        activeKey={list.params.status ?? 'all'}
        onChange={(k) => list.setFilter({ status: k === 'all' ? undefined : k })}
        items={[
          { key: 'all', label: t('all') },
          ...PO_STATUSES.map((s) => ({ key: s, label: word(PO_STATUS_WORDS[s], lang) })),
        ]}
      />
      <DataList<PoRow>
        size="small"
        rowKey={(r) => r.id}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        error={rows.isError ? rows.error : undefined}
        onRetry={() => void rows.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        exportTo={{ url: '/api/pharmacy/purchase-orders/export', query: exportQuery }}
        onRowClick={(r) => setOpenId(r.id)}
        rowProps={(r) => ({ 'data-order': r.orderNo, 'data-status': r.status })}
        columns={[
          { key: 'no', title: t('orderNo'), render: (r) => r.orderNo, width: 160, mobile: 'title' },
          { key: 'supplier', title: t('supplier'), render: (r) => r.supplierName },
          {
            key: 'status',
            title: t('status'),
            render: (r) => <Tag>{word(PO_STATUS_WORDS[r.status], lang)}</Tag>,
            width: 110,
            mobile: 'extra',
          },
          { key: 'amount', title: t('amount'), render: (r) => formatMoney(r.totalFen), width: 120, align: 'right' },
          { key: 'at', title: t('createdAt'), render: (r) => formatDateTime(r.createdAt), width: 150 },
        ]}
      />
      {openId !== null ? <PoDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </Page>
  );
}

function PendingRequests() {
  const t = useT(procureMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const pending = useQuery({
    queryKey: ['pharmacy-requests', 'pending'],
    queryFn: () => apiGet('/api/pharmacy/requests', requestPage, { status: 'submitted', pageSize: 100 }),
  });
  const [selected, setSelected] = useState<number[]>([]);
  const run = useMutation({
    mutationFn: () => apiSend('POST', '/api/pharmacy/purchase-orders', { requestIds: selected }, anyResult),
    onSuccess: (r) => {
      const orders = (r as { orders?: { orderNo: string }[] }).orders ?? [];
      void message.success(t('consolidated', { n: orders.map((o) => o.orderNo).join('、') }));
      setSelected([]);
      void qc.invalidateQueries({ queryKey: ['pharmacy-requests'] });
      void qc.invalidateQueries({ queryKey: ['pharmacy-po'] });
    },
  });
  return (
    <Card
      size="small"
      title={t('pendingRequests')}
      style={{ marginBottom: 12 }}
      extra={
        <Button type="primary" disabled={selected.length === 0} loading={run.isPending} onClick={() => run.mutate()}>
          {t('consolidate')}
        </Button>
      }
    >
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      <Table<RequestRow>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 500 }}
        loading={pending.isLoading}
        dataSource={pending.data?.items ?? []}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (r) => ({ 'aria-label': `${t('requestNo')} ${r.id}` }),
        }}
        columns={[
          { key: 'id', title: t('requestNo'), render: (_, r) => r.id, width: 90 },
          { key: 'org', title: t('org'), render: (_, r) => r.orgName },
          {
            key: 'lines',
            title: t('items'),
            render: (_, r) => r.lines.map((l) => `${l.name} ${l.packs}${l.unit}`).join('；'),
          },
        ]}
      />
    </Card>
  );
}

function PoDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT(procureMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const po = useQuery({
    queryKey: ['pharmacy-po', id],
    queryFn: () => apiGet(`/api/pharmacy/purchase-orders/${id}`, poDetail),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['pharmacy-po'] });
  const act = useMutation({
    mutationFn: (a: string) => apiSend('POST', `/api/pharmacy/purchase-orders/${id}/${a}`, {}, anyResult),
    onSuccess: refresh,
  });
  const d = po.data;
  return (
    <Drawer open onClose={onClose} title={d?.orderNo ?? t('detail')} size="large" destroyOnHidden>
      {po.isError ? <ErrorAlert error={po.error} onRetry={() => void po.refetch()} /> : null}
      {act.isError ? <ErrorAlert error={act.error} /> : null}
      {d ? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag data-status={d.status}>{word(PO_STATUS_WORDS[d.status], lang)}</Tag>
            <Typography.Text>{d.supplierName}</Typography.Text>
            <Typography.Text>{formatMoney(d.totalFen)}</Typography.Text>
            {ACTIONS[d.status].map((a) => (
              <Button
                key={a}
                onClick={() => act.mutate(a)}
                loading={act.isPending && act.variables === a}
                danger={a === 'cancel'}
              >
                {t(ACTION_WORD[a])}
              </Button>
            ))}
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 420 }}
            dataSource={d.lines}
            columns={[
              { key: 'drug', title: t('drug'), render: (_, l) => `${l.name} ${l.spec}` },
              { key: 'ordered', title: t('ordered'), render: (_, l) => `${l.packs}${l.unit}`, width: 80 },
              { key: 'received', title: t('received'), render: (_, l) => `${l.receivedPacks}${l.unit}`, width: 80 },
            ]}
          />
          {d.receipts.length ? (
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {t('receipts')}：{d.receipts.map((r) => `${r.batchNo}（${r.expiryDate}）×${r.packs}`).join('；')}
            </Typography.Paragraph>
          ) : null}
          {d.status === 'sent' || d.status === 'partially_received' ? (
            <ReceiptForm key={d.receipts.length} po={d} onDone={refresh} />
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}

interface ReceiptLine {
  poLineId: number;
  batchNo?: string;
  expiryDate?: string;
  packs?: number;
  traceCodes?: string;
}

/** 到货验收: one row per open line — batch number, expiry, packs and the boxes' trace codes */
function ReceiptForm({ po, onDone }: { po: PoDetail; onDone: () => void }) {
  const t = useT(procureMessages);
  const { message } = App.useApp();
  const open = po.lines.filter((l) => l.receivedPacks < l.packs);
  const [form] = Form.useForm<{ lines: ReceiptLine[] }>();
  const [clientId, setClientId] = useState(newClientId);
  const save = useMutation({
    mutationFn: (v: { lines: ReceiptLine[] }) =>
      apiSend(
        'POST',
        `/api/pharmacy/purchase-orders/${po.id}/receipts`,
        {
          clientId,
          lines: v.lines
            .filter((l) => l.packs)
            .map((l) => ({
              poLineId: l.poLineId,
              batchNo: l.batchNo ?? '',
              expiryDate: l.expiryDate ?? '',
              packs: l.packs,
              traceCodes: (l.traceCodes ?? '').split(/\s+/).filter(Boolean),
            })),
        },
        receiptResult,
      ),
    onSuccess: (r) => {
      void message.success(t('receivedOk'));
      for (const w of r.warnings) void message.warning(w);
      setClientId(newClientId());
      form.resetFields();
      onDone();
    },
  });
  return (
    <Card size="small" title={t('receive')} style={{ marginTop: 12 }}>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ lines: open.map((l) => ({ poLineId: l.id, packs: l.packs - l.receivedPacks })) }}
        onFinish={(v) => save.mutate(v)}
      >
        {open.map((l, i) => (
          <div key={l.id} data-po-line={l.id}>
            <Typography.Text strong>{`${l.name} ${l.spec}`}</Typography.Text>
            <Form.Item name={['lines', i, 'poLineId']} hidden>
              <InputNumber />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item name={['lines', i, 'batchNo']} label={`${t('batchNo')}（${l.name}）`}>
                <Input aria-label={`${t('batchNo')}（${l.name}）`} maxLength={30} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={['lines', i, 'expiryDate']} label={`${t('expiry')}（${l.name}）`}>
                <Input aria-label={`${t('expiry')}（${l.name}）`} placeholder="YYYY-MM-DD" style={{ width: 130 }} />
              </Form.Item>
              <Form.Item name={['lines', i, 'packs']} label={`${t('packs')}（${l.name}）`}>
                <InputNumber
                  aria-label={`${t('packs')}（${l.name}）`}
                  min={0}
                  max={l.packs - l.receivedPacks}
                  precision={0}
                />
              </Form.Item>
            </Space>
            <Form.Item name={['lines', i, 'traceCodes']} label={`${t('traceCodes')}（${l.name}）`}>
              <Input.TextArea aria-label={`${t('traceCodes')}（${l.name}）`} rows={2} />
            </Form.Item>
          </div>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('receiveSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
