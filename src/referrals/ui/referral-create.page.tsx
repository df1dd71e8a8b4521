import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
  type InputNumberProps,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { orgDetail } from '../../orgs/orgs.schema.ts';
import { usePresetResident } from '../../residents/ui/residents.api.ts';
import { residentPage } from '../../residents/residents.schema.ts';
import { apiGet } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { referralCreate, referralTarget } from '../referral.schema.ts';
import { URGENCIES } from '../referral.states.ts';
import { useCreateReferral, useGuidance, useIcdSearch } from './referrals.api.ts';
import { careLevelText, DOWN_FOLLOW_UP_TASK, referralCreateMessages, urgencyText } from './referrals.i18n.ts';

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

const FIELDS = [
  'residentId',
  'direction',
  'toOrgId',
  'toDepartmentId',
  'urgency',
  'diagnosisCode',
  'reason',
  'consent',
  'outOfCountyReason',
];

/** A number with its unit after it (antd 6: an addon is a Space.Compact, not `addonAfter`). */
function WithUnit({ unit, ...rest }: InputNumberProps<number> & { unit: string }) {
  return (
    <Space.Compact>
      <InputNumber<number> {...rest} />
      <Space.Addon>{unit}</Space.Addon>
    </Space.Compact>
  );
}

/** 发起转诊: the form shows the tiered-care level the diagnosis belongs to before the doctor sends. */
export function ReferralCreatePage() {
  const t = useT(referralCreateMessages);
  const lang = useLang();
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
    label: t('patientOption', {
      name: r.name,
      sex: r.sex === 'M' ? t('male') : t('female'),
      age: r.age,
      idNumber: r.idNumber,
    }),
  }));

  const submit = (v: Values) => {
    const body = validateWith(form, referralCreate, {
      residentId: v.residentId,
      direction: v.direction,
      toOrgId: v.toOrgId,
      toDepartmentId: v.toDepartmentId,
      urgency: v.urgency,
      diagnosisCode: v.diagnosisCode,
      reason: v.reason,
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
            carePlan: { kind: 'follow_up', tasks: [{ kind: 'follow_up', title: DOWN_FOLLOW_UP_TASK }] },
          }
        : {}),
    });
    if (!body) return;
    create.mutate(
      { ...body, key: requestKey },
      {
        onSuccess: (r) => void navigate(`/referrals/${r.id}`),
        onError: (err) => applyServerError(form, err, FIELDS),
      },
    );
  };

  return (
    <Page title={t('title')}>
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
          <Form.Item name="residentId" label={t('patient')}>
            <Select
              showSearch={{ filterOption: false, onSearch: setResidentQ }}
              placeholder={t('patientPlaceholder')}
              aria-label={t('patient')}
              options={residentOptions}
            />
          </Form.Item>
          <Form.Item name="direction" label={t('direction')}>
            <Radio.Group
              options={[
                { value: 'up', label: t('up') },
                { value: 'down', label: t('down') },
              ]}
            />
          </Form.Item>
          <Form.Item name="diagnosisCode" label={t('diagnosis')}>
            <Select
              showSearch={{ filterOption: false, onSearch: setIcdQ }}
              placeholder={t('diagnosisPlaceholder')}
              aria-label={t('diagnosisShort')}
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
              title={
                t('guidance', { level: careLevelText(guidance.data.level, lang) }) +
                (guidance.data.speciality ? t('guidanceSpeciality', { speciality: guidance.data.speciality }) : '')
              }
              description={
                guidance.data.note +
                (guidance.data.downTo ? t('guidanceDownTo', { level: careLevelText(guidance.data.downTo, lang) }) : '')
              }
            />
          ) : null}
          <Space wrap>
            <Form.Item name="toOrgId" label={t('toOrg')}>
              <Select
                style={{ width: 260 }}
                placeholder={t('toOrgPlaceholder')}
                aria-label={t('toOrg')}
                loading={targetQuery.isLoading}
                notFoundContent={direction === 'up' ? t('noUpTargets') : t('noDownTargets')}
                options={targets.map((o) => ({
                  value: o.id,
                  label:
                    o.kind === 'partner_hospital'
                      ? t('outOfCounty', { name: o.name })
                      : o.near
                        ? t(direction === 'up' ? 'nearUp' : 'nearDown', { name: o.name })
                        : o.name,
                }))}
              />
            </Form.Item>
            <Form.Item name="toDepartmentId" label={t('toDepartment')}>
              <Select
                allowClear
                style={{ width: 200 }}
                placeholder={t('optional')}
                aria-label={t('toDepartment')}
                options={(dept.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="urgency" label={t('urgency')}>
              <Radio.Group
                optionType="button"
                options={URGENCIES.map((u) => ({ value: u, label: urgencyText(u, lang) }))}
              />
            </Form.Item>
          </Space>
          {target?.kind === 'partner_hospital' ? (
            <Form.Item name="outOfCountyReason" label={t('outReason')}>
              <Input />
            </Form.Item>
          ) : null}
          <Form.Item name="reason" label={t('reason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Typography.Text strong>{t('vitals')}</Typography.Text>
          <Space wrap style={{ marginTop: 8 }}>
            <Form.Item name="sbp" label={t('sbp')}>
              <WithUnit min={40} max={300} unit="mmHg" />
            </Form.Item>
            <Form.Item name="dbp" label={t('dbp')}>
              <WithUnit min={20} max={200} unit="mmHg" />
            </Form.Item>
            <Form.Item name="heartRate" label={t('heartRate')}>
              <WithUnit min={20} max={250} unit={t('perMinute')} />
            </Form.Item>
            <Form.Item name="temperature" label={t('temperature')}>
              <WithUnit min={30} max={45} step={0.1} unit="℃" />
            </Form.Item>
            <Form.Item name="spo2" label={t('spo2')}>
              <WithUnit min={30} max={100} unit="%" />
            </Form.Item>
          </Space>
          <Form.Item name="history" label={direction === 'down' ? t('dischargeSummary') : t('history')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="medications" label={t('medications')}>
            <Input.TextArea rows={1} maxLength={1000} />
          </Form.Item>
          <Space>
            <Form.Item name="consent" valuePropName="checked">
              <Checkbox>{t('consent')}</Checkbox>
            </Form.Item>
            <Form.Item name="consentBy">
              <Radio.Group
                options={[
                  { value: 'patient', label: t('consentPatient') },
                  { value: 'guardian', label: t('consentGuardian') },
                ]}
              />
            </Form.Item>
          </Space>
          {create.isError && !errorBelongsTo(create.error, FIELDS) ? <ErrorAlert error={create.error} /> : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
