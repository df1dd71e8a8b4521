import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { residentPage } from '../../residents/residents.schema.ts';
import { usePresetResident } from '../../residents/ui/residents.api.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { Page } from '../../web/page.tsx';
import {
  catalogueItem,
  EXAM_STATUSES,
  examOrder,
  examOrderCreate,
  examOrderPage,
  type ExamOrder,
  type ExamOrderCreate,
  type ExamOrderQuery,
} from '../exam-order.schema.ts';
import { URGENCIES } from '../referral.states.ts';
import { EXAM_STATUS, examOrderMessages } from './exam-orders.i18n.ts';
import { ExamRequest } from './exam-request.tsx';
import { urgencyText } from './referrals.i18n.ts';

const FIELDS = ['residentId', 'itemCode', 'urgency'];

type Box = 'ordered' | 'performing';
type Filters = {
  box: Box;
  status?: ExamOrderQuery['status'];
  urgency?: ExamOrderQuery['urgency'];
  /** opened from a resident's profile: that resident's orders (a tag clears it) */
  residentId?: string;
};

type FormValues = { residentId?: number; itemCode?: string; urgency: ExamOrderCreate['urgency'] };

/** 一单通: order from the group catalogue at unified prices; the county hospital schedules, performs and reports. */
export function ExamOrdersPage() {
  const t = useT(examOrderMessages);
  const lang = useLang();
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const canPerform = useMayCall('POST /api/exam-orders/:id/perform');
  const canExport = useMayCall('GET /api/exam-orders/export');
  const list = useListParams<Filters>({ box: canPerform ? 'performing' : 'ordered' }, { inUrl: true });
  const { params } = list;
  const box = params.box;
  const [q, setQ] = useState('');
  const preset = usePresetResident(useSearchParams()[0].get('residentId'));
  const [requestKey, setRequestKey] = useState(() => `web-${crypto.randomUUID()}`);
  const catalogue = useQuery({
    queryKey: ['exam-catalogue'],
    queryFn: () => apiGet('/api/exam-catalogue', z.array(catalogueItem)),
  });
  const orders = useListQuery(['exam-orders'], '/api/exam-orders', examOrderPage, params, { refetchInterval: 30_000 });
  const residents = useQuery({
    queryKey: ['exam-residents', q],
    queryFn: () => apiGet('/api/residents', residentPage, { q, pageSize: 20 }),
    enabled: q.length > 0,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['exam-orders'] });
  const create = useMutation({
    mutationFn: (v: ExamOrderCreate) =>
      apiSend('POST', '/api/exam-orders', v, examOrder, { headers: { 'idempotency-key': requestKey } }),
    onSuccess: () => {
      setRequestKey(`web-${crypto.randomUUID()}`);
      void refresh();
    },
    onError: (err) => applyServerError(form, err, FIELDS),
  });
  const submit = (values: FormValues) => {
    const body = validateWith(form, examOrderCreate, values);
    if (body) create.mutate(body);
  };
  const urgencyOptions = URGENCIES.map((value) => ({ value, label: urgencyText(value, lang) }));
  const step = useMutation({
    mutationFn: ({ id, path, body }: { id: number; path: string; body: Record<string, unknown> }) =>
      apiSend('POST', `/api/exam-orders/${id}/${path}`, body, examOrder),
    onSuccess: () => {
      void refresh();
    },
  });
  return (
    <Page title={t('title')}>
      <Card size="small" title={t('orderTitle')} style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          onFinish={submit}
          initialValues={{ urgency: 'routine', residentId: preset.id }}
        >
          <Form.Item name="residentId">
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              style={{ width: 240 }}
              placeholder={t('residentPlaceholder')}
              aria-label={t('resident')}
              options={[
                ...(preset.resident && !(residents.data?.items ?? []).some((r) => r.id === preset.id)
                  ? [preset.resident]
                  : []),
                ...(residents.data?.items ?? []),
              ].map((r) => ({ value: r.id, label: t('residentOption', { name: r.name, idNumber: r.idNumber }) }))}
            />
          </Form.Item>
          <Form.Item name="itemCode">
            <Select
              style={{ width: 280 }}
              placeholder={t('item')}
              aria-label={t('item')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(catalogue.data ?? []).map((c) => ({
                value: c.code,
                label: `${c.name} ${formatMoney(c.priceFen)}${c.mutualRecognition ? t('mutual') : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="urgency">
            <Select style={{ width: 100 }} aria-label={t('urgency')} options={urgencyOptions} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('order')}
          </Button>
        </Form>
        {create.isError && !errorBelongsTo(create.error, FIELDS) ? <ErrorAlert error={create.error} /> : null}
      </Card>
      <Tabs
        activeKey={box}
        onChange={(k) => list.setFilter({ box: k as Box })}
        items={[
          { key: 'ordered', label: t('ordered') },
          ...(canPerform ? [{ key: 'performing', label: t('performing') }] : []),
        ]}
      />
      {step.isError ? <ErrorAlert error={step.error} /> : null}
      <DataList<ExamOrder>
        size="small"
        rowKey={(o) => o.id}
        data={orders.data}
        loading={orders.isFetching && !orders.data}
        error={orders.isError ? orders.error : undefined}
        onRetry={() => void orders.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (v) => list.setFilter({ q: v }), width: 200 }}
        filters={
          <>
            {params.residentId ? (
              <Tag closable onClose={() => list.setFilter({ residentId: undefined })} style={{ alignSelf: 'center' }}>
                {t('residentTag', { name: preset.resident?.name ?? params.residentId })}
              </Tag>
            ) : null}
            <Select
              allowClear
              placeholder={t('status')}
              aria-label={t('status')}
              style={{ width: 130 }}
              value={params.status}
              onChange={(status?: Filters['status']) => list.setFilter({ status })}
              options={[
                { value: 'pending', label: t('pending') },
                ...EXAM_STATUSES.map((s) => ({ value: s, label: EXAM_STATUS[s][lang === 'zh' ? 0 : 1] })),
              ]}
            />
            <Select
              allowClear
              placeholder={t('urgency')}
              aria-label={t('urgency')}
              style={{ width: 120 }}
              value={params.urgency}
              onChange={(urgency?: Filters['urgency']) => list.setFilter({ urgency })}
              options={urgencyOptions}
            />
          </>
        }
        summary={
          orders.data ? (
            <Typography.Text type="secondary">{t('pendingCount', { n: orders.data.counts.pending })}</Typography.Text>
          ) : null
        }
        exportTo={canExport ? { url: '/api/exam-orders/export', query: params } : null}
        scrollX={1200}
        rowProps={(o) => ({ 'data-exam-order-id': o.id })}
        columns={[
          {
            key: 'resident',
            title: t('resident'),
            width: 110,
            mobile: 'title',
            render: (o) => (
              <Space size={4}>
                {o.residentName ?? '—'}
                {o.priority ? <Tag color="gold">{t('priority')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'item',
            title: t('itemShort'),
            width: 170,
            render: (o) => (
              <Space size={4} wrap>
                {o.itemName}
                {o.recognised ? <Tag color="green">{t('recognised')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'price',
            title: t('price'),
            width: 100,
            align: 'right',
            sortKey: 'priceFen',
            render: (o) => formatMoney(o.priceFen),
          },
          {
            key: 'urgency',
            title: t('urgencyShort'),
            width: 80,
            sortKey: 'urgency',
            render: (o) => urgencyText(o.urgency, lang),
          },
          {
            key: 'orderedBy',
            title: t('orderingOrg'),
            width: 170,
            render: (o) => `${o.orderingOrg.name} · ${o.orderingStaffName}`,
          },
          {
            key: 'createdAt',
            title: t('createdAt'),
            width: 140,
            sortKey: 'createdAt',
            render: (o) => formatDateTime(o.createdAt),
          },
          {
            key: 'status',
            title: t('status'),
            width: 90,
            mobile: 'extra',
            render: (o) => (
              <Tag color={o.status === 'reported' ? 'green' : o.status === 'cancelled' ? 'default' : 'blue'}>
                {EXAM_STATUS[o.status][lang === 'zh' ? 0 : 1]}
              </Tag>
            ),
          },
          {
            key: 'result',
            title: t('result'),
            width: 200,
            render: (o) =>
              o.resultText ? (
                <span>
                  {o.resultFlag === 'critical' ? (
                    <Tag color="red">{t('critical')}</Tag>
                  ) : o.resultFlag === 'abnormal' ? (
                    <Tag color="orange">{t('abnormal')}</Tag>
                  ) : null}
                  {o.resultText}
                </span>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            title: '',
            width: 300,
            mobile: 'plain',
            render: (o) => (
              <Space wrap>
                <PrintButton
                  size="small"
                  label={t('printRequest')}
                  title={t('printRequestTitle')}
                  paper="a4"
                  render={() => <ExamRequest order={o} />}
                />
                {box !== 'performing' ? null : (
                  <>
                    {o.status === 'ordered' ? (
                      <Button
                        size="small"
                        onClick={() =>
                          step.mutate({
                            id: o.id,
                            path: 'schedule',
                            body: { scheduledAt: new Date(Date.now() + 3600_000).toISOString() },
                          })
                        }
                      >
                        {t('schedule')}
                      </Button>
                    ) : null}
                    {o.status === 'scheduled' ? (
                      <Button size="small" onClick={() => step.mutate({ id: o.id, path: 'perform', body: {} })}>
                        {t('perform')}
                      </Button>
                    ) : null}
                    {o.status === 'performed' ? (
                      <Input.Search
                        size="small"
                        placeholder={t('result')}
                        enterButton={t('report')}
                        aria-label={t('resultLabel')}
                        onSearch={(text) =>
                          text &&
                          step.mutate({ id: o.id, path: 'report', body: { resultText: text, resultFlag: 'normal' } })
                        }
                      />
                    ) : null}
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Page>
  );
}
