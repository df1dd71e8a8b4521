import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { ResidentSelect } from '../../chronic/ui/case-modals.tsx';
import { pageOf } from '../../platform/list.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import {
  availableList,
  dispensePage,
  PHARMACY_KEY,
  shortagePage,
  type DispenseRow,
  type DispenseView,
  type ShortageRow,
} from './stock.api.ts';
import { stockMessages } from './stock.i18n.ts';

type Key = Parameters<ReturnType<typeof useT<typeof stockMessages>>>[0];

/** 发药记录 */
export function DispenseRecords() {
  const t = useT(stockMessages);
  const list = useListParams<Record<string, string | undefined>>({});
  const rows = useListQuery([...PHARMACY_KEY, 'dispenses'], '/api/pharmacy/dispenses', dispensePage, list.params);
  return (
    <DataList<DispenseRow>
      size="small"
      rowKey={(r) => r.id}
      data={rows.data}
      loading={rows.isFetching && !rows.data}
      params={list.params}
      onPaging={list.setPaging}
      search={{ placeholder: t('resident'), onSearch: (q) => list.setFilter({ q }) }}
      columns={[
        {
          key: 'at',
          title: t('dispensedAt'),
          width: 150,
          sortKey: 'dispensed_at',
          render: (r) => formatDateTime(r.dispensedAt),
        },
        { key: 'resident', title: t('resident'), mobile: 'title', width: 100, render: (r) => r.residentName },
        { key: 'drugs', title: t('drugs'), render: (r) => r.drugs },
        { key: 'org', title: t('org'), width: 160, render: (r) => r.orgName },
        { key: 'staff', title: t('staff'), width: 90, render: (r) => r.staffName },
        {
          key: 'total',
          title: t('total'),
          width: 90,
          align: 'right',
          sortKey: 'total_fen',
          mobile: 'extra',
          render: (r) => formatMoney(r.totalFen),
        },
      ]}
    />
  );
}

/** 退药 of one dispensed line */
export function ReturnButton({ line }: { line: DispenseView['lines'][number] }) {
  const t = useT(stockMessages);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ qty: number; reason: string; restock: boolean }>();
  const [clientId] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: (v: { qty: number; reason: string; restock: boolean }) =>
      apiSend('POST', `/api/pharmacy/dispense-lines/${line.id}/returns`, { clientId, ...v }, z.unknown()),
    onSuccess: () => {
      void message.success(t('returned'));
      void qc.invalidateQueries({ queryKey: PHARMACY_KEY });
      setOpen(false);
    },
  });
  const left = line.qty - line.returnedQty;
  return (
    <>
      <Button size="small" disabled={left <= 0} onClick={() => setOpen(true)}>
        {t('returnTitle')}
      </Button>
      <Modal
        open={open}
        title={`${t('returnTitle')} · ${line.name}`}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={send.isPending}
      >
        {send.error ? <ErrorAlert error={send.error} /> : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ qty: left, restock: true }}
          onFinish={(v) => send.mutate(v)}
        >
          <Form.Item name="qty" label={t('returnQty')} rules={[{ required: true }]}>
            <InputNumber min={1} max={left} precision={0} suffix={line.minUnit} />
          </Form.Item>
          <Form.Item name="reason" label={t('returnReason')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="restock" valuePropName="checked">
            <Checkbox>{t('restock')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 缺药登记: register a resident's need, follow it to collection */
export function Shortages() {
  const t = useT(stockMessages);
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const list = useListParams<{ status?: string }>({});
  const rows = useListQuery([...PHARMACY_KEY, 'shortages'], '/api/pharmacy/shortages', shortagePage, list.params);
  const [form] = Form.useForm<{ residentId?: number; drugId: number; packs: number; note?: string }>();
  const [q, setQ] = useState('');
  const drugs = useQuery({
    queryKey: [...PHARMACY_KEY, 'available', me.org.id, q],
    queryFn: () => apiGet('/api/pharmacy/stock/available', availableList, { orgId: me.org.id, q: q || undefined }),
  });
  const create = useMutation({
    mutationFn: (v: { residentId?: number; drugId: number; packs: number; note?: string }) =>
      apiSend(
        'POST',
        '/api/pharmacy/shortages',
        { clientId: crypto.randomUUID(), deviceAt: new Date().toISOString(), ...v },
        z.unknown(),
      ),
    onSuccess: () => {
      void message.success(t('shortageSaved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: PHARMACY_KEY });
    },
  });
  const step = useMutation({
    mutationFn: ({ id, to }: { id: number; to: string }) =>
      apiSend('POST', `/api/pharmacy/shortages/${id}/step`, { to }, z.unknown()),
    onSuccess: () => void qc.invalidateQueries({ queryKey: PHARMACY_KEY }),
    onError: (e) => void message.error(e.message),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('shortageNew')}>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)} initialValues={{ packs: 1 }}>
          <Form.Item name="residentId" style={{ minWidth: 260 }}>
            <ResidentSelect />
          </Form.Item>
          <Form.Item name="drugId" rules={[{ required: true }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              aria-label={t('drug')}
              placeholder={t('pickDrug')}
              style={{ width: 260 }}
              options={(drugs.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} ${d.spec}` }))}
            />
          </Form.Item>
          <Form.Item name="packs" label={t('packs')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('note')} maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('shortageNew')}
          </Button>
        </Form>
      </Card>
      <DataList<ShortageRow>
        size="small"
        rowKey={(r) => r.id}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        params={list.params}
        onPaging={list.setPaging}
        filters={
          <Select
            allowClear
            aria-label={t('status')}
            placeholder={t('status')}
            style={{ width: 130 }}
            value={list.params.status}
            onChange={(status?: string) => list.setFilter({ status })}
            options={['registered', 'sourcing', 'delivered', 'collected', 'no_show'].map((s) => ({
              value: s,
              label: t(s as Key),
            }))}
          />
        }
        columns={[
          {
            key: 'drug',
            title: t('drug'),
            mobile: 'title',
            render: (r) => `${r.drugName} ${r.spec} × ${r.packs}${r.packUnit}`,
          },
          { key: 'resident', title: t('resident'), width: 90, render: (r) => r.residentName ?? '—' },
          { key: 'org', title: t('org'), width: 150, render: (r) => r.orgName },
          { key: 'created', title: t('created'), width: 140, render: (r) => formatDateTime(r.createdAt) },
          {
            key: 'status',
            title: t('status'),
            width: 100,
            mobile: 'extra',
            render: (r) => <Tag>{t(r.status as Key)}</Tag>,
          },
          {
            key: 'next',
            title: t('next'),
            width: 200,
            render: (r) => (
              <Space size={4}>
                {r.next.map((to) => (
                  <Button key={to} size="small" onClick={() => step.mutate({ id: r.id, to })}>
                    {t(to as Key)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

const flagPage = pageOf(
  z.object({
    id: z.number(),
    code: z.string(),
    orgName: z.string(),
    firstOrgName: z.string().nullable(),
    drugName: z.string().nullable(),
    residentName: z.string().nullable(),
    staffName: z.string(),
    at: z.string(),
  }),
);
type FlagRow = z.infer<typeof flagPage>['items'][number];

/** 追溯码异常: codes scanned again after they were dispensed (回流药 signals) */
export function FlagList() {
  const t = useT(stockMessages);
  const list = useListParams<Record<string, string | undefined>>({});
  const rows = useListQuery([...PHARMACY_KEY, 'flags'], '/api/pharmacy/trace-flags', flagPage, list.params);
  return (
    <DataList<FlagRow>
      size="small"
      rowKey={(r) => r.id}
      data={rows.data}
      loading={rows.isFetching && !rows.data}
      params={list.params}
      onPaging={list.setPaging}
      search={{ placeholder: t('code'), onSearch: (q) => list.setFilter({ q }) }}
      columns={[
        { key: 'code', title: t('code'), mobile: 'title', render: (r) => <Tag color="red">{r.code}</Tag> },
        { key: 'drug', title: t('drug'), render: (r) => r.drugName ?? '—' },
        { key: 'org', title: t('org'), render: (r) => r.orgName },
        { key: 'first', title: t('firstOrg'), render: (r) => r.firstOrgName ?? '—' },
        { key: 'resident', title: t('resident'), render: (r) => r.residentName ?? '—' },
        { key: 'at', title: t('time'), render: (r) => formatDateTime(r.at) },
      ]}
    />
  );
}
