import { Button, Card, Input, Space, Tag, Typography } from 'antd';
import { TodoPanel } from '../todo/ui/todo-panel.tsx';
import { useNavigate } from 'react-router';
import { mayCall } from './access.ts';
import { useCurrentUser } from './current-user.ts';
import { common, roleLabel, useLang, useT } from './i18n.ts';
import { homeMessages } from './shell.i18n.ts';
import { navFor } from './nav.tsx';

/** Home: who you are, what is waiting for you (to-do counts), then the pages your role may open. */
export function HomePage() {
  const t = useT(common);
  const m = useT(homeMessages);
  const lang = useLang();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const items = navFor(me.roles).filter((i) => i.path !== '/');

  return (
    <div className="oc-page">
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {m('hello', { name: me.displayName })}
        </Typography.Title>
        <Space wrap size={[8, 8]}>
          <Typography.Text type="secondary">{me.org.name}</Typography.Text>
          {me.roles.map((r) => (
            <Tag key={r} color="blue">
              {roleLabel(r, lang)}
            </Tag>
          ))}
        </Space>
        {mayCall(me.roles, 'GET /api/residents') ? (
          <div style={{ marginTop: 16, maxWidth: 560 }}>
            <Input.Search
              placeholder={m('quickSearch')}
              enterButton={t('search')}
              onSearch={(q) => void navigate(`/residents?q=${encodeURIComponent(q.trim())}`)}
            />
          </div>
        ) : null}
      </Card>
      {mayCall(me.roles, 'GET /api/todo') ? <TodoPanel /> : null}
      <Typography.Title level={5}>{items.length ? m('intro') : null}</Typography.Title>
      {items.length ? null : <Typography.Paragraph type="secondary">{m('nothing')}</Typography.Paragraph>}
      <Space wrap size={[8, 8]} data-testid="home-pages">
        {items.map((item) => (
          <Button
            key={item.path}
            icon={item.icon}
            onClick={() => void navigate(item.path)}
            title={item.blurb[lang === 'zh' ? 0 : 1]}
          >
            {t(item.label)}
          </Button>
        ))}
      </Space>
    </div>
  );
}
