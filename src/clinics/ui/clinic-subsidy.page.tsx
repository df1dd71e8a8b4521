import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { fenToYuan, yuanToFen } from '../../web/format.ts';
import { common, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { SESSION_TYPES } from '../session.schema.ts';
import { budgetBody, ratesBody } from '../stats.schema.ts';
import { useSetBudget, useSetRates, useSubsidy } from './clinics.api.ts';
import { settingsMessages } from './clinic-settings.i18n.ts';
import { todayShanghai, typeLabel, yuan } from './clinics.i18n.ts';

/** yuan on screen, under the schema's own paths (rates.N.subsidyFen) so errors land on the input */
interface RateValues {
  rates: Array<{ sessionType: string; subsidyFen: number | null }>;
}

/** 补贴标准与预算: the year's budget with spent and left, and the subsidy per kind of session. */
export function ClinicSubsidyPage() {
  const t = useT(settingsMessages);
  const thisYear = Number(todayShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const ledger = useSubsidy(year);
  const canEdit = useMayCall('POST /api/clinic-subsidy/rates');
  const l = ledger.data;
  return (
    <Page
      title={t('subsidyTitle')}
      extra={
        <Select
          aria-label={t('year')}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
        />
      }
    >
      {ledger.isError ? <ErrorAlert error={ledger.error} /> : null}
      {!canEdit ? <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          {(
            [
              ['budget', l?.budgetFen],
              ['spent', l?.spentFen],
              ['committed', l?.committedFen],
              ['left', l?.leftFen],
            ] as const
          ).map(([k, v]) => (
            <Col xs={12} md={6} key={k}>
              <Statistic
                title={t(k)}
                value={v === undefined ? '—' : v === null ? t('noBudget') : yuan(v)}
                data-testid={`subsidy-${k}`}
                styles={{ content: k === 'left' && typeof v === 'number' && v < 0 ? { color: '#cf1322' } : undefined }}
              />
            </Col>
          ))}
        </Row>
      </Card>
      {l ? (
        <Row gutter={12}>
          <Col xs={24} lg={10}>
            <BudgetForm year={year} budgetFen={l.budgetFen} disabled={!canEdit} />
          </Col>
          <Col xs={24} lg={14}>
            <RatesForm rates={l.rates} disabled={!canEdit} />
          </Col>
        </Row>
      ) : null}
    </Page>
  );
}

function BudgetForm({ year, budgetFen, disabled }: { year: number; budgetFen: number | null; disabled: boolean }) {
  const t = useT(settingsMessages);
  const c = useT(common);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ budgetFen: number | null }>();
  const save = useSetBudget();
  useEffect(() => {
    form.setFieldsValue({ budgetFen: budgetFen === null ? null : fenToYuan(budgetFen) });
  }, [form, budgetFen, year]);
  const submit = () => {
    const body = validateWith(form, budgetBody, {
      year,
      budgetFen: yuanToFen(form.getFieldValue('budgetFen') as number | null),
    });
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => void message.success(c('saved')),
      onError: (err) => applyServerError(form, err, ['budgetFen']),
    });
  };
  return (
    <Card size="small" title={`${year} ${t('budget')}`} style={{ marginBottom: 12 }}>
      {save.isError && !errorBelongsTo(save.error, ['budgetFen']) ? <ErrorAlert error={save.error} /> : null}
      <Form form={form} layout="vertical" disabled={disabled} onFinish={submit}>
        <Form.Item name="budgetFen" label={t('budgetFen')}>
          <InputNumber style={{ width: 240 }} precision={2} data-testid="budget-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="budget-save">
          {t('saveBudget')}
        </Button>
      </Form>
    </Card>
  );
}

function RatesForm({
  rates,
  disabled,
}: {
  rates: ReadonlyArray<{ sessionType: string; subsidyFen: number }>;
  disabled: boolean;
}) {
  const t = useT(settingsMessages);
  const c = useT(common);
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<RateValues>();
  const save = useSetRates();
  useEffect(() => {
    form.setFieldsValue({
      rates: SESSION_TYPES.map((type) => ({
        sessionType: type,
        subsidyFen: fenToYuan(rates.find((r) => r.sessionType === type)?.subsidyFen ?? 0),
      })),
    });
  }, [form, rates]);
  const submit = () => {
    const values = form.getFieldsValue(true) as RateValues;
    const body = {
      rates: values.rates.map((r) => ({ sessionType: r.sessionType, subsidyFen: yuanToFen(r.subsidyFen) })),
    };
    const parsed = validateWith(form, ratesBody, body, { nested: true });
    if (!parsed) return;
    save.mutate(parsed, {
      onSuccess: () => void message.success(c('saved')),
      onError: (err) => applyServerError(form, err, ['rates'], { nested: true }),
    });
  };
  return (
    <Card size="small" title={t('rates')} style={{ marginBottom: 12 }}>
      {save.isError && !errorBelongsTo(save.error, ['rates']) ? <ErrorAlert error={save.error} /> : null}
      <Typography.Paragraph type="secondary">{t('ratesHint')}</Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} disabled={disabled} onFinish={submit}>
        {SESSION_TYPES.map((type, i) => (
          <Form.Item key={type} name={['rates', i, 'subsidyFen']} label={typeLabel(type, lang)}>
            <InputNumber style={{ width: 200 }} precision={2} suffix={t('perSession')} data-testid={`rate-${type}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rates-save">
          {t('saveRates')}
        </Button>
      </Form>
    </Card>
  );
}
