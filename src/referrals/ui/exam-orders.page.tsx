import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { residentPage } from '../../residents/residents.schema.ts';
import { usePresetResident } from '../../residents/ui/residents.api.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { Page } from '../../web/page.tsx';
import { catalogueItem, examOrder, type ExamOrder } from '../exam-order.schema.ts';
import { URGENCY_LABELS } from '../referral.states.ts';

const STATUS: Record<ExamOrder['status'], string> = {
  ordered: '已开单',
  scheduled: '已预约',
  performed: '已检查',
  reported: '已出报告',
  cancelled: '已撤销',
};
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** 一单通: order from the group catalogue at unified prices; the county hospital schedules, performs and reports. */
export function ExamOrdersPage() {
  const qc = useQueryClient();
  const canPerform = useMayCall('POST /api/exam-orders/:id/perform');
  const [box, setBox] = useState<'ordered' | 'performing'>(canPerform ? 'performing' : 'ordered');
  const [q, setQ] = useState('');
  const preset = usePresetResident(useSearchParams()[0].get('residentId'));
  const [requestKey, setRequestKey] = useState(() => `web-${crypto.randomUUID()}`);
  const catalogue = useQuery({
    queryKey: ['exam-catalogue'],
    queryFn: () => apiGet('/api/exam-catalogue', z.array(catalogueItem)),
  });
  const orders = useQuery({
    queryKey: ['exam-orders', box],
    queryFn: () => apiGet('/api/exam-orders', z.array(examOrder), { box, limit: 100 }),
  });
  const residents = useQuery({
    queryKey: ['exam-residents', q],
    queryFn: () => apiGet('/api/residents', residentPage, { q, limit: 20 }),
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
                label: `${c.name} ${yuan(c.priceFen)}${c.mutualRecognition ? ' 互认' : ''}`,
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
        onChange={(k) => setBox(k as typeof box)}
        items={[
          { key: 'ordered', label: '我开的检查' },
          ...(canPerform ? [{ key: 'performing', label: '本院执行（三优先在前）' }] : []),
        ]}
      />
      {step.isError ? <ErrorAlert error={step.error} /> : null}
      <Table<ExamOrder>
        size="small"
        rowKey="id"
        loading={orders.isLoading}
        dataSource={orders.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: '居民',
            dataIndex: 'residentName',
            width: 90,
            render: (n: string | null, o) => (
              <Space size={4}>
                {n ?? '—'}
                {o.priority ? <Tag color="gold">三优先</Tag> : null}
              </Space>
            ),
          },
          {
            title: '项目',
            dataIndex: 'itemName',
            width: 160,
            render: (n: string, o) => (
              <Space size={4}>
                {n}
                {o.recognised ? <Tag color="green">结果互认</Tag> : null}
              </Space>
            ),
          },
          { title: '价格', dataIndex: 'priceFen', width: 90, render: yuan },
          { title: '紧急', dataIndex: 'urgency', width: 70, render: (u: ExamOrder['urgency']) => URGENCY_LABELS[u] },
          { title: '开单机构', width: 140, render: (_, o) => `${o.orderingOrg.name} · ${o.orderingStaffName}` },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: ExamOrder['status']) => <Tag>{STATUS[s]}</Tag> },
          {
            title: '结果',
            dataIndex: 'resultText',
            render: (t: string | null, o) =>
              t ? (
                <span>
                  {o.resultFlag === 'critical' ? (
                    <Tag color="red">危急</Tag>
                  ) : o.resultFlag === 'abnormal' ? (
                    <Tag color="orange">异常</Tag>
                  ) : null}
                  {t}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: '',
            width: 220,
            render: (_, o) =>
              box !== 'performing' ? null : (
                <Space>
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
                </Space>
              ),
          },
        ]}
      />
    </Page>
  );
}
