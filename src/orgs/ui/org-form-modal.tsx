import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../web/error-alert.tsx';
import { applyServerError, emptyToNull, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { common, useLang, useT } from '../../web/i18n.ts';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { ORG_KINDS, ORG_LEVELS, PARENT_KINDS, orgCreate, orgPatch, type Org, type OrgKind } from '../orgs.schema.ts';
import { useCreateOrg, usePatchOrg } from './orgs.api.ts';
import { kindLabel, levelLabel, orgMessages } from './orgs.i18n.ts';

const FIELDS = [
  'code',
  'name',
  'kind',
  'level',
  'parentId',
  'divisionCode',
  'address',
  'lat',
  'lng',
  'specialities',
  'beds',
  'phone',
  'active',
];
/** the usual level of each kind, pre-filled so the admin rarely has to think about it */
const DEFAULT_LEVEL: Partial<Record<OrgKind, Org['level']>> = {
  county_hospital: 'county',
  township_center: 'township',
  community_center: 'township',
  village_clinic: 'village',
  partner_hospital: 'provincial',
};

type Values = Partial<Omit<Org, 'id' | 'countyId'>>;
type Props =
  | { mode: 'create'; orgs: readonly Org[]; onClose: () => void }
  | { mode: 'edit'; org: Org; orgs: readonly Org[]; onClose: () => void };

export function OrgFormModal(props: Props) {
  const t = useT(orgMessages);
  const c = useT(common);
  const lang = useLang();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = props.mode === 'edit' ? props.org : null;
  const create = useCreateOrg();
  const patch = usePatchOrg(editing?.id ?? 0);
  const mutation = editing ? patch : create;
  const kind = Form.useWatch('kind', form);
  const parents = useMemo(
    () => props.orgs.filter((o) => kind !== undefined && PARENT_KINDS[kind].includes(o.kind)),
    [props.orgs, kind],
  );

  const onError = (err: unknown) => applyServerError(form, err, FIELDS);
  const submit = (raw: Values) => {
    const values = emptyToNull(raw);
    if (editing) {
      const body = validateWith(form, orgPatch, values);
      if (body)
        patch.mutate(body, {
          onSuccess: () => {
            message.success(c('saved'));
            props.onClose();
          },
          onError,
        });
    } else {
      const body = validateWith(form, orgCreate, { ...values, parentId: values.parentId ?? null });
      if (body)
        create.mutate(body, {
          onSuccess: () => {
            message.success(t('created'));
            props.onClose();
          },
          onError,
        });
    }
  };

  const half = mobile ? 24 : 12;
  return (
    <Modal
      open
      title={editing ? `${t('editOrg')}：${editing.name}` : t('newOrg')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={c('save')}
      confirmLoading={mutation.isPending}
      width={720}
      destroyOnHidden
    >
      {mutation.isError && !errorBelongsTo(mutation.error, FIELDS) ? (
        <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={editing ?? { beds: 0, specialities: [] }}
        onValuesChange={(changed: Values) => {
          if (changed.kind) form.setFieldsValue({ level: DEFAULT_LEVEL[changed.kind], parentId: undefined });
        }}
      >
        <Row gutter={16}>
          {editing ? null : (
            <>
              <Col span={half}>
                <Form.Item name="code" label={t('code')} required>
                  <Input maxLength={32} />
                </Form.Item>
              </Col>
              <Col span={half}>
                <Form.Item name="kind" label={t('kind')} required>
                  <Select
                    options={ORG_KINDS.filter((k) => k !== 'county').map((k) => ({
                      value: k,
                      label: kindLabel(k, lang),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={half}>
                <Form.Item name="level" label={t('level')} required>
                  <Select options={ORG_LEVELS.map((l) => ({ value: l, label: levelLabel(l, lang) }))} />
                </Form.Item>
              </Col>
              <Col span={half}>
                <Form.Item name="parentId" label={t('parent')} required={kind !== 'partner_hospital'}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    disabled={!kind || kind === 'partner_hospital'}
                    allowClear
                    options={parents.map((o) => ({ value: o.id, label: o.name }))}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={half}>
            <Form.Item name="name" label={t('name')} required>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="divisionCode" label={t('divisionCode')}>
              <Input maxLength={12} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('address')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={mobile ? 12 : 6}>
            <Form.Item name="lat" label={t('lat')}>
              <InputNumber style={{ width: '100%' }} step={0.0001} />
            </Form.Item>
          </Col>
          <Col span={mobile ? 12 : 6}>
            <Form.Item name="lng" label={t('lng')}>
              <InputNumber style={{ width: '100%' }} step={0.0001} />
            </Form.Item>
          </Col>
          <Col span={mobile ? 12 : 6}>
            <Form.Item name="beds" label={t('beds')}>
              <InputNumber style={{ width: '100%' }} min={0} precision={0} />
            </Form.Item>
          </Col>
          <Col span={mobile ? 12 : 6}>
            <Form.Item name="phone" label={t('phone')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={editing ? 18 : 24}>
            <Form.Item name="specialities" label={t('specialities')} extra={t('specialitiesHint')}>
              <Select mode="tags" open={false} styles={{ suffix: { display: 'none' } }} />
            </Form.Item>
          </Col>
          {editing ? (
            <Col span={6}>
              <Form.Item name="active" label={t('active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
