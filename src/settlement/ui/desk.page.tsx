import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney, todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateInput } from '../../web/kit/date-input.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { dayReport, deskPage, depositResult, financeCheck, type DeskRow } from './settlement.api.ts';
import { CASH_KIND, METHOD, PERSON_CAT, SCHEME, settleMessages, word } from './settlement.i18n.ts';
import { SettlementDrawer } from './settlement-drawer.tsx';

type Tab = 'admitted' | 'discharged' | 'settled' | 'visits';
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
