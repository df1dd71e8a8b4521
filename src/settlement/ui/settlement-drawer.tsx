import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Drawer, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { apiGet, apiSend, isApiError } from '../../web/api.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { settlementDetail, verifyResult, type SettlementDetail } from './settlement.api.ts';
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
  word,
} from './settlement.i18n.ts';
import { PAYER_ROWS, SettlementStatement } from './statement.tsx';

/** The settlement of one discharge or visit: calculate, look, confirm, print, verify, reverse. */
export function SettlementDrawer({
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
