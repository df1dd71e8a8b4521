import { Alert, App, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../web/error-alert.tsx';
import { applyServerError, emptyToNull, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { common, useT } from '../../web/i18n.ts';
import { departmentCreate, type DepartmentCreate } from '../orgs.schema.ts';
import { useCreateDepartment } from './orgs.api.ts';
import { orgMessages } from './orgs.i18n.ts';

const FIELDS = ['code', 'name', 'speciality'];

export function DepartmentFormModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const t = useT(orgMessages);
  const c = useT(common);
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentCreate>();
  const create = useCreateDepartment(orgId);

  const submit = (values: DepartmentCreate) => {
    const body = validateWith(form, departmentCreate, emptyToNull(values));
    if (!body) return;
    create.mutate(body, {
      onSuccess: () => {
        message.success(t('deptCreated'));
        onClose();
      },
      onError: (err) => applyServerError(form, err, FIELDS),
    });
  };

  return (
    <Modal
      open
      title={t('newDept')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={c('save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError && !errorBelongsTo(create.error, FIELDS) ? (
        <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<DepartmentCreate> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="code" label={t('code')} required>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('name')} required>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="speciality" label={t('speciality')}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
