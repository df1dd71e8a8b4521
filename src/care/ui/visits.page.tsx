import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tag,
} from 'antd';
import { useState } from 'react';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney, todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { FREQUENCIES, ROUTES } from '../care.schema.ts';
import { closeDayResult, visit, visitDetail, visitPage, type Visit, type VisitDetail } from '../visit.schema.ts';
import { DiagnosisPicker, FeeTable, pick, ResidentPicker } from './care-labels.tsx';
import { newKey, useChargeItems } from './care.api.ts';
import { careMessages, FREQ_LABEL, ROUTE_LABEL, VISIT_STATUS } from './care.i18n.ts';

type Filters = { status?: Visit['status'] };

/** 门诊就诊: register, diagnose, order exams, prescribe, charge; the day closes once. */
export function VisitsPage() {
  const t = useT(careMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const canRegister = useMayCall('POST /api/visits');
  const list = useListParams<Filters>({});
  const visits = useListQuery(['visits'], '/api/visits', visitPage, list.params, { refetchInterval: 30_000 });
  const [open, setOpen] = useState<number | null>(null);
  const [registering, setRegistering] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ['visits'] });
  const close = useMutation({
    mutationFn: () => apiSend('POST', '/api/visits/close-day', { day: todayShanghai() }, closeDayResult),
    onSuccess: () => void refresh(),
  });
  return (
    <Page
      title={t('visitsTitle')}
      extra={
        canRegister ? (
          <Space>
            <Button type="primary" onClick={() => setRegistering(true)}>
              {t('register')}
            </Button>
            <Popconfirm title={t('closeDayConfirm')} onConfirm={() => close.mutate()}>
              <Button loading={close.isPending}>{t('closeDay')}</Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {close.isError ? <ErrorAlert error={close.error} /> : null}
      <DataList<Visit>
        size="small"
        rowKey={(v) => v.id}
        data={visits.data}
        loading={visits.isFetching && !visits.data}
        error={visits.isError ? visits.error : undefined}
        onRetry={() => void visits.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        onRowClick={(v) => setOpen(v.id)}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        filters={
          <Select
            allowClear
            placeholder={t('status')}
            aria-label={t('status')}
            style={{ width: 120 }}
            value={list.params.status}
            onChange={(status?: Visit['status']) => list.setFilter({ status })}
            options={(Object.keys(VISIT_STATUS) as Visit['status'][]).map((s) => ({
              value: s,
              label: pick(VISIT_STATUS, s, lang),
            }))}
          />
        }
        rowProps={(v) => ({ 'data-visit-id': v.id })}
        columns={[
          { key: 'resident', title: t('resident'), mobile: 'title', width: 110, render: (v) => v.residentName ?? '—' },
          { key: 'queue', title: t('queueNo'), width: 60, sortKey: 'queueNo', render: (v) => v.queueNo ?? '' },
          {
            key: 'at',
            title: t('registeredAt'),
            width: 150,
            sortKey: 'registeredAt',
            render: (v) => formatDateTime(v.registeredAt),
          },
          {
            key: 'dx',
            title: t('diagnoses'),
            render: (v) => (
              <Space size={4} wrap>
                {v.diagnoses.map((d) => (
                  <Tag key={d.code}>{d.name}</Tag>
                ))}
                {v.tcm ? <Tag color="green">{t('tcm')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'org', title: t('org'), width: 160, mobile: 'hide', render: (v) => v.orgName },
          { key: 'total', title: t('total'), width: 100, align: 'right', render: (v) => formatMoney(v.totalFen) },
          {
            key: 'status',
            title: t('status'),
            width: 90,
            mobile: 'extra',
            render: (v) => pick(VISIT_STATUS, v.status, lang),
          },
        ]}
      />
      <RegisterModal
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(id) => {
          setRegistering(false);
          void refresh();
          setOpen(id);
        }}
      />
      {open !== null ? <VisitDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void refresh()} /> : null}
    </Page>
  );
}

function RegisterModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const t = useT(careMessages);
  const [form] = Form.useForm();
  const [key, setKey] = useState(newKey);
  const create = useMutation({
    mutationFn: (v: { residentId: number; chiefComplaint?: string; diagnosisCodes?: string[]; tcm?: boolean }) =>
      apiSend('POST', '/api/visits', v, visit, { headers: { 'idempotency-key': key } }),
    onSuccess: (v) => {
      setKey(newKey());
      form.resetFields();
      onDone(v.id);
    },
  });
  return (
    <Modal
      open={open}
      title={t('registerTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v: Parameters<typeof create.mutate>[0]) => create.mutate(v)}>
        <Form.Item name="residentId" label={t('resident')} rules={[{ required: true, message: t('residentRequired') }]}>
          <ResidentPicker />
        </Form.Item>
        <Form.Item name="chiefComplaint" label={t('chiefComplaint')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="diagnosisCodes" label={t('diagnoses')}>
          <DiagnosisPicker />
        </Form.Item>
        <Form.Item name="tcm" label={t('tcm')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
    </Modal>
  );
}

function VisitDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const t = useT(careMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ['visit', id], queryFn: () => apiGet(`/api/visits/${id}`, visitDetail) });
  const drugs = useChargeItems('drug');
  const items = useChargeItems();
  const [key, setKey] = useState(newKey);
  const done = (d: VisitDetail) => {
    qc.setQueryData(['visit', id], d);
    setKey(newKey());
    onChanged();
  };
  const send = useMutation({
    mutationFn: ({
      method,
      path,
      body,
      idem,
    }: {
      method: 'POST' | 'PATCH';
      path: string;
      body: unknown;
      idem?: boolean;
    }) =>
      apiSend(
        method,
        `/api/visits/${id}${path}`,
        body,
        visitDetail,
        idem ? { headers: { 'idempotency-key': key } } : {},
      ),
    onSuccess: done,
  });
  const v = detail.data;
  const [reason, setReason] = useState('');
  const withReason = (body: Record<string, unknown>) => (v?.status === 'closed' ? { ...body, reason } : body);
  return (
    <Drawer open size={720} title={t('detail')} onClose={onClose} destroyOnHidden>
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
      {v ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('resident')}>{v.residentName}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{pick(VISIT_STATUS, v.status, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('registeredAt')}>{formatDateTime(v.registeredAt)}</Descriptions.Item>
            <Descriptions.Item label={t('queueNo')}>{v.queueNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('chiefComplaint')} span={2}>
              {v.chiefComplaint ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          {v.status === 'closed' ? (
            <Input
              placeholder={t('reason')}
              aria-label={t('reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          ) : null}
          <Card size="small" title={t('diagnoses')}>
            <Form
              layout="inline"
              initialValues={{ diagnosisCodes: v.diagnoses.map((d) => d.code), tcm: v.tcm }}
              onFinish={(f: { diagnosisCodes: string[]; tcm: boolean }) =>
                send.mutate({ method: 'PATCH', path: '', body: withReason(f) })
              }
            >
              <Form.Item name="diagnosisCodes" style={{ minWidth: 300, flex: 1 }}>
                <DiagnosisPicker />
              </Form.Item>
              <Form.Item name="tcm" label={t('tcm')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Button htmlType="submit" disabled={v.status === 'cancelled'}>
                {t('saveDiagnoses')}
              </Button>
            </Form>
          </Card>
          {v.status === 'open' ? (
            <Card size="small" title={t('exam')}>
              <Form
                layout="inline"
                onFinish={(f: { itemCode: string }) =>
                  send.mutate({ method: 'POST', path: '/exam-orders', body: f, idem: true })
                }
              >
                <Form.Item name="itemCode" rules={[{ required: true, message: t('examItem') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 260 }}
                    placeholder={t('examItem')}
                    aria-label={t('examItem')}
                    options={(items.data ?? [])
                      .filter((i) => i.category === 'exam' || i.category === 'lab')
                      .map((i) => ({ value: i.code, label: `${i.name} ${formatMoney(i.priceFen)}` }))}
                  />
                </Form.Item>
                <Button htmlType="submit">{t('exam')}</Button>
              </Form>
              {v.exams.map((e) => (
                <div key={e.id}>
                  {e.itemName} · {e.status} {e.resultText ? `· ${e.resultText}` : ''}
                </div>
              ))}
            </Card>
          ) : null}
          <Card size="small" title={t('prescriptions')}>
            {v.prescriptions.map((p) => (
              <div key={p.id} style={{ marginBottom: 8 }}>
                {p.lines.map((l) => (
                  <div key={l.lineNo}>
                    {l.itemName} {l.spec ?? ''} · {l.dose} · {pick(ROUTE_LABEL, l.route, lang)} ·{' '}
                    {pick(FREQ_LABEL, l.frequency, lang)} · {l.days}d × {l.quantity}
                  </div>
                ))}
              </div>
            ))}
            {v.status === 'open' ? (
              <Form
                layout="inline"
                initialValues={{ route: 'po', frequency: 'qd', days: 7, quantity: 1 }}
                onFinish={(f: {
                  itemCode: string;
                  dose: string;
                  route: string;
                  frequency: string;
                  days: number;
                  quantity: number;
                }) =>
                  send.mutate({ method: 'POST', path: '/prescriptions', body: { lines: [f], tcm: v.tcm }, idem: true })
                }
              >
                <Form.Item name="itemCode" rules={[{ required: true, message: t('drug') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 220 }}
                    placeholder={t('drug')}
                    aria-label={t('drug')}
                    options={(drugs.data ?? []).map((i) => ({ value: i.code, label: `${i.name} ${i.spec ?? ''}` }))}
                  />
                </Form.Item>
                <Form.Item name="dose" rules={[{ required: true, message: t('dose') }]}>
                  <Input placeholder={t('dose')} aria-label={t('dose')} style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name="route">
                  <Select
                    aria-label={t('route')}
                    style={{ width: 90 }}
                    options={ROUTES.map((r) => ({ value: r, label: pick(ROUTE_LABEL, r, lang) }))}
                  />
                </Form.Item>
                <Form.Item name="frequency">
                  <Select
                    aria-label={t('frequency')}
                    style={{ width: 110 }}
                    options={FREQUENCIES.map((f) => ({ value: f, label: pick(FREQ_LABEL, f, lang) }))}
                  />
                </Form.Item>
                <Form.Item name="days">
                  <InputNumber min={1} max={90} aria-label={t('days')} prefix={t('days')} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name="quantity">
                  <InputNumber min={1} max={9999} aria-label={t('quantity')} style={{ width: 80 }} />
                </Form.Item>
                <Button htmlType="submit">{t('prescribe')}</Button>
              </Form>
            ) : null}
          </Card>
          <Card size="small" title={t('feeLines')}>
            <FeeTable fees={v.fees} />
            {v.status !== 'cancelled' ? (
              <Form
                layout="inline"
                style={{ marginTop: 8 }}
                initialValues={{ quantity: 1 }}
                onFinish={(f: { itemCode: string; quantity: number }) =>
                  send.mutate({ method: 'POST', path: '/fee-lines', body: withReason({ lines: [f] }) })
                }
              >
                <Form.Item name="itemCode" rules={[{ required: true, message: t('item') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 240 }}
                    placeholder={t('item')}
                    aria-label={t('item')}
                    options={(items.data ?? []).map((i) => ({
                      value: i.code,
                      label: `${i.name} ${formatMoney(i.priceFen)}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="quantity">
                  <InputNumber aria-label={t('quantity')} style={{ width: 90 }} />
                </Form.Item>
                <Button htmlType="submit">{t('addFee')}</Button>
              </Form>
            ) : null}
          </Card>
          {v.amendments.length ? (
            <Card size="small" title={t('amendments')}>
              {v.amendments.map((a) => (
                <div key={a.id}>
                  {formatDateTime(a.at)} · {a.staffName ?? ''} · {a.reason}
                </div>
              ))}
            </Card>
          ) : null}
          {v.status === 'open' ? (
            <Popconfirm
              title={t('cancel')}
              onConfirm={() => send.mutate({ method: 'POST', path: '/cancel', body: { reason: t('cancel') } })}
            >
              <Button danger>{t('cancel')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
