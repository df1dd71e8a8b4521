import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { common, useT } from '../../web/i18n.ts';
import { fenToYuan, yuanToFen } from '../../web/format.ts';
import { Page } from '../../web/page.tsx';
import { clinicSettingsPatch, type ClinicSettings, type ClinicSettingsPatch } from '../settings.schema.ts';
import { useClinicSettings, useSaveClinicSettings } from './clinics.api.ts';
import { settingsMessages } from './clinic-settings.i18n.ts';

type Key = keyof ClinicSettings;
const MONEY = ['avgOutOfCountyCostFen', 'avgTravelCostFen', 'avgInCountyCostFen'] as const satisfies readonly Key[];
const isMoney = (k: Key): k is (typeof MONEY)[number] => (MONEY as readonly Key[]).includes(k);
/** the form's fields, in the schema's names (money in yuan on screen, fen on the wire) */
type Values = Record<Key, number | string | null>;

const SECTIONS: ReadonlyArray<{
  title: 'release' | 'cancelAndHold' | 'noShows' | 'estimates';
  fields: ReadonlyArray<[Key, 'days' | 'minutes' | 'hours' | 'times' | null]>;
}> = [
  {
    title: 'release',
    fields: [
      ['releaseDays', 'days'],
      ['releaseTime', null],
    ],
  },
  {
    title: 'cancelAndHold',
    fields: [
      ['cancelCutoffMinutes', 'minutes'],
      ['referralHoldHours', 'hours'],
    ],
  },
  {
    title: 'noShows',
    fields: [
      ['noShowLimit', 'times'],
      ['noShowWindowDays', 'days'],
      ['suspensionDays', 'days'],
    ],
  },
  {
    title: 'estimates',
    fields: [
      ['minutesPerPatient', 'minutes'],
      ['avgOutOfCountyCostFen', null],
      ['avgTravelCostFen', null],
      ['avgInCountyCostFen', null],
    ],
  },
];
const FIELDS: readonly Key[] = SECTIONS.flatMap((s) => s.fields.map(([k]) => k));

const toForm = (s: ClinicSettings): Values =>
  Object.fromEntries(FIELDS.map((k) => [k, isMoney(k) ? fenToYuan(s[k]) : s[k]])) as Values;

/** Only the fields the user changed: the server then judges a partial change against the rest. */
function changes(values: Values, saved: ClinicSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) {
    const v = isMoney(k) ? yuanToFen(values[k] as number | null) : values[k];
    if (v !== saved[k]) out[k] = v;
  }
  return out;
}

/** 预约规则: release, cancellation cut-off, referral hold, no-show limits and estimate inputs. */
export function ClinicRulesPage() {
  const t = useT(settingsMessages);
  const c = useT(common);
  const { message } = App.useApp();
  const settings = useClinicSettings();
  const save = useSaveClinicSettings();
  const [form] = Form.useForm<Values>();
  const saved = settings.data;
  useEffect(() => {
    if (saved) form.setFieldsValue(toForm(saved));
  }, [saved, form]);

  const submit = () => {
    if (!saved) return;
    const diff = changes(form.getFieldsValue(true) as Values, saved);
    if (Object.keys(diff).length === 0) {
      message.info(t('nothingChanged'));
      return;
    }
    const patch: ClinicSettingsPatch | null = validateWith(form, clinicSettingsPatch, diff);
    if (!patch) return;
    save.mutate(patch, {
      onSuccess: () => void message.success(c('saved')),
      onError: (err) => applyServerError(form, err, FIELDS),
    });
  };
  const pageError = save.isError && !errorBelongsTo(save.error, FIELDS);
  return (
    <Page title={t('rulesTitle')}>
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {pageError ? <ErrorAlert error={save.error} /> : null}
      <Alert type="info" showIcon title={t('rulesHint')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" disabled={!saved} onFinish={submit} data-testid="rules-form">
        <Row gutter={12}>
          {SECTIONS.map((section) => (
            <Col xs={24} lg={12} key={section.title}>
              <Card size="small" title={t(section.title)} style={{ marginBottom: 12 }}>
                {section.fields.map(([k, unit]) => (
                  <Form.Item key={k} name={k} label={t(k)}>
                    {k === 'releaseTime' ? (
                      <Input placeholder="08:00" maxLength={5} style={{ width: 160 }} />
                    ) : (
                      <InputNumber
                        style={{ width: 220 }}
                        precision={isMoney(k) ? 2 : 0}
                        suffix={unit ? t(unit) : undefined}
                      />
                    )}
                  </Form.Item>
                ))}
              </Card>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rules-save">
            {c('save')}
          </Button>
        </Typography.Paragraph>
      </Form>
    </Page>
  );
}
