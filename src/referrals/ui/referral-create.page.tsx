import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { orgDetail } from '../../orgs/orgs.schema.ts';
import { usePresetResident } from '../../residents/ui/residents.api.ts';
import { residentPage } from '../../residents/residents.schema.ts';
import { apiGet } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError } from '../../web/form-errors.ts';
import { Page } from '../../web/page.tsx';
import { CARE_LEVEL_LABELS } from '../icd10.ts';
import { referralTarget } from '../referral.schema.ts';
import { URGENCIES, URGENCY_LABELS } from '../referral.states.ts';
import { useCreateReferral, useGuidance, useIcdSearch } from './referrals.api.ts';

const LEVEL: Record<string, number> = {
  village_clinic: 0,
  township_center: 1,
  community_center: 1,
  county_hospital: 2,
  partner_hospital: 3,
};

interface Values {
  residentId: number;
  direction: 'up' | 'down';
  toOrgId: number;
  toDepartmentId?: number;
  urgency: 'emergency' | 'urgent' | 'routine';
  diagnosisCode: string;
  reason: string;
  sbp?: number;
  dbp?: number;
  heartRate?: number;
  temperature?: number;
  spo2?: number;
  history?: string;
  medications?: string;
  consent: boolean;
  consentBy: 'patient' | 'guardian';
  outOfCountyReason?: string;
}

/** 发起转诊: the form shows the tiered-care level the diagnosis belongs to before the doctor sends. */
export function ReferralCreatePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [residentQ, setResidentQ] = useState('');
  const [icdQ, setIcdQ] = useState('');
  // one key per form: a double click or a retry after a timeout cannot create a second referral
  const [requestKey] = useState(() => `web-${crypto.randomUUID()}`);
  const create = useCreateReferral();
  const preset = usePresetResident(params.get('residentId'));
  const residents = useQuery({
    queryKey: ['referral-residents', residentQ],
    queryFn: () => apiGet('/api/residents', residentPage, { q: residentQ, limit: 20 }),
    enabled: residentQ.trim().length > 0,
  });
  const icd = useIcdSearch(icdQ);
  const code = Form.useWatch('diagnosisCode', form);
  const toOrgId = Form.useWatch('toOrgId', form);
  const direction = Form.useWatch('direction', form) ?? 'up';
  const guidance = useGuidance(code);
  const dept = useQuery({
    queryKey: ['org', toOrgId],
    queryFn: () => apiGet(`/api/orgs/${toOrgId}`, orgDetail),
    enabled: Boolean(toOrgId),
  });
  // the server offers what it would accept: the levels above for an up-referral (the
  // sender's own township centre first), the levels below for a down-referral
  const targetQuery = useQuery({
    queryKey: ['referral-targets', direction],
    queryFn: () => apiGet('/api/referral-targets', z.array(referralTarget), { direction }),
  });
  const targets = targetQuery.data ?? [];
  const target = targets.find((o) => o.id === toOrgId);
  // a target of the other direction is no target any more
  useEffect(() => {
    if (toOrgId && targetQuery.data && !targetQuery.data.some((o) => o.id === toOrgId))
      form.setFieldsValue({ toOrgId: undefined, toDepartmentId: undefined });
  }, [direction, targetQuery.data, toOrgId, form]);
  const residentOptions = [
    ...(preset.resident && !(residents.data?.items ?? []).some((r) => r.id === preset.resident?.id)
      ? [preset.resident]
      : []),
    ...(residents.data?.items ?? []),
  ].map((r) => ({
    value: r.id,
    label: `${r.name}（${r.sex === 'M' ? '男' : '女'}，${r.age}岁，${r.idNumber}）`,
  }));

  const submit = (v: Values) =>
    create.mutate(
      {
        residentId: v.residentId,
        direction: v.direction,
        toOrgId: v.toOrgId,
        toDepartmentId: v.toDepartmentId,
        urgency: v.urgency,
        diagnosisCode: v.diagnosisCode,
        reason: v.reason,
        key: requestKey,
        summary: {
          vitals: { sbp: v.sbp, dbp: v.dbp, heartRate: v.heartRate, temperature: v.temperature, spo2: v.spo2 },
          history: v.history || undefined,
          medications: v.medications || undefined,
        },
        consent: v.consent ? { by: v.consentBy } : undefined,
        outOfCountyReason: v.outOfCountyReason || undefined,
        ...(v.direction === 'down'
          ? {
              dischargeSummary: v.history ?? v.reason,
              carePlan: { kind: 'follow_up', tasks: [{ kind: 'follow_up', title: '下转后随访' }] },
            }
          : {}),
      },
      {
        onSuccess: (r) => navigate(`/referrals/${r.id}`),
        onError: (err) =>
          applyServerError(form, err, [
            'residentId',
            'toOrgId',
            'toDepartmentId',
            'diagnosisCode',
            'reason',
            'consent',
            'outOfCountyReason',
          ]),
      },
    );

  return (
    <Page title="发起转诊">
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          style={{ maxWidth: 760 }}
          initialValues={{
            direction: 'up',
            urgency: 'urgent',
            consentBy: 'patient',
            consent: false,
            residentId: preset.id,
          }}
        >
          <Form.Item name="residentId" label="患者" rules={[{ required: true, message: '请选择患者' }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setResidentQ}
              placeholder="输入姓名、拼音首字母或身份证号"
              aria-label="患者"
              options={residentOptions}
            />
          </Form.Item>
          <Form.Item name="direction" label="方向">
            <Radio.Group
              options={[
                { value: 'up', label: '上转' },
                { value: 'down', label: '下转' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="diagnosisCode"
            label="初步诊断（ICD-10）"
            rules={[{ required: true, message: '请选择初步诊断' }]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={setIcdQ}
              placeholder="编码、名称或拼音首字母，如 I63 / 脑梗 / ngs"
              aria-label="初步诊断"
              options={(icd.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
            />
          </Form.Item>
          {guidance.data ? (
            <Alert
              style={{ marginBottom: 16 }}
              type={
                target &&
                (LEVEL[target.kind] ?? 2) > { village: 0, township: 1, county: 2, above: 3 }[guidance.data.level]
                  ? 'warning'
                  : 'info'
              }
              showIcon
              message={`分级诊疗建议：${CARE_LEVEL_LABELS[guidance.data.level]}${guidance.data.speciality ? `（${guidance.data.speciality}）` : ''}`}
              description={
                guidance.data.note +
                (guidance.data.downTo ? `；稳定后建议下转至${CARE_LEVEL_LABELS[guidance.data.downTo]}` : '')
              }
            />
          ) : null}
          <Space wrap>
            <Form.Item name="toOrgId" label="接收机构" rules={[{ required: true, message: '请选择接收机构' }]}>
              <Select
                style={{ width: 260 }}
                placeholder="选择机构"
                aria-label="接收机构"
                loading={targetQuery.isLoading}
                notFoundContent={direction === 'up' ? '本机构没有可上转的上级机构' : '本机构没有可下转的下级机构'}
                options={targets.map((o) => ({
                  value: o.id,
                  label:
                    o.kind === 'partner_hospital'
                      ? `${o.name}（县外）`
                      : o.near
                        ? `${o.name}（${direction === 'up' ? '上级' : '本辖区'}）`
                        : o.name,
                }))}
              />
            </Form.Item>
            <Form.Item name="toDepartmentId" label="接收科室">
              <Select
                allowClear
                style={{ width: 200 }}
                placeholder="可选"
                aria-label="接收科室"
                options={(dept.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="urgency" label="紧急程度">
              <Radio.Group
                optionType="button"
                options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
              />
            </Form.Item>
          </Space>
          {target?.kind === 'partner_hospital' ? (
            <Form.Item
              name="outOfCountyReason"
              label="外转原因（县外转诊单独统计）"
              rules={[{ required: true, min: 2, message: '转往县外须填写原因' }]}
            >
              <Input />
            </Form.Item>
          ) : null}
          <Form.Item name="reason" label="转诊原因" rules={[{ required: true, message: '请填写转诊原因' }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Typography.Text strong>生命体征</Typography.Text>
          <Space wrap style={{ marginTop: 8 }}>
            <Form.Item name="sbp" label="收缩压">
              <InputNumber min={40} max={300} addonAfter="mmHg" />
            </Form.Item>
            <Form.Item name="dbp" label="舒张压">
              <InputNumber min={20} max={200} addonAfter="mmHg" />
            </Form.Item>
            <Form.Item name="heartRate" label="心率">
              <InputNumber min={20} max={250} addonAfter="次/分" />
            </Form.Item>
            <Form.Item name="temperature" label="体温">
              <InputNumber min={30} max={45} step={0.1} addonAfter="℃" />
            </Form.Item>
            <Form.Item name="spo2" label="血氧">
              <InputNumber min={30} max={100} addonAfter="%" />
            </Form.Item>
          </Space>
          <Form.Item name="history" label={direction === 'down' ? '出院小结' : '病史'}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="medications" label="用药">
            <Input.TextArea rows={1} maxLength={1000} />
          </Form.Item>
          <Space>
            <Form.Item
              name="consent"
              valuePropName="checked"
              rules={[
                { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('提交前须记录知情同意'))) },
              ]}
            >
              <Checkbox>已告知并取得知情同意</Checkbox>
            </Form.Item>
            <Form.Item name="consentBy">
              <Radio.Group
                options={[
                  { value: 'patient', label: '患者本人' },
                  { value: 'guardian', label: '监护人/家属' },
                ]}
              />
            </Form.Item>
          </Space>
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            提交转诊
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
