import { PhoneOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Segmented,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { gridLogCreate, readingCreate } from '../chronic.schema.ts';
import { apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { addDays, formatDayClock, todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DateInput } from '../../web/kit/date-input.tsx';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { CHRONIC_KEY, clientId, okId, readingResult, useMyGrid, type GridPatient } from './chronic.api.ts';
import {
  chronicMessages,
  DISEASE,
  GLUCOSE_KIND,
  label,
  OBSERVED_SYMPTOM,
  options,
  READING_KIND,
  SEX,
} from './chronic.i18n.ts';
import { clearEdited, clearErrors } from './form-kit.ts';

/** Monday of the county week a date is in */
export function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

function lastReadingText(r: NonNullable<GridPatient['lastReading']>): string {
  if (r.sbp !== null && r.dbp !== null) return `${r.sbp}/${r.dbp} mmHg`;
  if (r.glucose !== null) return `${Number(r.glucose)} mmol/L`;
  return '—';
}

/** 我的网格: the grid member's phone page — my patients, a home reading in a few taps, the weekly meeting. */
export function MyGridPage() {
  const t = useT(chronicMessages);
  const lang = useLang();
  const mine = useMyGrid();
  const [patient, setPatient] = useState<GridPatient | null>(null);
  const g = mine.data?.grid;
  return (
    <Page title={t('myGridTitle')}>
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && !g ? <Empty description={t('noGrid')} /> : null}
      {g ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {g.name}
            </Typography.Title>
            <Typography.Text type="secondary">
              {g.orgName} · {t('patients')} {g.patients}
            </Typography.Text>
            <div style={{ marginTop: 8, display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
              <span>
                {t('doctor')}：<strong>{g.doctorName}</strong>
              </span>
              {g.doctorMobile ? (
                <Button type="primary" ghost icon={<PhoneOutlined />} href={`tel:${g.doctorMobile}`}>
                  {t('callDoctor')}
                </Button>
              ) : null}
            </div>
          </Card>
          <div className="oc-list-cards">
            {mine.data?.patients.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            {mine.data?.patients.map((p) => (
              <div
                key={p.residentId}
                className="oc-list-card oc-clickable-row"
                role="button"
                tabIndex={0}
                data-resident-id={p.residentId}
                onClick={() => setPatient(p)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') setPatient(p);
                }}
                style={{ padding: '12px 14px' }}
              >
                <div className="oc-list-card-head">
                  <div className="oc-list-card-title">
                    <span style={{ fontSize: 16 }}>{p.name}</span>
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
                      {label(SEX, p.sex, lang)} · {t('years', { n: p.age })}
                    </Typography.Text>
                  </div>
                  <RightOutlined style={{ color: '#bfbfbf' }} />
                </div>
                <Space size={4} wrap>
                  {p.diseases.map((d) => (
                    <Tag key={d} color={d === 'htn' ? 'volcano' : 'blue'}>
                      {label(DISEASE, d, lang)}
                    </Tag>
                  ))}
                </Space>
                <div className="oc-list-card-line">
                  <span className="oc-list-card-label">{t('lastReading')}</span>
                  <span className="oc-list-card-value">
                    {p.lastReading ? (
                      <Space size={4}>
                        <Tag color={p.lastReading.alert ? 'red' : 'green'}>{lastReadingText(p.lastReading)}</Tag>
                        <Typography.Text type="secondary">{formatDayClock(p.lastReading.at, lang)}</Typography.Text>
                      </Space>
                    ) : (
                      '—'
                    )}
                  </span>
                </div>
                <div className="oc-list-card-line">
                  <span className="oc-list-card-label">{t('nextDue')}</span>
                  <span className="oc-list-card-value">{p.nextDue ?? '—'}</span>
                </div>
              </div>
            ))}
          </div>
          <WeeklyLog logs={mine.data?.logs ?? []} />
        </Space>
      ) : null}
      {patient ? <ReadingForm key={patient.residentId} patient={patient} onClose={() => setPatient(null)} /> : null}
    </Page>
  );
}

type ReadingValues = {
  kind: 'bp' | 'glucose' | 'observation';
  sbp?: number | null;
  dbp?: number | null;
  glucose?: number | null;
  glucoseTiming?: string;
  symptoms: string[];
  medicationTaken?: boolean;
  needsDoctor: boolean;
  note?: string;
};

function ReadingForm({ patient, onClose }: { patient: GridPatient; onClose: () => void }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReadingValues>();
  const [id, setId] = useState(clientId);
  const kind = (Form.useWatch('kind', form) as ReadingValues['kind'] | undefined) ?? 'bp';
  const symptoms = (Form.useWatch('symptoms', form) as string[] | undefined) ?? [];
  const save = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', '/api/grid/readings', body, readingResult),
    onSuccess: () => void qc.invalidateQueries({ queryKey: CHRONIC_KEY }),
    onError: (err) => applyServerError(form, err, ['sbp', 'dbp', 'glucose', 'glucoseTiming', 'note', 'kind']),
  });
  const submit = () => {
    clearErrors(form);
    const v = form.getFieldsValue(true) as ReadingValues;
    const body = Object.fromEntries(
      Object.entries({
        ...v,
        ...(v.kind !== 'bp' ? { sbp: undefined, dbp: undefined } : {}),
        ...(v.kind !== 'glucose' ? { glucose: undefined, glucoseTiming: undefined } : {}),
        id,
        residentId: patient.residentId,
        deviceAt: new Date().toISOString(),
      }).filter(([, x]) => x !== null && x !== undefined && x !== ''),
    );
    const ok = validateWith(form, readingCreate, body);
    if (ok) save.mutate({ ...ok, deviceAt: body.deviceAt });
  };
  const big = { size: 'large' as const, style: { width: '100%', fontSize: 22 } };
  const r = save.data;
  return (
    <Drawer
      open
      size={mobile ? '100%' : 480}
      title={t('recordFor', { name: patient.name })}
      className="oc-reading-drawer"
      onClose={onClose}
      destroyOnHidden
      footer={
        r ? (
          <Space style={{ width: '100%' }} orientation="vertical">
            <Button
              block
              size="large"
              onClick={() => {
                save.reset();
                setId(clientId());
                form.resetFields();
              }}
            >
              {t('again')}
            </Button>
            <Button block size="large" type="primary" onClick={onClose}>
              {t('close')}
            </Button>
          </Space>
        ) : (
          <Button block size="large" type="primary" loading={save.isPending} onClick={submit} style={{ height: 52 }}>
            {t('save')}
          </Button>
        )
      }
    >
      {r ? (
        r.alert ? (
          <Result
            status="error"
            title={<span style={{ color: '#cf1322' }}>{t('alertSent')}</span>}
            subTitle={<Typography.Text type="danger">{r.reasons.join('；')}</Typography.Text>}
            data-testid="reading-alert"
          />
        ) : (
          <Result status="success" title={t('readingSaved')} />
        )
      ) : (
        <>
          {save.isError && !(save.error as { field?: string }).field ? <ErrorAlert error={save.error} /> : null}
          <Form
            form={form}
            onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
            layout="vertical"
            size="large"
            initialValues={{ kind: 'bp', symptoms: [], needsDoctor: false, glucoseTiming: 'fasting' }}
          >
            <Form.Item name="kind">
              <Segmented block size="large" options={options(READING_KIND, lang)} />
            </Form.Item>
            {kind === 'bp' ? (
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="sbp" label={`${t('sbp')} mmHg`}>
                    <InputNumber {...big} inputMode="numeric" aria-label={t('sbp')} min={0} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="dbp" label={`${t('dbp')} mmHg`}>
                    <InputNumber {...big} inputMode="numeric" aria-label={t('dbp')} min={0} />
                  </Form.Item>
                </Col>
              </Row>
            ) : null}
            {kind === 'glucose' ? (
              <>
                <Form.Item name="glucose" label={`${t('glucose')} mmol/L`}>
                  <InputNumber {...big} inputMode="decimal" step={0.1} aria-label={t('glucose')} />
                </Form.Item>
                <Form.Item name="glucoseTiming" label={t('glucoseTiming')}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    size="large"
                    options={options(GLUCOSE_KIND, lang)}
                  />
                </Form.Item>
              </>
            ) : null}
            <Form.Item name="symptoms" label={t('symptoms')}>
              <Space size={[6, 8]} wrap>
                {options(OBSERVED_SYMPTOM, lang).map((o) => (
                  <Tag.CheckableTag
                    key={o.value}
                    checked={symptoms.includes(o.value)}
                    style={{ fontSize: 15, padding: '6px 12px', border: '1px solid #d9d9d9' }}
                    onChange={(on) =>
                      form.setFieldValue(
                        'symptoms',
                        on ? [...symptoms, o.value] : symptoms.filter((s) => s !== o.value),
                      )
                    }
                  >
                    {o.label}
                  </Tag.CheckableTag>
                ))}
              </Space>
            </Form.Item>
            <Form.Item name="medicationTaken" label={t('medicationTaken')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                size="large"
                options={[
                  { value: true, label: t('yes') },
                  { value: false, label: t('no') },
                ]}
              />
            </Form.Item>
            <Form.Item name="needsDoctor" label={t('needsDoctor')} valuePropName="checked">
              <Switch aria-label={t('needsDoctor')} />
            </Form.Item>
            <Form.Item name="note" label={t('note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}

function WeeklyLog({ logs }: { logs: Array<{ weekStart: string; attendees: number; note: string }> }) {
  const t = useT(chronicMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', '/api/grid/logs', body, okId),
    onSuccess: () => {
      void message.success(t('logSaved'));
      form.resetFields(['note']);
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
    },
    onError: (err) => applyServerError(form, err, ['weekStart', 'attendees', 'note']),
  });
  const submit = () => {
    clearErrors(form);
    const v = form.getFieldsValue() as Record<string, unknown>;
    const ok = validateWith(form, gridLogCreate, { ...v, note: v.note ?? '' });
    if (ok) add.mutate(ok);
  };
  return (
    <Card size="small" title={t('weekly')}>
      <Form
        form={form}
        onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
        layout="vertical"
        initialValues={{ weekStart: mondayOf(todayShanghai()), attendees: 1 }}
      >
        <Space wrap align="start">
          <Form.Item name="weekStart" label={t('weekStart')}>
            <DateInput aria-label={t('weekStart')} allowClear={false} />
          </Form.Item>
          <Form.Item name="attendees" label={t('attendees')}>
            <InputNumber min={0} max={200} aria-label={t('attendees')} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('logNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" onClick={submit} loading={add.isPending}>
          {t('save')}
        </Button>
      </Form>
      {add.isError && !(add.error as { field?: string }).field ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={add.error} />
        </div>
      ) : null}
      {logs.length ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('recentLogs')}</Typography.Text>
          {logs.map((l) => (
            <div key={l.weekStart} className="oc-list-card-line">
              <span className="oc-list-card-label">
                {l.weekStart} · {t('personsN', { n: l.attendees })}
              </span>
              <span className="oc-list-card-value">{l.note}</span>
            </div>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
