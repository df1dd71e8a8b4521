import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useOrg, useOrgs } from '../../orgs/ui/orgs.api.ts';
import { ROLES } from '../../platform/roles.ts';
import { errorMessage } from '../../web/error-alert.tsx';
import { applyServerError, emptyToNull, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { common, roleLabel, useLang, useT } from '../../web/i18n.ts';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { staffCreate, type StaffCreate } from '../staff.schema.ts';
import { useCreateStaff } from './staff.api.ts';
import { staffMessages } from './staff.i18n.ts';

const FIELDS = ['username', 'displayName', 'title', 'roles', 'orgId', 'departmentId', 'mobile'];

export function StaffCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (r: { username: string; displayName: string; password: string }) => void;
}) {
  const t = useT(staffMessages);
  const c = useT(common);
  const lang = useLang();
  const half = useIsMobile() ? 24 : 12;
  const [form] = Form.useForm<StaffCreate>();
  const orgs = useOrgs();
  const orgId = Form.useWatch('orgId', form);
  const org = useOrg(orgId ?? null);
  const create = useCreateStaff();

  const submit = (values: StaffCreate) => {
    const body = validateWith(form, staffCreate, emptyToNull(values));
    if (!body) return;
    create.mutate(body, {
      onSuccess: (r) =>
        onCreated({ username: r.staff.username, displayName: r.staff.displayName, password: r.temporaryPassword }),
      onError: (err) => applyServerError(form, err, FIELDS),
    });
  };

  return (
    <Modal
      open
      title={t('newAccount')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={c('save')}
      confirmLoading={create.isPending}
      width={680}
      destroyOnHidden
    >
      {create.isError && !errorBelongsTo(create.error, FIELDS) ? (
        <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<StaffCreate>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ roles: [] }}
        onValuesChange={(changed: Partial<StaffCreate>) => {
          if ('orgId' in changed) form.setFieldsValue({ departmentId: null });
        }}
      >
        <Row gutter={16}>
          <Col span={half}>
            <Form.Item name="username" label={t('username')} required>
              <Input maxLength={32} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="displayName" label={t('displayName')} required>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="roles" label={t('roles')} required>
              <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: roleLabel(r, lang) }))} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="orgId" label={t('org')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={orgs.isPending}
                options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="departmentId" label={t('department')}>
              <Select
                allowClear
                disabled={!orgId}
                loading={org.isFetching}
                options={(org.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="title" label={t('title')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="mobile" label={t('mobile')}>
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
