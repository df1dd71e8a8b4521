import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../web/error-alert.tsx';
import { applyServerError, errorBelongsTo } from '../../web/form-errors.ts';
import { common, useT } from '../../web/i18n.ts';
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

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('changed'));
          navigate('/', { replace: true });
        },
        onError: (err) => applyServerError(form, err, FIELDS),
      },
    );

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
          <Form.Item
            name="currentPassword"
            label={t('currentPassword')}
            rules={[{ required: true, message: t('currentPassword') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('newPassword')}
            rules={[{ required: true, message: t('newPassword') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('confirmPassword') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            {forced ? (
              <Button onClick={() => logout.mutate()} loading={logout.isPending}>
                {c('logout')}
              </Button>
            ) : (
              <Button onClick={() => navigate(-1)}>{c('back')}</Button>
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
