import { Col, Form, Input, Select, Switch } from 'antd';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { CHRONIC_CONDITIONS, INSURANCE_TYPES } from '../residents.schema.ts';
import { conditionLabel, insuranceLabel, residentMessages } from './residents.i18n.ts';

/** Only these kinds manage residents (the API refuses others with INVALID_ORG). */
const RESIDENT_ORG_KINDS = new Set(['village_clinic', 'township_center', 'community_center']);

export const RESIDENT_FIELDS = [
  'idNumber',
  'name',
  'sex',
  'birthDate',
  'mobile',
  'orgId',
  'village',
  'householdNo',
  'address',
  'insuranceType',
  'registeredPoor',
  'chronicConditions',
  'deceasedOn',
];

/** The fields shared by 登记居民 and 编辑档案 (identity fields differ and live in each form). */
export function ResidentCommonFields({ mobilePlaceholder, half }: { mobilePlaceholder?: string; half: number }) {
  const t = useT(residentMessages);
  const lang = useLang();
  const orgs = useOrgs();
  const orgOptions = (orgs.data ?? [])
    .filter((o) => RESIDENT_ORG_KINDS.has(o.kind) && o.active)
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <Col span={half}>
        <Form.Item name="mobile" label={t('mobile')} extra={mobilePlaceholder}>
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="orgId" label={t('org')} extra={mobilePlaceholder ? undefined : t('orgDefault')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={orgs.isPending} options={orgOptions} />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="village" label={t('village')}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="householdNo" label={t('householdNo')}>
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('address')}>
          <Input maxLength={120} />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="insuranceType" label={t('insurance')}>
          <Select options={INSURANCE_TYPES.map((i) => ({ value: i, label: insuranceLabel(i, lang) }))} />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="registeredPoor" label={t('poor')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="chronicConditions" label={t('conditions')}>
          <Select
            mode="multiple"
            allowClear
            options={CHRONIC_CONDITIONS.map((x) => ({ value: x, label: conditionLabel(x, lang) }))}
          />
        </Form.Item>
      </Col>
    </>
  );
}
