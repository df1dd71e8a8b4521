import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../web/error-alert.tsx';
import { applyServerError, emptyToNull, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { common, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { residentCreate, type ResidentCreate } from '../residents.schema.ts';
import { RESIDENT_FIELDS, ResidentCommonFields } from './resident-fields.tsx';
import { useCreateResident } from './residents.api.ts';
import { residentMessages, sexLabel } from './residents.i18n.ts';

type Values = Omit<ResidentCreate, 'birthDate'> & { birthDate?: Dayjs | null };

/** What the ID number itself says (the server checks it properly; this only helps typing). */
function fromIdNumber(idNumber: string | undefined): { birth: string; sex: 'M' | 'F' } | null {
  const v = idNumber?.trim() ?? '';
  if (!/^\d{17}[\dXx]$/.test(v)) return null;
  return { birth: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`, sex: Number(v[16]) % 2 === 1 ? 'M' : 'F' };
}

export function ResidentCreatePage() {
  const t = useT(residentMessages);
  const c = useT(common);
  const lang = useLang();
  const half = useIsMobile() ? 24 : 12;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateResident();
  const derived = fromIdNumber(Form.useWatch('idNumber', form));

  const submit = (values: Values) => {
    const raw = emptyToNull({
      ...values,
      birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : undefined,
    });
    const body = validateWith(form, residentCreate, { ...raw, idNumber: values.idNumber?.trim().toUpperCase() ?? '' });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (r) => {
        message.success(t('created'));
        void navigate(`/residents/${r.id}`, { replace: true });
      },
      onError: (err) => applyServerError(form, err, RESIDENT_FIELDS),
    });
  };

  return (
    <Page title={c('nav.residentNew')}>
      {create.isError && !errorBelongsTo(create.error, RESIDENT_FIELDS) ? (
        <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ insuranceType: 'resident', registeredPoor: false, chronicConditions: [] }}
        >
          <Row gutter={16}>
            <Col span={half}>
              <Form.Item
                name="idNumber"
                label={t('idNumber')}
                required
                extra={derived ? t('fromId', { birth: derived.birth, sex: sexLabel(derived.sex, lang) }) : undefined}
              >
                <Input maxLength={18} className="oc-mono" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="name" label={t('name')} required>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="sex" label={t('sex')}>
                <Radio.Group
                  options={[
                    { value: 'M', label: sexLabel('M', lang) },
                    { value: 'F', label: sexLabel('F', lang) },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="birthDate" label={t('birthDate')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <ResidentCommonFields half={half} />
          </Row>
          <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
            <Button onClick={() => void navigate(-1)}>{c('cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('create')}
            </Button>
          </div>
        </Form>
      </Card>
    </Page>
  );
}
