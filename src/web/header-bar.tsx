import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout } from '../auth/ui/auth.api.ts';
import { useCurrentUser } from './current-user.ts';
import { CHANGE_PASSWORD_PATH } from './guards.tsx';
import { common, roleLabel, useLang, useT } from './i18n.ts';
import { LangSwitch } from './lang-switch.tsx';

/** Top bar: who is signed in, where and as what — a shared clinic PC must make that obvious. */
export function HeaderBar({ mobile, onMenu }: { mobile: boolean; onMenu: () => void }) {
  const t = useT(common);
  const lang = useLang();
  const me = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const signOut = () => logout.mutate();
  const roles = me.roles.map((r) => (
    <Tag key={r} color="blue" style={{ marginInlineEnd: 4 }}>
      {roleLabel(r, lang)}
    </Tag>
  ));

  return (
    <div className="oc-header">
      <Space size={8} style={{ minWidth: 0 }}>
        {mobile ? <Button type="text" icon={<MenuOutlined />} onClick={onMenu} aria-label={t('menu')} /> : null}
        <span className="oc-logo">{t('logoMark')}</span>
        <Typography.Text strong className="oc-app-name">
          {mobile ? t('appShort') : t('appName')}
        </Typography.Text>
      </Space>
      {mobile ? (
        <Space size={8}>
          <LangSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'who',
                  disabled: true,
                  label: (
                    <div>
                      <div>
                        <b>{me.displayName}</b>
                      </div>
                      <div>{me.org.name}</div>
                      <div>{roles}</div>
                    </div>
                  ),
                },
                { type: 'divider' },
                {
                  key: 'password',
                  icon: <KeyOutlined />,
                  label: t('nav.password'),
                  onClick: () => void navigate(CHANGE_PASSWORD_PATH),
                },
                { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), onClick: signOut },
              ],
            }}
          >
            <Avatar
              size="small"
              icon={<UserOutlined />}
              style={{ cursor: 'pointer', background: '#1677ff' }}
              aria-label={me.displayName}
            />
          </Dropdown>
        </Space>
      ) : (
        <Space size={12}>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'password',
                  icon: <KeyOutlined />,
                  label: t('nav.password'),
                  onClick: () => void navigate(CHANGE_PASSWORD_PATH),
                },
              ],
            }}
          >
            <span className="oc-user" style={{ cursor: 'pointer' }}>
              <UserOutlined /> <b>{me.displayName}</b>
              <Typography.Text type="secondary" style={{ marginInline: 8 }}>
                {me.org.name}
              </Typography.Text>
              {roles}
            </span>
          </Dropdown>
          <LangSwitch />
          <Button icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending}>
            {t('logout')}
          </Button>
        </Space>
      )}
    </div>
  );
}
