import { CriticalInboxBanner } from '../remote/ui/inbox-banner.tsx';
import { Breadcrumb, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from './current-user.ts';
import { HeaderBar } from './header-bar.tsx';
import { common, useT } from './i18n.ts';
import { breadcrumbFor, groupOf, NAV_GROUPS, navFor, selectedNavPath, type NavItem } from './nav.tsx';
import { useIsMobile } from './use-is-mobile.ts';

type MenuItems = NonNullable<MenuProps['items']>;

/** 首页 on top, then one section per group; a group with a single page for this role is that page alone. */
function menuItems(items: readonly NavItem[], t: (key: NavItem['label']) => string): MenuItems {
  const entry = (i: NavItem) => ({ key: i.path, icon: i.icon, label: t(i.label) });
  const out: MenuItems = items.filter((i) => i.group === null).map(entry);
  for (const g of NAV_GROUPS) {
    const inGroup = items.filter((i) => i.group === g.key);
    if (inGroup.length === 1) out.push(entry(inGroup[0]));
    else if (inGroup.length > 1)
      out.push({ key: `group:${g.key}`, icon: g.icon, label: t(g.label), children: inGroup.map(entry) });
  }
  return out;
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT(common);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = navFor(me.roles);
  const current = groupOf(pathname, items);
  // the section of the page on screen opens; sections the user opened stay open
  const [open, setOpen] = useState<string[]>(current ? [`group:${current}`] : []);
  useEffect(() => {
    if (current) setOpen((keys) => (keys.includes(`group:${current}`) ? keys : [...keys, `group:${current}`]));
  }, [current]);
  return (
    <Menu
      mode="inline"
      selectedKeys={[selectedNavPath(pathname, items)]}
      openKeys={open}
      onOpenChange={setOpen}
      items={menuItems(items, t)}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

/** 首页 / 转诊 / 转诊工作台 / 转诊单: where the user is, each level a way back. */
function Crumbs() {
  const t = useT(common);
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const crumbs = breadcrumbFor(pathname, navFor(me.roles));
  if (!crumbs.length) return null;
  return (
    <Breadcrumb
      className="oc-breadcrumb"
      data-testid="breadcrumb"
      items={crumbs.map((c) => ({ title: c.path ? <Link to={c.path}>{t(c.label)}</Link> : t(c.label) }))}
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
          <Crumbs />
          {/* 危急值: shown at once on every page to the clinicians of the requesting org (issue 12) */}
          <CriticalInboxBanner />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
