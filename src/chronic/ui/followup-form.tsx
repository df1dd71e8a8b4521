import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Col,
  Collapse,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';

import { followupCreate } from '../chronic.schema.ts';
import { apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DateInput } from '../../web/kit/date-input.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import {
  CHRONIC_KEY,
  clientId,
  followupResult,
  okId,
  useCase,
  type FollowupResult,
  type KitReading,
} from './chronic.api.ts';
import {
  ADHERENCE,
  ADHERENCE_REASON,
  ADR,
  chronicMessages,
  COMPLICATION,
  DISEASE,
  DM_SYMPTOM,
  EMERGENCY,
  FOOT_PULSE,
  GLUCOSE_KIND,
  GOOD_FAIR_POOR,
  HTN_SYMPTOM,
  HYPO,
  label,
  MODE,
  options,
  SALT,
  SAMPLE,
} from './chronic.i18n.ts';
import { clearEdited, clearErrors } from './form-kit.ts';
import { KitPrefill } from './kit-readings.tsx';

const KIT_GLUCOSE_KIND = { fasting: 'fasting', postprandial: 'post_meal', random: 'random' } as const;
import { FollowupOutcome } from './followup-outcome.tsx';
export { FollowupOutcome };

import { FIELDS, sectionOf, toPayload, type Values } from './followup-payload.ts';

export interface FollowupTarget {
  caseId: number;
  disease?: string;
  name?: string;
  /** opened from a grid alert: saving the follow-up handles the alert */
  alertId?: string;
}

/**
 * The 规范 follow-up form (hypertension / type-2 diabetes): a Drawer on a PC, full screen on a
 * phone, opened prefilled (today, 门诊, 规律服药) so a routine visit is one tap to save. Its id
 * is made once when it opens: a resend after a dropped line is the same follow-up.
 */
export function FollowupForm({
  target,
  onClose,
  onSaved,
}: {
  target: FollowupTarget;
  onClose: () => void;
  onSaved?: (r: FollowupResult) => void;
}) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [id] = useState(clientId);
  // the case: its disease and name when not given, and the kit readings of the visit day
  const detail = useCase(target.caseId);
  const visitDate = Form.useWatch('visitDate', form) as string | undefined;
  const [kitChosen, setKitChosen] = useState<KitReading[]>([]);
  const takeKit = (r: KitReading) => {
    if (r.kind === 'bp')
      form.setFieldsValue({
        sbp: r.systolic,
        dbp: r.diastolic,
        ...(r.pulse !== null ? { heartRate: r.pulse } : {}),
      });
    else
      form.setFieldsValue({
        glucose: {
          kind: KIT_GLUCOSE_KIND[r.glucoseCtx ?? 'random'],
          value: r.glucose,
          unit: 'mmol/L',
          sample: 'capillary',
        },
      });
    setKitChosen((c) => [...c.filter((x) => x.kind !== r.kind), r]);
  };
  const dropKit = (r: KitReading) => setKitChosen((c) => c.filter((x) => x.kind !== r.kind));
  const disease = target.disease ?? detail.data?.disease ?? 'htn';
  const name = target.name ?? detail.data?.residentName ?? '';
  const dm = disease === 't2dm';
  const [active, setActive] = useState<string[]>(
    mobile ? ['visit', 'signs'] : ['visit', 'symptoms', 'signs', 'lifestyle', 'tests', 'meds', 'outcome'],
  );
  const weight = Form.useWatch('weightKg', form) as number | null | undefined;
  const height = Form.useWatch('heightCm', form) as number | null | undefined;
  const adherence = Form.useWatch('adherence', form) as string | undefined;
  const bmi = weight && height ? Math.round((weight / (height / 100) ** 2) * 10) / 10 : null;
  const save = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', '/api/chronic/followups', body, followupResult),
    onSuccess: async (r) => {
      if (target.alertId)
        await apiSend(
          'POST',
          `/api/grid/readings/${target.alertId}/handle`,
          { note: t('handledByFollowup') },
          okId,
        ).catch(
          () => undefined, // already handled by someone else: the follow-up is what counts
        );
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onSaved?.(r);
    },
    onError: (err) => {
      if (applyServerError(form, err, FIELDS, { nested: true })) {
        const field = (err as { field?: string }).field?.split('.')[0] ?? '';
        setActive((a) => [...new Set([...a, sectionOf(field)])]);
      }
    },
  });
  const submit = () => {
    clearErrors(form);
    const kitReadings = kitChosen
      .filter((r) => r.measuredOn === visitDate)
      .map((r) => ({ deviceId: r.deviceId, readingId: r.readingId }));
    const payload = {
      ...toPayload(form.getFieldsValue(true) as Values, id, target.caseId),
      ...(kitReadings.length ? { kitReadings } : {}),
    };
    const ok = validateWith(form, followupCreate, payload, { nested: true });
    if (!ok) {
      const bad = form
        .getFieldsError()
        .filter((f) => f.errors.length)
        .map((f) => sectionOf(String(f.name[0])));
      setActive((a) => [...new Set([...a, ...bad])]);
      return;
    }
    save.mutate(payload);
  };
  const result = save.data;
  const title = name ? t('formTitleFor', { name, disease: label(DISEASE, disease, lang) }) : t('formTitle');
  const num = (field: string | Array<string | number>, text: string, unit?: string, step?: number) => (
    <Form.Item name={field} label={text}>
      <InputNumber
        aria-label={text}
        inputMode="decimal"
        step={step}
        style={{ width: '100%' }}
        suffix={unit}
        size={mobile ? 'large' : 'middle'}
      />
    </Form.Item>
  );
  const grid = (...cells: ReactNode[]) => (
    <Row gutter={12}>
      {cells.map((c, i) => (
        <Col key={i} xs={12} sm={8}>
          {c}
        </Col>
      ))}
    </Row>
  );
  const lifestyleRow = (key: string, text: string, unit?: string) => (
    <Row gutter={12} key={key}>
      <Col span={12}>{num(['lifestyle', key], `${text} · ${t('actual')}`, unit)}</Col>
      <Col span={12}>{num(['lifestyleTarget', key], `${text} · ${t('target')}`, unit)}</Col>
    </Row>
  );
  const sections = [
    {
      key: 'visit',
      label: t('secVisit'),
      children: (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="visitDate" label={t('visitDate')}>
              <DateInput aria-label={t('visitDate')} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="mode" label={t('mode')}>
              <Radio.Group optionType="button" buttonStyle="solid" options={options(MODE, lang)} />
            </Form.Item>
          </Col>
        </Row>
      ),
    },
    {
      key: 'symptoms',
      label: t('secSymptoms'),
      children: (
        <>
          <Form.Item name="symptoms" label={t('symptoms')}>
            <Checkbox.Group options={options(dm ? DM_SYMPTOM : HTN_SYMPTOM, lang)} />
          </Form.Item>
          <Form.Item name="otherSymptom" label={t('otherSymptom')}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      ),
    },
    {
      key: 'signs',
      label: t('secSigns'),
      children: (
        <>
          <KitPrefill
            readings={detail.data?.kitReadings ?? []}
            visitDate={visitDate}
            chosen={kitChosen}
            onUse={takeKit}
            onDrop={dropKit}
          />
          {grid(
            num('sbp', t('sbp'), 'mmHg'),
            num('dbp', t('dbp'), 'mmHg'),
            num('heartRate', t('heartRate'), t('perMinute')),
            num('temperature', t('temperature'), '℃', 0.1),
            num('weightKg', t('weightKg'), 'kg', 0.1),
            num('targetWeightKg', t('targetWeightKg'), 'kg', 0.1),
            num('heightCm', t('heightCm'), 'cm'),
            <Form.Item label={t('bmi')} key="bmi">
              <Typography.Text strong data-testid="bmi">
                {bmi ?? '—'}
              </Typography.Text>
            </Form.Item>,
          )}
          {dm ? (
            <Form.Item name="footPulse" label={t('footPulse')}>
              <Radio.Group options={options(FOOT_PULSE, lang)} />
            </Form.Item>
          ) : null}
        </>
      ),
    },
    {
      key: 'lifestyle',
      label: t('secLifestyle'),
      children: (
        <>
          {lifestyleRow('cigarettes', t('cigarettes'))}
          {lifestyleRow('alcoholLiang', t('alcoholLiang'))}
          {lifestyleRow('exerciseTimes', t('exerciseTimes'))}
          {lifestyleRow('exerciseMinutes', t('exerciseMinutes'))}
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name={['lifestyle', 'salt']} label={`${t('salt')} · ${t('actual')}`}>
                <Radio.Group options={options(SALT, lang)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['lifestyleTarget', 'salt']} label={`${t('salt')} · ${t('target')}`}>
                <Radio.Group options={options(SALT, lang)} />
              </Form.Item>
            </Col>
          </Row>
          {dm ? lifestyleRow('stapleGrams', t('stapleGrams')) : null}
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="psychology" label={t('psychology')}>
                <Radio.Group options={options(GOOD_FAIR_POOR, lang)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="compliance" label={t('compliance')}>
                <Radio.Group options={options(GOOD_FAIR_POOR, lang)} />
              </Form.Item>
            </Col>
          </Row>
        </>
      ),
    },
    {
      key: 'tests',
      label: t('secTests'),
      children: (
        <>
          <Typography.Text strong>{t('glucose')}</Typography.Text>
          <Row gutter={12}>
            <Col xs={12} sm={6}>
              <Form.Item name={['glucose', 'kind']} label={t('glucoseKind')}>
                <Select aria-label={t('glucoseKind')} options={options(GLUCOSE_KIND, lang)} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              {num(['glucose', 'value'], t('glucoseValue'), undefined, 0.1)}
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name={['glucose', 'unit']} label={t('glucoseUnit')}>
                <Select
                  aria-label={t('glucoseUnit')}
                  options={[
                    { value: 'mmol/L', label: 'mmol/L' },
                    { value: 'mg/dL', label: 'mg/dL' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name={['glucose', 'sample']} label={t('glucoseSample')}>
                <Select aria-label={t('glucoseSample')} options={options(SAMPLE, lang)} />
              </Form.Item>
            </Col>
          </Row>
          {grid(num('hba1c', t('hba1c'), '%', 0.1))}
          <Typography.Text strong>{t('lipids')}</Typography.Text>
          <Row gutter={12}>
            {(['tc', 'ldl', 'hdl', 'tg'] as const).map((k) => (
              <Col key={k} xs={12} sm={6}>
                {num(['lipids', k], t(k), undefined, 0.01)}
              </Col>
            ))}
          </Row>
        </>
      ),
    },
    {
      key: 'meds',
      label: t('secMeds'),
      children: (
        <>
          <Form.Item name="adherence" label={t('adherence')}>
            <Radio.Group optionType="button" options={options(ADHERENCE, lang)} />
          </Form.Item>
          {adherence === 'intermittent' ? (
            <Form.Item name="adherenceReason" label={t('adherenceReason')}>
              <Radio.Group options={options(ADHERENCE_REASON, lang)} />
            </Form.Item>
          ) : null}
          <Form.Item name="adr" label={t('adr')}>
            <Radio.Group optionType="button" options={options(ADR, lang)} />
          </Form.Item>
          <Form.Item name="adrText" label={t('adrText')}>
            <Input maxLength={200} />
          </Form.Item>
          {dm ? (
            <Form.Item name="hypoglycaemia" label={t('hypoglycaemia')}>
              <Radio.Group options={options(HYPO, lang)} />
            </Form.Item>
          ) : null}
          <Typography.Text strong>{t('drugs')}</Typography.Text>
          <Form.List name="drugs">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'name']} style={{ marginBottom: 8 }}>
                      <Input placeholder={t('drugName')} aria-label={t('drugName')} maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dose']} style={{ marginBottom: 8 }}>
                      <Input placeholder={t('drugDose')} aria-label={t('drugDose')} maxLength={40} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', dose: '' })} block>
                  {t('addDrug')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      ),
    },
    {
      key: 'outcome',
      label: t('secOutcome'),
      children: (
        <>
          <Form.Item name="complication" label={t('complication')}>
            <Radio.Group optionType="button" options={options(COMPLICATION, lang)} />
          </Form.Item>
          <Form.Item name="complicationText" label={t('complicationText')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="emergencyFlags" label={t('emergencyFlags')}>
            <Checkbox.Group options={options(EMERGENCY, lang)} />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      ),
    },
  ];
  return (
    <Drawer
      open
      size={mobile ? '100%' : 760}
      title={title}
      onClose={onClose}
      destroyOnHidden
      className="oc-followup-drawer"
      styles={{ body: { padding: mobile ? 8 : 16 } }}
      footer={
        result ? (
          <Button block={mobile} size={mobile ? 'large' : 'middle'} onClick={onClose}>
            {t('close')}
          </Button>
        ) : (
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            {mobile ? null : <Button onClick={onClose}>{t('cancel')}</Button>}
            <Button
              type="primary"
              size={mobile ? 'large' : 'middle'}
              loading={save.isPending}
              onClick={submit}
              style={mobile ? { minWidth: 160 } : undefined}
            >
              {t('save')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <FollowupOutcome result={result} />
      ) : (
        <>
          {save.isError && !(save.error as { field?: string }).field ? <ErrorAlert error={save.error} /> : null}
          <Form
            form={form}
            onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
            layout="vertical"
            size={mobile ? 'large' : 'middle'}
            initialValues={{
              visitDate: todayShanghai(),
              mode: 'clinic',
              symptoms: [],
              adherence: 'regular',
              adr: 'none',
              complication: 'none',
              emergencyFlags: [],
              glucose: { kind: 'fasting', unit: 'mmol/L', sample: 'capillary' },
              drugs: [],
            }}
          >
            <Collapse
              size={mobile ? 'small' : 'middle'}
              activeKey={active}
              onChange={(k) => setActive(Array.isArray(k) ? k : [k])}
              items={sections.map((s) => ({ ...s, forceRender: true }))}
            />
          </Form>
        </>
      )}
    </Drawer>
  );
}

/** 随访分类, next due, and a referral the rules asked for, with its draft */
