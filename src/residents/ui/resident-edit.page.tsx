import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../web/api.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { applyServerError, emptyToNull, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { common, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { residentPatch, type Resident } from '../residents.schema.ts';
import { RESIDENT_FIELDS, ResidentCommonFields } from './resident-fields.tsx';
import { usePatchResident, useResident } from './residents.api.ts';
import { residentMessages } from './residents.i18n.ts';

const EDITABLE = [
  'name',
  'orgId',
  'village',
  'householdNo',
  'address',
  'insuranceType',
  'registeredPoor',
  'chronicConditions',
  'deceasedOn',
] as const;
type Values = Pick<
  Resident,
  'name' | 'orgId' | 'village' | 'householdNo' | 'address' | 'insuranceType' | 'registeredPoor' | 'chronicConditions'
> & { mobile?: string; deceasedOn: Dayjs | null };

function initialValues(r: Resident): Values {
  return { ...r, mobile: '', deceasedOn: r.deceasedOn ? dayjs(r.deceasedOn) : null };
}

/**
 * Only changed fields are sent (with the version read), so two editors rarely collide.
 * Except the three fields whose schema has a default: the API's patch schema fills those
 * defaults in when they are absent, which would silently reset them, so they always go.
 */
const ALWAYS_SENT = ['insuranceType', 'registeredPoor', 'chronicConditions'] as const;
function changes(r: Resident, values: Values): Record<string, unknown> {
  const next: Record<string, unknown> = emptyToNull({
    ...values,
    deceasedOn: values.deceasedOn ? values.deceasedOn.format('YYYY-MM-DD') : null,
  });
  const out: Record<string, unknown> = { version: r.version };
  for (const key of EDITABLE) {
    if (JSON.stringify(next[key] ?? null) !== JSON.stringify(r[key] ?? null)) out[key] = next[key];
  }
  for (const key of ALWAYS_SENT) out[key] = next[key] ?? r[key];
  // the form never shows the stored mobile (it is masked): empty means "keep it"
  if (typeof next.mobile === 'string') out.mobile = next.mobile;
  return out;
}

export function ResidentEditPage() {
  const t = useT(residentMessages);
  const c = useT(common);
  const half = useIsMobile() ? 24 : 12;
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const query = useResident(id);
  const patch = usePatchResident(id);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const r = query.data;

  if (query.isError)
    return (
      <Page title={t('edit')}>
        <ErrorAlert error={query.error} />
      </Page>
    );
  if (!r)
    return (
      <Page title={t('edit')}>
        <Skeleton active />
      </Page>
    );

  const submit = (values: Values) => {
    const body = validateWith(form, residentPatch, changes(r, values));
    if (!body) return;
    patch.mutate(body, {
      onSuccess: () => {
        message.success(c('saved'));
        void navigate(`/residents/${id}`, { replace: true });
      },
      onError: (err) => applyServerError(form, err, RESIDENT_FIELDS),
    });
  };
  const stale = isApiError(patch.error) && patch.error.code === 'STALE_VERSION';
  const reload = async () => {
    const fresh = await query.refetch();
    if (fresh.data) form.setFieldsValue(initialValues(fresh.data));
    patch.reset();
  };

  return (
    <Page title={`${t('edit')}：${r.name}`}>
      {patch.isError && !errorBelongsTo(patch.error, RESIDENT_FIELDS) ? (
        <Alert
          type={stale ? 'warning' : 'error'}
          showIcon
          title={stale ? t('stale') : errorMessage(patch.error)}
          description={stale ? errorMessage(patch.error) : undefined}
          action={
            stale ? (
              <Button size="small" onClick={() => void reload()}>
                {t('reload')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card>
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialValues(r)}>
          <Row gutter={16}>
            <Col span={half}>
              <Form.Item name="name" label={t('name')} required>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="deceasedOn" label={t('deceasedOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <ResidentCommonFields half={half} mobilePlaceholder={t('mobileKeep', { masked: r.mobile ?? '—' })} />
          </Row>
          <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
            <Button onClick={() => void navigate(-1)}>{c('cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={patch.isPending}>
              {c('save')}
            </Button>
          </div>
        </Form>
      </Card>
    </Page>
  );
}
