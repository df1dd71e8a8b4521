import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { org, orgDetail } from '../orgs.schema.ts';
import { bed, BED_STATUSES, BED_TYPES, ward, type Bed, type Ward } from '../ward.schema.ts';
import { BED_STATUS_LABEL, BED_TYPE_LABEL, wardMessages } from './wards.i18n.ts';

const pick = <K extends string>(map: Record<K, readonly [string, string]>, key: K, lang: string) =>
  map[key][lang === 'zh' ? 0 : 1];

/** 病区床位: the administrator registers wards and beds per department; occupancy follows stays. */
export function WardsPage() {
  const t = useT(wardMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const isAdmin = useMayCall('POST /api/wards');
  const wards = useQuery({ queryKey: ['wards'], queryFn: () => apiGet('/api/wards', z.array(ward)) });
  const departments = useQuery({
    queryKey: ['ward-departments'],
    queryFn: async () => {
      const orgs = (await apiGet('/api/orgs', z.array(org))).filter(
        (o) => o.kind === 'county_hospital' || o.kind === 'township_center',
      );
      const details = await Promise.all(orgs.map((o) => apiGet(`/api/orgs/${o.id}`, orgDetail)));
      return details.flatMap((o) => o.departments.map((d) => ({ value: d.id, label: `${o.name} · ${d.name}` })));
    },
    enabled: isAdmin,
  });
  const [selected, setSelected] = useState<number | null>(null);
  const beds = useQuery({
    queryKey: ['ward-beds', selected],
    queryFn: () => apiGet(`/api/wards/${selected}/beds`, z.array(bed)),
    enabled: selected !== null,
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['wards'] });
    void qc.invalidateQueries({ queryKey: ['ward-beds'] });
  };
  const createWard = useMutation({
    mutationFn: (v: { departmentId: number; code: string; name: string }) => apiSend('POST', '/api/wards', v, ward),
    onSuccess: (w) => {
      refresh();
      setSelected(w.id);
    },
  });
  const addBeds = useMutation({
    mutationFn: (v: { count: number; prefix?: string; startAt?: number; bedType: string }) =>
      apiSend('POST', `/api/wards/${selected}/beds`, v, z.array(bed)),
    onSuccess: refresh,
  });
  const patchBed = useMutation({
    mutationFn: ({ id, ...v }: { id: number; status?: string; bedType?: string }) =>
      apiSend('PATCH', `/api/beds/${id}`, v, bed),
    onSuccess: refresh,
  });
  const error = createWard.error ?? addBeds.error ?? patchBed.error;
  return (
    <Page title={t('title')}>
      {error ? <ErrorAlert error={error} /> : null}
      {isAdmin ? (
        <Card size="small" title={t('newWard')} style={{ marginBottom: 16 }}>
          <Form
            layout="inline"
            onFinish={(v: { departmentId: number; code: string; name: string }) => createWard.mutate(v)}
          >
            <Form.Item name="departmentId" rules={[{ required: true, message: t('department') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 280 }}
                placeholder={t('department')}
                aria-label={t('department')}
                options={departments.data ?? []}
              />
            </Form.Item>
            <Form.Item name="code" rules={[{ required: true, message: t('code') }]}>
              <Input placeholder={t('code')} aria-label={t('code')} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: t('name') }]}>
              <Input placeholder={t('name')} aria-label={t('name')} style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={createWard.isPending}>
              {t('newWard')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<Ward>
        size="small"
        rowKey="id"
        loading={wards.isLoading}
        dataSource={wards.data ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        onRow={(w) => ({ onClick: () => setSelected(w.id), style: { cursor: 'pointer' } })}
        rowClassName={(w) => (w.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { key: 'org', title: t('department'), render: (_, w) => `${w.orgName} · ${w.departmentName}` },
          { key: 'name', title: t('name'), render: (_, w) => `${w.name}（${w.code}）` },
          { key: 'beds', title: t('beds'), align: 'right', render: (_, w) => w.beds },
          { key: 'open', title: t('open'), align: 'right', render: (_, w) => w.openBeds },
          { key: 'occ', title: t('occupied'), align: 'right', render: (_, w) => w.occupied },
        ]}
      />
      {selected !== null ? (
        <Card size="small" title={t('beds')} style={{ marginTop: 16 }}>
          {isAdmin ? (
            <Form
              layout="inline"
              style={{ marginBottom: 12 }}
              initialValues={{ count: 10, startAt: 1, bedType: 'general' }}
              onFinish={(v: { count: number; prefix?: string; startAt?: number; bedType: string }) => addBeds.mutate(v)}
            >
              <Form.Item name="count">
                <InputNumber min={1} max={200} prefix={t('count')} aria-label={t('count')} style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="prefix">
                <Input placeholder={t('prefix')} aria-label={t('prefix')} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name="startAt">
                <InputNumber min={1} prefix={t('startAt')} aria-label={t('startAt')} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="bedType">
                <Select
                  aria-label={t('type')}
                  style={{ width: 100 }}
                  options={BED_TYPES.map((b) => ({ value: b, label: pick(BED_TYPE_LABEL, b, lang) }))}
                />
              </Form.Item>
              <Button htmlType="submit" loading={addBeds.isPending}>
                {t('addBeds')}
              </Button>
            </Form>
          ) : null}
          <Space wrap>
            {(beds.data ?? []).map((b: Bed) => (
              <Card key={b.id} size="small" style={{ width: 150 }} data-bed-code={b.code}>
                <div>
                  <strong>{b.code}</strong> <Tag>{pick(BED_TYPE_LABEL, b.bedType, lang)}</Tag>
                </div>
                <div>
                  {b.occupied ? (
                    <Tag color="red">{b.residentName ?? t('occupied')}</Tag>
                  ) : (
                    <Tag color="green">{t('free')}</Tag>
                  )}
                </div>
                {isAdmin ? (
                  <Select
                    size="small"
                    value={b.status}
                    aria-label={t('status')}
                    style={{ width: 110, marginTop: 4 }}
                    onChange={(status: string) => patchBed.mutate({ id: b.id, status })}
                    options={BED_STATUSES.map((s) => ({ value: s, label: pick(BED_STATUS_LABEL, s, lang) }))}
                  />
                ) : (
                  pick(BED_STATUS_LABEL, b.status, lang)
                )}
              </Card>
            ))}
          </Space>
        </Card>
      ) : null}
    </Page>
  );
}
