import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../web/error-alert.tsx';
import { CHANGE_PASSWORD_PATH } from '../../web/guards.tsx';
import { common, setLang, useLang, useT, type Lang } from '../../web/i18n.ts';
import { validateWith } from '../../web/form-errors.ts';
import { loginBody, type LoginBody } from '../auth.schema.ts';
import { useLogin, useMe } from './auth.api.ts';
import { authMessages } from './auth.i18n.ts';

function returnPath(state: unknown): string {
  const from = state && typeof state === 'object' && 'from' in state ? state.from : null;
  // only our own paths: never bounce a fresh login to another site
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const t = useT(authMessages);
  const c = useT(common);
  const lang = useLang();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginBody>();

  // Signed in (just now, or already when the page opened): move on. The form stays on
  // screen while the next page renders, rather than a blank <Navigate/>.
  const user = me.data;
  useEffect(() => {
    if (user)
      void navigate(user.mustChangePassword ? CHANGE_PASSWORD_PATH : returnPath(location.state), { replace: true });
  }, [user, navigate, location.state]);

  const submit = (values: LoginBody) => {
    const body = validateWith(form, loginBody, values);
    if (body) login.mutate(body);
  };

  return (
    <div className="oc-center oc-auth-bg">
      <Card className="oc-auth-card">
        <Space orientation="vertical" size={4} style={{ width: '100%', textAlign: 'center', marginBottom: 24 }}>
          <span className="oc-logo" style={{ width: 44, height: 44, fontSize: 22 }}>
            {c('logoMark')}
          </span>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {c('appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('slogan')}</Typography.Text>
        </Space>
        {login.isError ? (
          <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<LoginBody> form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label={t('username')}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending || Boolean(user)}>
            {t('login')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Segmented<Lang>
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { label: c('langZh'), value: 'zh' },
              { label: c('langEn'), value: 'en' },
            ]}
          />
        </div>
      </Card>
    </div>
  );
}
