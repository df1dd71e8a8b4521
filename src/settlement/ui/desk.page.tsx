import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { apiGet, apiSend, isApiError } from '../../web/api.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney, todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateInput } from '../../web/kit/date-input.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import {
  dayReport,
  deskPage,
  depositResult,
  financeCheck,
  settlementDetail,
  verifyResult,
  type DeskRow,
  type SettlementDetail,
} from './settlement.api.ts';
import {
  CASH_KIND,
  CATEGORY,
  INS_CLASS,
  LAYER,
  METHOD,
  PAYER_WORDS,
  PERSON_CAT,
  SCHEME,
  settleMessages,
} from './settlement.i18n.ts';
import { PAYER_ROWS, SettlementStatement } from './statement.tsx';

type Tab = 'admitted' | 'discharged' | 'settled' | 'visits';
const word = (map: Record<string, readonly [string, string]>, key: string | null | undefined, lang: string) =>
  key ? (map[key]?.[lang === 'zh' ? 0 : 1] ?? key) : '—';
const newKey = () => `web-${crypto.randomUUID()}`;

/** 一站式结算台: admission check and deposits, discharge and outpatient settlement, the day report. */
export function SettlementDeskPage() {
  const t = useT(settleMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const list = useListParams<{ tab: Tab }>({ tab: 'discharged' }, { inUrl: true });
  const desk = useListQuery(['settlement-desk'], '/api/settlement/desk', deskPage, list.params, {
    refetchInterval: 30_000,
  });
  const [open, setOpen] = useState<{ stayId?: number; visitId?: number; settlementId?: number } | null>(null);
  const [depositFor, setDepositFor] = useState<DeskRow | null>(null);
  const [report, setReport] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ['settlement-desk'] });
  const check = useMutation({
    mutationFn: (stayId: number) => apiSend('POST', '/api/settlement/admission-checks', { stayId }, financeCheck),
    onSuccess: (r) => {
      void message.success(
        r.payLater
          ? `${t('checked')}：${t('payLater')}，${t('noDeposit')}`
          : `${t('checked')}：${t('depositAsked', { amount: formatMoney(r.depositAskedFen) })}`,
      );
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const tab = list.params.tab;
  return (
    <Page title={t('deskTitle')} extra={<Button onClick={() => setReport(true)}>{t('dayReport')}</Button>}>
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilter({ tab: k as Tab, q: undefined })}
        items={[
          { key: 'discharged', label: t('tabDischarged') },
          { key: 'admitted', label: t('tabAdmitted') },
          { key: 'settled', label: t('tabSettled') },
          { key: 'visits', label: t('tabVisits') },
        ]}
      />
      <DataList<DeskRow>
        size="small"
        rowKey={(r) => `${r.kind}-${r.id}`}
        data={desk.data}
        loading={desk.isFetching && !desk.data}
        error={desk.isError ? desk.error : undefined}
        onRetry={() => void desk.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        rowProps={(r) => ({ 'data-desk-row': r.id, 'data-resident': r.residentName })}
        columns={[
          { key: 'resident', title: t('resident'), mobile: 'title', width: 90, render: (r) => r.residentName },
          { key: 'id', title: t('idNumber'), width: 170, render: (r) => r.idNumberMasked },
          {
            key: 'cat',
            title: t('personCat'),
            width: 110,
            render: (r) => (
              <Space size={4}>
                <Tag color={r.personCat === 'poor' ? 'red' : r.personCat === 'general' ? undefined : 'orange'}>
                  {word(PERSON_CAT, r.personCat, lang)}
                </Tag>
                {r.payLater ? <Tag color="green">{t('payLater')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'scheme', title: t('scheme'), width: 90, mobile: 'hide', render: (r) => word(SCHEME, r.scheme, lang) },
          tab === 'visits'
            ? { key: 'at', title: t('visitAt'), width: 140, render: (r) => formatDateTime(r.admittedAt) }
            : {
                key: 'at',
                title: tab === 'admitted' ? t('admittedAt') : t('dischargedAt'),
                width: 140,
                render: (r) => formatDateTime(tab === 'admitted' ? r.admittedAt : r.dischargedAt),
              },
          {
            key: 'dx',
            title: t('diagnosis'),
            width: 160,
            render: (r) => (r.diagnosis ? `${r.diagnosis.code} ${r.diagnosis.name}` : '—'),
          },
          { key: 'total', title: t('total'), width: 100, align: 'right', render: (r) => formatMoney(r.totalFen) },
          tab !== 'visits' && {
            key: 'deposit',
            title: t('deposit'),
            width: 90,
            align: 'right',
            render: (r) => formatMoney(r.depositFen),
          },
          tab === 'settled' && {
            key: 'psn',
            title: t('patientPays'),
            width: 100,
            align: 'right',
            render: (r) => formatMoney(r.patientFen),
          },
          {
            key: 'act',
            title: t('actions'),
            width: 190,
            mobile: 'extra',
            render: (r) =>
              tab === 'admitted' ? (
                <Space size={4}>
                  {r.checked ? (
                    <Tag color="blue">{t('checked')}</Tag>
                  ) : (
                    <Button
                      size="small"
                      type="primary"
                      loading={check.isPending && check.variables === r.id}
                      onClick={() => check.mutate(r.id)}
                    >
                      {t('check')}
                    </Button>
                  )}
                  {r.payLater ? null : (
                    <Button size="small" onClick={() => setDepositFor(r)}>
                      {t('takeDeposit')}
                    </Button>
                  )}
                </Space>
              ) : r.settlementStatus === 'confirmed' ? (
                <Button size="small" onClick={() => setOpen({ settlementId: r.settlementId ?? 0 })}>
                  {t('view')}
                </Button>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setOpen(r.kind === 'stay' ? { stayId: r.id } : { visitId: r.id })}
                >
                  {t('settle')}
                </Button>
              ),
          },
        ]}
      />
      {open ? (
        <SettlementDrawer
          target={open}
          onClose={() => {
            setOpen(null);
            void refresh();
          }}
        />
      ) : null}
      {depositFor ? (
        <DepositModal
          row={depositFor}
          onClose={() => {
            setDepositFor(null);
            void refresh();
          }}
        />
      ) : null}
      {report ? <DayReportModal onClose={() => setReport(false)} /> : null}
    </Page>
  );
}

function DepositModal({ row, onClose }: { row: DeskRow; onClose: () => void }) {
  const t = useT(settleMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ yuan: number; method: string; refund: boolean }>();
  const [key] = useState(newKey);
  const save = useMutation({
    mutationFn: (v: { yuan: number; method: string; refund: boolean }) =>
      apiSend(
        'POST',
        '/api/settlement/deposits',
        { stayId: row.id, amountFen: Math.round(v.yuan * 100) * (v.refund ? -1 : 1), method: v.method },
        depositResult,
        {
          headers: { 'Idempotency-Key': key },
        },
      ),
    onSuccess: (r) => {
      void message.success(`${t('receipt')} ${r.receiptNo}，${t('deposit')} ${formatMoney(r.balanceFen)}`);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`${t('takeDeposit')} · ${row.residentName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('deposit')}：{formatMoney(row.depositFen)}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'cash', refund: false }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="refund" label={t('kind')}>
          <Select
            options={[
              { value: false, label: t('takeDeposit') },
              { value: true, label: t('refundDeposit') },
            ]}
          />
        </Form.Item>
        <Form.Item name="yuan" label={t('amountYuan')} rules={[{ required: true, message: t('amountYuan') }]}>
          <InputNumber min={0.01} step={100} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="method" label={t('method')}>
          <Select options={Object.keys(METHOD).map((m) => ({ value: m, label: word(METHOD, m, lang) }))} />
        </Form.Item>
      </Form>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  );
}

/** The settlement of one discharge or visit: calculate, look, confirm, print, verify, reverse. */
function SettlementDrawer({
  target,
  onClose,
}: {
  target: { stayId?: number; visitId?: number; settlementId?: number };
  onClose: () => void;
}) {
  const t = useT(settleMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const { message, modal } = App.useApp();
  const [method, setMethod] = useState('cash');
  const [reason, setReason] = useState('');
  const [reversing, setReversing] = useState(false);
  const calc = useQuery({
    queryKey: ['settlement', target],
    queryFn: () =>
      target.settlementId !== undefined
        ? apiGet(`/api/settlements/${target.settlementId}`, settlementDetail)
        : apiSend(
            'POST',
            '/api/settlements',
            target.stayId !== undefined ? { stayId: target.stayId } : { visitId: target.visitId },
            settlementDetail,
          ),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const [shown, setShown] = useState<SettlementDetail | null>(null);
  const s = shown ?? calc.data ?? null;
  const confirm = useMutation({
    mutationFn: (d: SettlementDetail) =>
      apiSend('POST', `/api/settlements/${d.id}/confirm`, { inputHash: d.inputHash, method }, settlementDetail),
    onSuccess: (d) => {
      setShown(d);
      void message.success(`${t('confirmed')} ${d.settlementNo}`);
    },
    onError: async (e) => {
      if (isApiError(e) && e.code === 'SETTLEMENT_CHANGED') {
        void message.warning(t('changed'));
        setShown(null);
        await calc.refetch();
      } else void message.error(errorMessage(e));
    },
  });
  const reverse = useMutation({
    mutationFn: (d: SettlementDetail) =>
      apiSend('POST', `/api/settlements/${d.id}/reverse`, { reason }, settlementDetail),
    onSuccess: (d) => {
      setReversing(false);
      setShown(d);
      void message.success(`${t('reversal')} ${d.settlementNo}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const verify = useMutation({
    mutationFn: (d: SettlementDetail) => apiGet(`/api/settlements/${d.id}/verify`, verifyResult),
    onSuccess: (v) =>
      v.reproduced
        ? void message.success(t('verified'))
        : void message.error(`${t('verifyFailed')}：${v.differences.map((d) => d.field).join('、')}`),
  });
  const f = (k: string) => s?.fields[k] ?? 0;
  const confirmed = s?.status === 'confirmed';
  return (
    <Drawer
      open
      size={mobile ? '100%' : 760}
      onClose={onClose}
      title={
        s
          ? `${s.setting === 'inpatient' ? t('settlementTitle') : t('outpatientTitle')} · ${s.resident.name}`
          : t('settlementTitle')
      }
      extra={
        s && confirmed ? (
          <Space wrap>
            <PrintButton
              label={t('print')}
              title={t('print')}
              paper="a4"
              render={() => <SettlementStatement s={s} />}
            />
            {s.kind === 'settlement' && !s.reversedByNo ? (
              <>
                <Button onClick={() => verify.mutate(s)} loading={verify.isPending}>
                  {t('verify')}
                </Button>
                <Button danger onClick={() => setReversing(true)}>
                  {t('reverse')}
                </Button>
              </>
            ) : null}
          </Space>
        ) : null
      }
    >
      {calc.isError ? <ErrorAlert error={calc.error} onRetry={() => void calc.refetch()} /> : null}
      {s ? (
        <Space
          orientation="vertical"
          style={{ width: '100%' }}
          size="middle"
          data-testid="settlement-drawer"
          data-status={s.status}
        >
          <Space wrap>
            <Tag color={s.personCat === 'poor' ? 'red' : undefined}>{word(PERSON_CAT, s.personCat, lang)}</Tag>
            {s.payLater ? <Tag color="green">{t('payLater')}</Tag> : null}
            <Tag>{word(SCHEME, s.scheme, lang)}</Tag>
            {s.package ? <Tag color="purple">{`${t('package')} ${s.package.code}`}</Tag> : null}
            <Tag color={confirmed ? (s.reversedByNo ? 'default' : 'blue') : 'orange'}>
              {s.kind === 'reversal'
                ? t('reversal')
                : s.reversedByNo
                  ? t('reversed')
                  : confirmed
                    ? t('confirmed')
                    : t('calculated')}
            </Tag>
            {confirmed ? <Typography.Text copyable>{s.settlementNo}</Typography.Text> : null}
            {s.policy ? (
              <Typography.Text type="secondary">
                {t('policyVersion')} V{s.policy.versionNo} {s.policy.demo ? `· ${t('demoPolicy')}` : ''}
              </Typography.Text>
            ) : null}
          </Space>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            data-testid="payer-table"
            dataSource={[
              ...PAYER_ROWS.map(([payer, field]) => ({
                key: payer,
                label: word(PAYER_WORDS, payer, lang),
                fen: f(field),
                strong: false,
              })),
              ...(f('hosp_part_amt')
                ? [{ key: 'hospital', label: t('hospitalPart'), fen: f('hosp_part_amt'), strong: false }]
                : []),
              { key: 'patient', label: t('patientPays'), fen: f('psn_part_amt'), strong: true },
              { key: 'total', label: t('total'), fen: f('medfee_sumamt'), strong: false },
            ]}
            columns={[
              { key: 'l', title: t('payer'), render: (_, r) => (r.strong ? <b>{r.label}</b> : r.label) },
              {
                key: 'v',
                title: t('amount'),
                align: 'right',
                render: (_, r) =>
                  r.strong ? (
                    <b data-testid="patient-pays">{formatMoney(r.fen)}</b>
                  ) : (
                    <span data-payer={r.key}>{formatMoney(r.fen)}</span>
                  ),
              },
            ]}
          />
          {s.setting === 'inpatient' && s.kind === 'settlement' ? (
            <Typography.Text>
              {t('deposit')}：{t('applied')} {formatMoney(s.depositFen)} · {t('refund')} {formatMoney(s.refundFen)} ·{' '}
              {t('collect')} {formatMoney(s.collectedFen)}
            </Typography.Text>
          ) : null}
          {!confirmed ? (
            <Space wrap>
              <Select
                value={method}
                onChange={setMethod}
                style={{ width: 120 }}
                aria-label={t('method')}
                options={Object.keys(METHOD).map((m) => ({ value: m, label: word(METHOD, m, lang) }))}
              />
              <Button
                onClick={() => {
                  setShown(null);
                  void calc.refetch();
                }}
              >
                {t('recalc')}
              </Button>
              <Button
                type="primary"
                loading={confirm.isPending}
                onClick={() => {
                  modal.confirm({
                    title: t('confirm'),
                    content: t('confirmAsk', { amount: formatMoney(f('psn_part_amt')) }),
                    onOk: () => confirm.mutate(s),
                  });
                }}
              >
                {t('confirm')}
              </Button>
            </Space>
          ) : null}
          <Typography.Title level={5}>{t('layers')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={s.lines}
            scroll={{ x: 560 }}
            columns={[
              { key: 'l', title: t('layer'), width: 110, render: (_, l) => word(LAYER, l.layer, lang) },
              { key: 'b', title: t('base'), width: 100, align: 'right', render: (_, l) => formatMoney(l.baseFen) },
              {
                key: 'r',
                title: t('ratio'),
                width: 70,
                align: 'right',
                render: (_, l) => (l.ratioBp === null ? '' : `${(l.ratioBp / 100).toFixed(2)}%`),
              },
              { key: 'a', title: t('amount'), width: 100, align: 'right', render: (_, l) => formatMoney(l.amountFen) },
              { key: 'n', title: t('note'), render: (_, l) => l.note },
            ]}
          />
          <Typography.Title level={5}>{t('categories')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(c) => `${c.category}-${c.insuranceClass}`}
            dataSource={s.categories}
            columns={[
              { key: 'c', title: t('category'), render: (_, c) => word(CATEGORY, c.category, lang) },
              { key: 'i', title: t('insuranceClass'), render: (_, c) => word(INS_CLASS, c.insuranceClass, lang) },
              { key: 'a', title: t('amount'), align: 'right', render: (_, c) => formatMoney(c.amountFen) },
            ]}
          />
          {s.cash.length ? (
            <>
              <Typography.Title level={5}>{t('till')}</Typography.Title>
              <Table
                size="small"
                pagination={false}
                rowKey="receiptNo"
                dataSource={s.cash}
                columns={[
                  { key: 'k', title: t('kind'), render: (_, c) => word(CASH_KIND, c.kind, lang) },
                  { key: 'm', title: t('method'), render: (_, c) => word(METHOD, c.method, lang) },
                  { key: 'a', title: t('amount'), align: 'right', render: (_, c) => formatMoney(c.amountFen) },
                  { key: 'r', title: t('receipt'), render: (_, c) => c.receiptNo },
                  { key: 't', title: t('day'), render: (_, c) => formatDateTime(c.at) },
                ]}
              />
            </>
          ) : null}
        </Space>
      ) : null}
      {reversing && s ? (
        <Modal
          open
          title={t('reverse')}
          onCancel={() => setReversing(false)}
          onOk={() => reverse.mutate(s)}
          confirmLoading={reverse.isPending}
          okButtonProps={{ danger: true }}
        >
          <Typography.Paragraph>{t('reverseAsk')}</Typography.Paragraph>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('reverseReason')}
            aria-label={t('reverseReason')}
            maxLength={200}
          />
        </Modal>
      ) : null}
    </Drawer>
  );
}

function DayReportModal({ onClose }: { onClose: () => void }) {
  const t = useT(settleMessages);
  const lang = useLang();
  const [day, setDay] = useState(todayShanghai());
  const r = useQuery({
    queryKey: ['day-report', day],
    queryFn: () => apiGet('/api/settlement/day-report', dayReport, { day }),
  });
  return (
    <Modal open title={t('dayReport')} onCancel={onClose} footer={null} width={720}>
      <Space style={{ marginBottom: 12 }}>
        {t('day')}
        <DateInput value={day} onChange={(v) => setDay(v ?? todayShanghai())} allowClear={false} />
      </Space>
      {r.isError ? <ErrorAlert error={r.error} /> : null}
      {(r.data?.clerks ?? []).map((c) => (
        <div key={c.clerkId} style={{ marginBottom: 16 }}>
          <Typography.Text strong>
            {c.clerkName} · {t('settlements')} {c.settlements} · {t('total')} {formatMoney(c.totalFen)} · {t('net')}{' '}
            {formatMoney(c.netFen)}
          </Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey={(l) => `${l.kind}-${l.method}`}
            dataSource={c.lines}
            columns={[
              { key: 'k', title: t('kind'), render: (_, l) => word(CASH_KIND, l.kind, lang) },
              { key: 'm', title: t('method'), render: (_, l) => word(METHOD, l.method, lang) },
              { key: 'n', title: t('count'), align: 'right', render: (_, l) => l.count },
              { key: 'a', title: t('amount'), align: 'right', render: (_, l) => formatMoney(l.amountFen) },
            ]}
          />
        </div>
      ))}
      {r.data && r.data.clerks.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
    </Modal>
  );
}
