import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Drawer,
  Form,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney, todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateInput } from '../../web/kit/date-input.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import {
  batchDetail,
  batchList,
  importResult,
  receivablePage,
  receivableSummary,
  type BatchRow,
  type ReceivableRow,
} from './settlement.api.ts';
import { PAYER_WORDS, settleMessages, word } from './settlement.i18n.ts';

const PAYERS = ['basic', 'serious', 'supplementary', 'assistance', 'doudi'] as const;
const STATUS_COLOR: Record<string, string> = {
  open: 'orange',
  claimed: 'blue',
  paid: 'green',
  partly_paid: 'gold',
  rejected: 'red',
  written_off: 'default',
};

/** 应收与对账: each payer's share the hospitals advanced, claim batches, payers' returns matched line by line. */
export function ReceivablesPage() {
  const t = useT(settleMessages);
  const [tab, setTab] = useState('list');
  const summary = useQuery({
    queryKey: ['receivables-summary'],
    queryFn: () => apiGet('/api/settlement/receivables/summary', receivableSummary),
  });
  const total = (summary.data?.items ?? []).reduce((a, i) => a + i.outstandingFen, 0);
  const over30 = (summary.data?.items ?? []).reduce((a, i) => a + i.over30Fen, 0);
  const over30n = (summary.data?.items ?? []).reduce((a, i) => a + i.over30Count, 0);
  return (
    <Page title={t('receivablesTitle')}>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('outstanding')} value={formatMoney(total)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={`${t('over30')}（${over30n}）`}
              value={formatMoney(over30)}
              styles={over30 > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </Card>
        </Col>
        {PAYERS.slice(0, 2).map((p) => (
          <Col xs={12} md={6} key={p}>
            <Card size="small">
              <PayerStat payer={p} items={summary.data?.items ?? []} />
            </Card>
          </Col>
        ))}
      </Row>
      {summary.isError ? <ErrorAlert error={summary.error} /> : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: t('outstanding'), children: <ReceivableList /> },
          { key: 'batches', label: t('batches'), children: <Batches /> },
          { key: 'byOrg', label: t('org'), children: <ByOrg items={summary.data?.items ?? []} /> },
        ]}
      />
    </Page>
  );
}

type SummaryItem = z.infer<typeof receivableSummary>['items'][number];

function PayerStat({ payer, items }: { payer: string; items: SummaryItem[] }) {
  const lang = useLang();
  const v = items.filter((i) => i.payer === payer).reduce((a, i) => a + i.outstandingFen, 0);
  return <Statistic title={word(PAYER_WORDS, payer, lang)} value={formatMoney(v)} />;
}

function ByOrg({ items }: { items: SummaryItem[] }) {
  const t = useT(settleMessages);
  const lang = useLang();
  return (
    <Table
      size="small"
      rowKey={(i) => `${i.orgId}-${i.payer}`}
      dataSource={items}
      pagination={false}
      scroll={{ x: 640 }}
      columns={[
        { key: 'o', title: t('org'), render: (_, i) => i.orgName },
        { key: 'p', title: t('payer'), render: (_, i) => word(PAYER_WORDS, i.payer, lang) },
        { key: 'open', title: t('open'), align: 'right', render: (_, i) => formatMoney(i.openFen) },
        { key: 'claimed', title: t('claimed'), align: 'right', render: (_, i) => formatMoney(i.claimedFen) },
        { key: 'out', title: t('outstanding'), align: 'right', render: (_, i) => formatMoney(i.outstandingFen) },
        {
          key: 'old',
          title: t('over30'),
          align: 'right',
          render: (_, i) =>
            i.over30Fen ? <Typography.Text type="danger">{formatMoney(i.over30Fen)}</Typography.Text> : '—',
        },
      ]}
    />
  );
}

function statusLabel(t: ReturnType<typeof useT<typeof settleMessages>>, s: string) {
  const map: Record<string, Parameters<typeof t>[0]> = {
    open: 'open',
    claimed: 'claimed',
    paid: 'paid',
    partly_paid: 'partlyPaid',
    rejected: 'rejected',
    written_off: 'writtenOff',
  };
  return map[s] ? t(map[s]) : s;
}

function ReceivableList() {
  const t = useT(settleMessages);
  const lang = useLang();
  const list = useListParams<{ payer?: string; status?: string; olderThanDays?: number }>({});
  const data = useListQuery(['receivables'], '/api/settlement/receivables', receivablePage, list.params);
  return (
    <DataList<ReceivableRow>
      size="small"
      rowKey={(r) => r.id}
      data={data.data}
      loading={data.isFetching && !data.data}
      error={data.isError ? data.error : undefined}
      onRetry={() => void data.refetch()}
      params={list.params}
      onPaging={list.setPaging}
      search={{ placeholder: t('statementNo'), onSearch: (q) => list.setFilter({ q }) }}
      summary={data.data ? `${t('amount')} ${formatMoney(data.data.sumFen)}` : null}
      filters={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('payer')}
            aria-label={t('payer')}
            style={{ width: 150 }}
            value={list.params.payer}
            onChange={(payer?: string) => list.setFilter({ payer })}
            options={PAYERS.map((p) => ({ value: p, label: word(PAYER_WORDS, p, lang) }))}
          />
          <Select
            allowClear
            placeholder={t('status')}
            aria-label={t('status')}
            style={{ width: 120 }}
            value={list.params.status}
            onChange={(status?: string) => list.setFilter({ status })}
            options={['open', 'claimed', 'paid', 'partly_paid', 'rejected', 'written_off'].map((s) => ({
              value: s,
              label: statusLabel(t, s),
            }))}
          />
          <Space size={4}>
            <Switch
              size="small"
              checked={list.params.olderThanDays !== undefined}
              onChange={(on) => list.setFilter({ olderThanDays: on ? 30 : undefined })}
              aria-label={t('onlyOver30')}
            />
            {t('onlyOver30')}
          </Space>
        </Space>
      }
      columns={[
        { key: 'no', title: t('statementNo'), mobile: 'title', width: 170, render: (r) => r.settlementNo },
        { key: 'org', title: t('org'), width: 140, render: (r) => r.orgName },
        { key: 'payer', title: t('payer'), width: 130, render: (r) => word(PAYER_WORDS, r.payer, lang) },
        { key: 'amount', title: t('amount'), width: 110, align: 'right', render: (r) => formatMoney(r.amountFen) },
        { key: 'opened', title: t('openedOn'), width: 100, render: (r) => r.openedOn },
        {
          key: 'age',
          title: t('ageDays'),
          width: 80,
          align: 'right',
          render: (r) =>
            r.ageDays > 30 && ['open', 'claimed'].includes(r.status) ? (
              <Typography.Text type="danger">{r.ageDays}</Typography.Text>
            ) : (
              r.ageDays
            ),
        },
        {
          key: 'status',
          title: t('status'),
          width: 90,
          mobile: 'extra',
          render: (r) => <Tag color={STATUS_COLOR[r.status]}>{statusLabel(t, r.status)}</Tag>,
        },
        { key: 'batch', title: t('batch'), width: 150, render: (r) => r.batchNo ?? '—' },
        { key: 'reason', title: t('reason'), width: 160, render: (r) => r.rejectReason ?? '' },
      ]}
    />
  );
}

function Batches() {
  const t = useT(settleMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const mobile = useIsMobile();
  const batches = useQuery({
    queryKey: ['claim-batches'],
    queryFn: () => apiGet('/api/settlement/claim-batches', batchList),
  });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<BatchRow | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('newBatch')}
        </Button>
      </Space>
      {batches.isError ? <ErrorAlert error={batches.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={batches.isFetching && !batches.data}
        dataSource={batches.data?.items ?? []}
        scroll={{ x: 900 }}
        onRow={(b) => ({ onClick: () => setOpen(b), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'no', title: t('batch'), render: (_, b) => b.batchNo },
          { key: 'org', title: t('org'), render: (_, b) => b.orgName },
          { key: 'payer', title: t('payer'), render: (_, b) => word(PAYER_WORDS, b.payer, lang) },
          { key: 'period', title: t('period'), render: (_, b) => `${b.periodFrom} ~ ${b.periodTo}` },
          { key: 'items', title: t('items'), align: 'right', render: (_, b) => b.items },
          { key: 'claimed', title: t('claimedAmount'), align: 'right', render: (_, b) => formatMoney(b.claimedFen) },
          { key: 'paid', title: t('paidAmount'), align: 'right', render: (_, b) => formatMoney(b.paidFen) },
          {
            key: 'status',
            title: t('status'),
            render: (_, b) => (
              <Space size={4}>
                <Tag color={b.status === 'returned' ? 'green' : 'blue'}>
                  {b.status === 'returned' ? t('returned') : t('submitted')}
                </Tag>
                {b.rejected ? <Tag color="red">{`${t('rejected')} ${b.rejected}`}</Tag> : null}
                {b.partlyPaid ? <Tag color="gold">{`${t('difference')} ${b.partlyPaid}`}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
      {creating ? (
        <NewBatch
          onClose={() => {
            setCreating(false);
            void qc.invalidateQueries({ queryKey: ['claim-batches'] });
            void qc.invalidateQueries({ queryKey: ['receivables'] });
          }}
        />
      ) : null}
      {open ? (
        <Drawer open size={mobile ? '100%' : 720} title={`${t('batch')} ${open.batchNo}`} onClose={() => setOpen(null)}>
          <BatchDrawer batch={open} />
        </Drawer>
      ) : null}
    </>
  );
}

function NewBatch({ onClose }: { onClose: () => void }) {
  const t = useT(settleMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const orgs = useQuery({ queryKey: ['orgs-hospitals'], queryFn: () => apiGet('/api/orgs', z.array(org)) });
  const [form] = Form.useForm<{ orgId: number; payer: string; periodFrom: string; periodTo: string }>();
  const save = useMutation({
    mutationFn: (v: { orgId: number; payer: string; periodFrom: string; periodTo: string }) =>
      apiSend(
        'POST',
        '/api/settlement/claim-batches',
        v,
        z.object({ id: z.number(), batchNo: z.string(), items: z.number(), claimedFen: z.number() }),
      ),
    onSuccess: (b) => {
      void message.success(`${b.batchNo}：${b.items} · ${formatMoney(b.claimedFen)}`);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('newBatch')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ payer: 'basic', periodFrom: `${todayShanghai().slice(0, 8)}01`, periodTo: todayShanghai() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="orgId" label={t('org')} rules={[{ required: true, message: t('org') }]}>
          <Select
            options={(orgs.data ?? [])
              .filter(
                (o) => o.kind === 'county_hospital' || o.kind === 'township_center' || o.kind === 'community_center',
              )
              .map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="payer" label={t('payer')}>
          <Select options={PAYERS.map((p) => ({ value: p, label: word(PAYER_WORDS, p, lang) }))} />
        </Form.Item>
        <Space>
          <Form.Item name="periodFrom" label={t('period')}>
            <DateInput allowClear={false} />
          </Form.Item>
          <Form.Item name="periodTo" label=" ">
            <DateInput allowClear={false} />
          </Form.Item>
        </Space>
      </Form>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  );
}

function BatchDrawer({ batch }: { batch: BatchRow }) {
  const t = useT(settleMessages);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const detail = useQuery({
    queryKey: ['claim-batch', batch.id],
    queryFn: () => apiGet(`/api/settlement/claim-batches/${batch.id}`, batchDetail),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const buf = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (const b of buf) bin += String.fromCharCode(b);
      return apiSend(
        'POST',
        `/api/settlement/claim-batches/${batch.id}/returns`,
        { fileName: file.name, contentBase64: btoa(bin) },
        importResult,
      );
    },
    onSuccess: (r) => {
      void message.success(t('imported', { m: r.matched, d: r.difference, r: r.rejected, u: r.unknown }));
      void qc.invalidateQueries({ queryKey: ['claim-batch', batch.id] });
      void qc.invalidateQueries({ queryKey: ['claim-batches'] });
      void qc.invalidateQueries({ queryKey: ['receivables'] });
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('importHint')}</Typography.Text>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false;
        }}
      >
        <Button loading={upload.isPending}>{t('importReturn')}</Button>
      </Upload>
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {upload.data && upload.data.lines.length ? (
        <Table
          size="small"
          pagination={false}
          rowKey="line"
          dataSource={upload.data.lines}
          columns={[
            { key: 'no', title: t('statementNo'), render: (_, l) => l.settlementNo },
            {
              key: 'o',
              title: t('status'),
              render: (_, l) => (
                <Tag color={l.outcome === 'rejected' ? 'red' : l.outcome === 'difference' ? 'gold' : 'default'}>
                  {t(l.outcome === 'difference' ? 'difference' : l.outcome === 'rejected' ? 'rejected' : 'unknown')}
                </Tag>
              ),
            },
            { key: 'c', title: t('claimedAmount'), align: 'right', render: (_, l) => formatMoney(l.claimedFen) },
            { key: 'p', title: t('paidAmount'), align: 'right', render: (_, l) => formatMoney(l.paidFen) },
            { key: 'r', title: t('reason'), render: (_, l) => l.reason },
          ]}
        />
      ) : null}
      {detail.isError ? <ErrorAlert error={detail.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        dataSource={detail.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { key: 'no', title: t('statementNo'), render: (_, r) => r.settlementNo },
          { key: 'a', title: t('claimedAmount'), align: 'right', render: (_, r) => formatMoney(r.amountFen) },
          { key: 'p', title: t('paidAmount'), align: 'right', render: (_, r) => formatMoney(r.paidFen) },
          {
            key: 's',
            title: t('status'),
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{statusLabel(t, r.status)}</Tag>,
          },
          { key: 'r', title: t('reason'), render: (_, r) => r.rejectReason ?? '' },
        ]}
      />
      <Typography.Text type="secondary">{formatDateTime(batch.createdAt)}</Typography.Text>
    </Space>
  );
}
