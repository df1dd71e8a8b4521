import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { errorMessage } from '../../web/error-alert.tsx';
import { applyServerError, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { common, useT } from '../../web/i18n.ts';
import { changePasswordBody } from '../auth.schema.ts';
import { useChangePassword, useLogout, useMe } from './auth.api.ts';
import { authMessages } from './auth.i18n.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
const FIELDS = ['currentPassword', 'newPassword'];

/** Standalone (no menu): while the password is temporary nothing else would work anyway. */
export function ChangePasswordPage() {
  const t = useT(authMessages);
  const c = useT(common);
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const forced = me.data?.mustChangePassword ?? false;

  // the server's schema, and the one check only the form can make: the new password typed twice alike
  const schema = changePasswordBody
    .extend({ confirm: z.string().min(1, t('confirmPassword')) })
    .refine((v) => v.confirm === v.newPassword, { error: t('mismatch'), path: ['confirm'] });

  const submit = (values: Values) => {
    const parsed = validateWith(form, schema, values);
    if (!parsed) return;
    const { currentPassword, newPassword } = parsed;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('changed'));
          void navigate('/', { replace: true });
        },
        onError: (err) => applyServerError(form, err, FIELDS),
      },
    );
  };

  const pageError = change.isError && !errorBelongsTo(change.error, FIELDS);
  return (
    <div className="oc-center oc-auth-bg">
      <Card className="oc-auth-card" title={t('changeTitle')}>
        {forced ? <Alert type="warning" showIcon title={t('forcedHint')} style={{ marginBottom: 16 }} /> : null}
        {pageError ? (
          <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Typography.Paragraph type="secondary">{t('rules')}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('currentPassword')}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('newPassword')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('confirmPassword')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            {forced ? (
              <Button onClick={() => logout.mutate()} loading={logout.isPending}>
                {c('logout')}
              </Button>
            ) : (
              <Button onClick={() => void navigate(-1)}>{c('back')}</Button>
            )}
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('submitChange')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
