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
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { Page } from '../../web/page.tsx';
import {
  catalogueItem,
  EXAM_STATUSES,
  examOrder,
  examOrderPage,
  type ExamOrder,
  type ExamOrderQuery,
} from '../exam-order.schema.ts';
import { URGENCY_LABELS } from '../referral.states.ts';
import { EXAM_STATUS_LABELS, ExamRequest } from './exam-request.tsx';

type Box = 'ordered' | 'performing';
type Filters = {
  box: Box;
  status?: ExamOrderQuery['status'];
  urgency?: ExamOrderQuery['urgency'];
  /** opened from a resident's profile: that resident's orders (a tag clears it) */
  residentId?: string;
};

/** 一单通: order from the group catalogue at unified prices; the county hospital schedules, performs and reports. */
export function ExamOrdersPage() {
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
    mutationFn: (v: { residentId: number; itemCode: string; urgency: string }) =>
      apiSend('POST', '/api/exam-orders', v, examOrder, { headers: { 'idempotency-key': requestKey } }),
    onSuccess: () => {
      setRequestKey(`web-${crypto.randomUUID()}`);
      void refresh();
    },
  });
  const step = useMutation({
    mutationFn: ({ id, path, body }: { id: number; path: string; body: Record<string, unknown> }) =>
      apiSend('POST', `/api/exam-orders/${id}/${path}`, body, examOrder),
    onSuccess: () => {
      void refresh();
    },
  });
  return (
    <Page title="一单通检查">
      <Card size="small" title="开具检查（医共体统一目录，统一价格）" style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          onFinish={(v: { residentId: number; itemCode: string; urgency: string }) => create.mutate(v)}
          initialValues={{ urgency: 'routine', residentId: preset.id }}
        >
          <Form.Item name="residentId" rules={[{ required: true, message: '请选择居民' }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              style={{ width: 240 }}
              placeholder="居民姓名/拼音"
              aria-label="居民"
              options={[
                ...(preset.resident && !(residents.data?.items ?? []).some((r) => r.id === preset.id)
                  ? [preset.resident]
                  : []),
                ...(residents.data?.items ?? []),
              ].map((r) => ({ value: r.id, label: `${r.name}（${r.idNumber}）` }))}
            />
          </Form.Item>
          <Form.Item name="itemCode" rules={[{ required: true, message: '请选择项目' }]}>
            <Select
              style={{ width: 280 }}
              placeholder="检查项目"
              aria-label="检查项目"
              showSearch
              optionFilterProp="label"
              options={(catalogue.data ?? []).map((c) => ({
                value: c.code,
                label: `${c.name} ${formatMoney(c.priceFen)}${c.mutualRecognition ? ' 互认' : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="urgency">
            <Select
              style={{ width: 100 }}
              aria-label="紧急程度"
              options={Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            开单
          </Button>
        </Form>
        {create.isError ? <ErrorAlert error={create.error} /> : null}
      </Card>
      <Tabs
        activeKey={box}
        onChange={(k) => list.setFilter({ box: k as Box })}
        items={[
          { key: 'ordered', label: '我开的检查' },
          ...(canPerform ? [{ key: 'performing', label: '本院执行（未完成的在前）' }] : []),
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
        search={{ placeholder: '居民姓名或检查项目', onSearch: (v) => list.setFilter({ q: v }), width: 200 }}
        filters={
          <>
            {params.residentId ? (
              <Tag closable onClose={() => list.setFilter({ residentId: undefined })} style={{ alignSelf: 'center' }}>
                居民：{preset.resident?.name ?? params.residentId}
              </Tag>
            ) : null}
            <Select
              allowClear
              placeholder="状态"
              aria-label="状态"
              style={{ width: 130 }}
              value={params.status}
              onChange={(status?: Filters['status']) => list.setFilter({ status })}
              options={[
                { value: 'pending', label: '未完成' },
                ...EXAM_STATUSES.map((s) => ({ value: s, label: EXAM_STATUS_LABELS[s] })),
              ]}
            />
            <Select
              allowClear
              placeholder="紧急程度"
              aria-label="紧急程度"
              style={{ width: 120 }}
              value={params.urgency}
              onChange={(urgency?: Filters['urgency']) => list.setFilter({ urgency })}
              options={Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </>
        }
        summary={
          orders.data ? <Typography.Text type="secondary">未完成 {orders.data.counts.pending}</Typography.Text> : null
        }
        exportTo={canExport ? { url: '/api/exam-orders/export', query: params } : null}
        scrollX={1200}
        rowProps={(o) => ({ 'data-exam-order-id': o.id })}
        columns={[
          {
            key: 'resident',
            title: '居民',
            width: 110,
            mobile: 'title',
            render: (o) => (
              <Space size={4}>
                {o.residentName ?? '—'}
                {o.priority ? <Tag color="gold">三优先</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'item',
            title: '项目',
            width: 170,
            render: (o) => (
              <Space size={4} wrap>
                {o.itemName}
                {o.recognised ? <Tag color="green">结果互认</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'price',
            title: '价格',
            width: 100,
            align: 'right',
            sortKey: 'priceFen',
            render: (o) => formatMoney(o.priceFen),
          },
          {
            key: 'urgency',
            title: '紧急',
            width: 80,
            sortKey: 'urgency',
            render: (o) => URGENCY_LABELS[o.urgency],
          },
          {
            key: 'orderedBy',
            title: '开单机构',
            width: 170,
            render: (o) => `${o.orderingOrg.name} · ${o.orderingStaffName}`,
          },
          {
            key: 'createdAt',
            title: '开单时间',
            width: 140,
            sortKey: 'createdAt',
            render: (o) => formatDateTime(o.createdAt),
          },
          {
            key: 'status',
            title: '状态',
            width: 90,
            mobile: 'extra',
            render: (o) => (
              <Tag color={o.status === 'reported' ? 'green' : o.status === 'cancelled' ? 'default' : 'blue'}>
                {EXAM_STATUS_LABELS[o.status]}
              </Tag>
            ),
          },
          {
            key: 'result',
            title: '结果',
            width: 200,
            render: (o) =>
              o.resultText ? (
                <span>
                  {o.resultFlag === 'critical' ? (
                    <Tag color="red">危急</Tag>
                  ) : o.resultFlag === 'abnormal' ? (
                    <Tag color="orange">异常</Tag>
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
                  label="申请单"
                  title="打印检查申请单"
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
                        预约
                      </Button>
                    ) : null}
                    {o.status === 'scheduled' ? (
                      <Button size="small" onClick={() => step.mutate({ id: o.id, path: 'perform', body: {} })}>
                        完成检查
                      </Button>
                    ) : null}
                    {o.status === 'performed' ? (
                      <Input.Search
                        size="small"
                        placeholder="结果"
                        enterButton="出报告"
                        aria-label="检查结果"
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
