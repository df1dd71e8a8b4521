import { Alert, Checkbox, Form, Input, Modal, Space, Tag } from 'antd';
import type { z } from 'zod';
import { errorMessage } from '../../web/error-alert.tsx';
import { validateWith } from '../../web/form-errors.ts';
import { common, useT } from '../../web/i18n.ts';
import { revealBody, type revealed, type RevealBody } from '../residents.schema.ts';
import { useReveal } from './residents.api.ts';
import { residentMessages } from './residents.i18n.ts';

export type Revealed = z.infer<typeof revealed>;

/**
 * 查看完整信息: the reason is asked for before, not after, because it is what the audit
 * row is for; quick reasons save typing on a phone but any text is accepted.
 */
export function RevealModal({
  residentId,
  hasMobile,
  onClose,
  onRevealed,
}: {
  residentId: number;
  hasMobile: boolean;
  onClose: () => void;
  onRevealed: (r: Revealed) => void;
}) {
  const t = useT(residentMessages);
  const c = useT(common);
  const [form] = Form.useForm<RevealBody>();
  const reveal = useReveal(residentId);
  const quick = [t('reasonSettle'), t('reasonReferral'), t('reasonCall')];

  const submit = (values: RevealBody) => {
    const body = validateWith(form, revealBody, values);
    if (body)
      reveal.mutate(body, {
        onSuccess: (r) => {
          onRevealed(r);
          onClose();
        },
      });
  };

  return (
    <Modal
      open
      title={t('revealTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={c('confirm')}
      confirmLoading={reveal.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('revealWarn')} style={{ marginBottom: 16 }} />
      {reveal.isError ? (
        <Alert type="error" showIcon title={errorMessage(reveal.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<RevealBody>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ fields: hasMobile ? ['idNumber', 'mobile'] : ['idNumber'], reason: '' }}
      >
        <Form.Item name="fields" label={t('revealFields')} required>
          <Checkbox.Group
            options={[
              { label: t('idNumber'), value: 'idNumber' },
              { label: t('mobile'), value: 'mobile', disabled: !hasMobile },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('revealReason')} required>
          <Input.TextArea rows={2} maxLength={100} showCount placeholder={t('revealReasonPh')} />
        </Form.Item>
        <Space size={[4, 4]} wrap>
          {quick.map((r) => (
            <Tag key={r} style={{ cursor: 'pointer' }} onClick={() => form.setFieldsValue({ reason: r })}>
              {r}
            </Tag>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
