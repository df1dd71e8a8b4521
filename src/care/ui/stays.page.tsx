import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { bed } from '../../orgs/ward.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { DISPOSITIONS } from '../care.schema.ts';
import { stayDetail, stayPage, type Stay, type StayDetail } from '../stay.schema.ts';
import { DiagnosisPicker, FeeTable, pick, ResidentPicker } from './care-labels.tsx';
import { newKey } from './care.api.ts';
import { careMessages, DISPOSITION, STAY_STATUS } from './care.i18n.ts';

type Filters = { status?: Stay['status'] };

function useDepartments() {
  return useQuery({
    queryKey: ['care-departments'],
    queryFn: async () => {
      const orgs = await apiGet('/api/orgs', z.array(org));
      const mine = orgs.filter((o) => o.kind === 'county_hospital' || o.kind === 'township_center');
      const details = await Promise.all(
        mine.map((o) =>
          apiGet(
            `/api/orgs/${o.id}`,
            org.extend({ departments: z.array(z.object({ id: z.number(), name: z.string() })) }),
          ),
        ),
      );
      return details.flatMap((o) => o.departments.map((d) => ({ value: d.id, label: `${o.name} · ${d.name}` })));
    },
    staleTime: 300_000,
  });
}

function BedPicker({
  departmentId,
  value,
  onChange,
}: {
  departmentId?: number;
  value?: number;
  onChange?: (v: number) => void;
}) {
  const t = useT(careMessages);
  const beds = useQuery({
    queryKey: ['department-beds', departmentId],
    queryFn: () => apiGet(`/api/departments/${departmentId}/beds`, z.array(bed)),
    enabled: departmentId !== undefined,
  });
  return (
    <Select
      allowClear
      value={value}
      onChange={onChange}
      style={{ width: 160 }}
      placeholder={t('bed')}
      aria-label={t('bed')}
      options={(beds.data ?? [])
        .filter((b) => !b.occupied && b.status === 'open')
        .map((b) => ({ value: b.id, label: `${b.wardName ?? ''} ${b.code}` }))}
    />
  );
}

/** 住院: admit (directly or from the bed board), transfer, operations, discharge with disposition. */
export function StaysPage() {
  const t = useT(careMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const canAdmit = useMayCall('POST /api/stays');
  const list = useListParams<Filters>({ status: 'admitted' });
  const stays = useListQuery(['stays'], '/api/stays', stayPage, list.params, { refetchInterval: 30_000 });
  const [open, setOpen] = useState<number | null>(null);
  const [admitting, setAdmitting] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ['stays'] });
  return (
    <Page
      title={t('staysTitle')}
      extra={
        canAdmit ? (
          <Button type="primary" onClick={() => setAdmitting(true)}>
            {t('admit')}
          </Button>
        ) : null
      }
    >
      <DataList<Stay>
        size="small"
        rowKey={(s) => s.id}
        data={stays.data}
        loading={stays.isFetching && !stays.data}
        error={stays.isError ? stays.error : undefined}
        onRetry={() => void stays.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        onRowClick={(s) => setOpen(s.id)}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        filters={
          <Select
            allowClear
            placeholder={t('status')}
            aria-label={t('status')}
            style={{ width: 120 }}
            value={list.params.status}
            onChange={(status?: Stay['status']) => list.setFilter({ status })}
            options={(Object.keys(STAY_STATUS) as Stay['status'][]).map((s) => ({
              value: s,
              label: pick(STAY_STATUS, s, lang),
            }))}
          />
        }
        rowProps={(s) => ({ 'data-stay-id': s.id })}
        columns={[
          { key: 'resident', title: t('resident'), mobile: 'title', width: 110, render: (s) => s.residentName ?? '—' },
          { key: 'dept', title: t('department'), width: 200, render: (s) => `${s.orgName} · ${s.departmentName}` },
          { key: 'bed', title: t('bed'), width: 70, render: (s) => s.bedCode ?? '—' },
          {
            key: 'in',
            title: t('admittedAt'),
            width: 150,
            sortKey: 'admittedAt',
            render: (s) => formatDateTime(s.admittedAt),
          },
          { key: 'los', title: t('los'), width: 80, render: (s) => s.lengthOfStayDays ?? '' },
          { key: 'total', title: t('total'), width: 100, align: 'right', render: (s) => formatMoney(s.totalFen) },
          {
            key: 'status',
            title: t('status'),
            width: 100,
            mobile: 'extra',
            render: (s) => (
              <Space size={4}>
                {pick(STAY_STATUS, s.status, lang)}
                {s.disposition ? <Tag>{pick(DISPOSITION, s.disposition, lang)}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
      <AdmitModal
        open={admitting}
        onClose={() => setAdmitting(false)}
        onDone={(id) => {
          setAdmitting(false);
          void refresh();
          setOpen(id);
        }}
      />
      {open !== null ? <StayDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void refresh()} /> : null}
    </Page>
  );
}

export function AdmitModal({
  open,
  onClose,
  onDone,
  request,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (id: number) => void;
  /** from the bed board: the waiting request and its department */
  request?: { id: number; departmentId: number };
}) {
  const t = useT(careMessages);
  const [form] = Form.useForm();
  const departmentId = Form.useWatch<number | undefined>('departmentId', form) ?? request?.departmentId;
  const departments = useDepartments();
  const [key, setKey] = useState(newKey);
  const admit = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      apiSend('POST', '/api/stays', { ...v, admissionRequestId: request?.id }, stayDetail, {
        headers: { 'idempotency-key': key },
      }),
    onSuccess: (s) => {
      setKey(newKey());
      form.resetFields();
      onDone(s.id);
    },
  });
  return (
    <Modal
      open={open}
      title={t('admit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={admit.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => admit.mutate(v)}>
        {request ? null : (
          <>
            <Form.Item
              name="residentId"
              label={t('resident')}
              rules={[{ required: true, message: t('residentRequired') }]}
            >
              <ResidentPicker />
            </Form.Item>
            <Form.Item
              name="departmentId"
              label={t('department')}
              rules={[{ required: true, message: t('department') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={departments.data ?? []}
                aria-label={t('department')}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="bedId" label={t('bed')} rules={request ? [{ required: true, message: t('bed') }] : []}>
          <BedPicker departmentId={departmentId} />
        </Form.Item>
        <Form.Item name="diagnosisCodes" label={t('diagnoses')}>
          <DiagnosisPicker />
        </Form.Item>
      </Form>
      {admit.isError ? <ErrorAlert error={admit.error} /> : null}
    </Modal>
  );
}

function StayDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const t = useT(careMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ['stay', id], queryFn: () => apiGet(`/api/stays/${id}`, stayDetail) });
  const departments = useDepartments();
  const orgs = useQuery({ queryKey: ['orgs'], queryFn: () => apiGet('/api/orgs', z.array(org)) });
  const send = useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      apiSend('POST', `/api/stays/${id}${path}`, body, stayDetail),
    onSuccess: (d: StayDetail) => {
      qc.setQueryData(['stay', id], d);
      onChanged();
    },
  });
  const [transferForm] = Form.useForm();
  const transferDept = Form.useWatch<number | undefined>('departmentId', transferForm);
  const [disposition, setDisposition] = useState<string>('home');
  const s = detail.data;
  return (
    <Drawer open size={720} title={t('staysTitle')} onClose={onClose} destroyOnHidden>
      {detail.isError ? <ErrorAlert error={detail.error} /> : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
      {s ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('resident')}>{s.residentName}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{pick(STAY_STATUS, s.status, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('department')}>{s.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('bed')}>{s.bedCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('admittedAt')}>{formatDateTime(s.admittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('los')}>{s.lengthOfStayDays ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('diagnoses')} span={2}>
              {[...s.admissionDiagnoses, ...s.dischargeDiagnoses].map((d) => `${d.code} ${d.name}`).join('；') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('movements')}>
            {s.movements.map((m) => (
              <div key={m.id}>
                {formatDateTime(m.fromAt)} → {m.toAt ? formatDateTime(m.toAt) : '…'} · {m.departmentName}{' '}
                {m.bedCode ?? ''}
              </div>
            ))}
            {s.status === 'admitted' ? (
              <Form
                form={transferForm}
                layout="inline"
                style={{ marginTop: 8 }}
                onFinish={(v: Record<string, unknown>) =>
                  // the form empties after the move: its bed is taken now
                  send.mutate({ path: '/transfer', body: v }, { onSuccess: () => transferForm.resetFields() })
                }
              >
                <Form.Item name="departmentId" rules={[{ required: true, message: t('department') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 260 }}
                    options={departments.data ?? []}
                    aria-label={t('department')}
                  />
                </Form.Item>
                <Form.Item name="bedId">
                  <BedPicker departmentId={transferDept} />
                </Form.Item>
                <Button htmlType="submit">{t('transfer')}</Button>
              </Form>
            ) : null}
          </Card>
          <Card size="small" title={t('operations')}>
            {s.operations.map((o) => (
              <div key={o.id}>
                {formatDateTime(o.performedAt)} · {o.name} · {o.grade}
              </div>
            ))}
            {s.status !== 'cancelled' ? (
              <Form
                layout="inline"
                style={{ marginTop: 8 }}
                initialValues={{ grade: 2 }}
                onFinish={(v: { name: string; grade: number }) =>
                  send.mutate({ path: '/operations', body: { ...v, performedAt: new Date().toISOString() } })
                }
              >
                <Form.Item name="name" rules={[{ required: true, message: t('operationName') }]}>
                  <Input placeholder={t('operationName')} aria-label={t('operationName')} />
                </Form.Item>
                <Form.Item name="grade">
                  <InputNumber min={1} max={4} aria-label={t('grade')} prefix={t('grade')} style={{ width: 120 }} />
                </Form.Item>
                <Button htmlType="submit">{t('operation')}</Button>
              </Form>
            ) : null}
          </Card>
          <Card size="small" title={t('feeLines')}>
            <FeeTable fees={s.fees} />
          </Card>
          {s.status === 'admitted' ? (
            <Card size="small" title={t('discharge')}>
              <Form
                layout="vertical"
                initialValues={{ disposition: 'home', diagnosisCodes: s.admissionDiagnoses.map((d) => d.code) }}
                onFinish={(v: {
                  disposition: string;
                  diagnosisCodes: string[];
                  toOrgId?: number;
                  reason?: string;
                  dischargeSummary?: string;
                  task?: string;
                }) =>
                  send.mutate({
                    path: '/discharge',
                    body: {
                      disposition: v.disposition,
                      diagnosisCodes: v.diagnosisCodes,
                      downReferral:
                        v.disposition === 'down_referral'
                          ? {
                              toOrgId: v.toOrgId,
                              reason: v.reason,
                              dischargeSummary: v.dischargeSummary,
                              carePlan: { kind: 'rehab', tasks: [{ kind: 'rehab', title: v.task }] },
                            }
                          : undefined,
                    },
                  })
                }
              >
                <Form.Item name="disposition" label={t('disposition')}>
                  <Select
                    onChange={setDisposition}
                    aria-label={t('disposition')}
                    options={DISPOSITIONS.map((d) => ({ value: d, label: pick(DISPOSITION, d, lang) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="diagnosisCodes"
                  label={t('diagnoses')}
                  rules={[{ required: true, message: t('diagnoses') }]}
                >
                  <DiagnosisPicker />
                </Form.Item>
                {disposition === 'down_referral' ? (
                  <>
                    <Form.Item name="toOrgId" label={t('downOrg')} rules={[{ required: true, message: t('downOrg') }]}>
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        aria-label={t('downOrg')}
                        options={(orgs.data ?? [])
                          .filter((o) => o.kind === 'township_center' || o.kind === 'village_clinic')
                          .map((o) => ({ value: o.id, label: o.name }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name="reason"
                      label={t('downReason')}
                      rules={[{ required: true, message: t('downReason') }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name="dischargeSummary"
                      label={t('dischargeSummary')}
                      rules={[{ required: true, message: t('dischargeSummary') }]}
                    >
                      <Input.TextArea rows={3} />
                    </Form.Item>
                    <Form.Item name="task" label={t('rehabTask')} rules={[{ required: true, message: t('rehabTask') }]}>
                      <Input />
                    </Form.Item>
                  </>
                ) : null}
                <Button type="primary" htmlType="submit" loading={send.isPending}>
                  {t('discharge')}
                </Button>
              </Form>
            </Card>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
