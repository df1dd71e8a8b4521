import { Drawer, Layout, Menu } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from './current-user.ts';
import { HeaderBar } from './header-bar.tsx';
import { common, useT } from './i18n.ts';
import { navFor, selectedNavPath } from './nav.tsx';
import { useIsMobile } from './use-is-mobile.ts';

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT(common);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = navFor(me.roles);
  return (
    <Menu
      mode="inline"
      selectedKeys={[selectedNavPath(pathname, items)]}
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: t(i.label) }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

/** Side navigation on desktop; on a phone the same menu slides in from a hamburger. */
export function AppLayout() {
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const t = useT(common);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="oc-header-wrap">
        <HeaderBar mobile={mobile} onMenu={() => setDrawerOpen(true)} />
      </Layout.Header>
      <Layout>
        {mobile ? (
          <Drawer
            placement="left"
            size={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('menu')}
            styles={{ body: { padding: 0 } }}
          >
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            theme="light"
            width={208}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            className="oc-sider"
          >
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content className={mobile ? 'oc-content oc-content-mobile' : 'oc-content'}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
