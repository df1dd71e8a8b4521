import {
  ApartmentOutlined, AuditOutlined, BarChartOutlined, HomeOutlined, SearchOutlined, TeamOutlined, UserAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../platform/roles.ts';
import { mayCall, type PolicyRoute } from './access.ts';
import type { common } from './i18n.ts';

export interface NavItem {
  path: string;
  label: keyof typeof common;
  icon: ReactNode;
  /** the API route a page cannot work without: the menu follows its policy */
  needs: PolicyRoute | null;
  /** one line for the home dashboard */
  blurb: readonly [zh: string, en: string];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, needs: null, blurb: ['', ''] },
  {
    path: '/orgs', label: 'nav.orgs', icon: <ApartmentOutlined />, needs: 'GET /api/orgs',
    blurb: ['县人民医院、乡镇卫生院、村卫生室：医共体的组织结构与地图', 'Hospitals, township centres and village clinics of the group'],
  },
  {
    path: '/residents', label: 'nav.residents', icon: <SearchOutlined />, needs: 'GET /api/residents',
    blurb: ['按姓名、拼音首字母、身份证号或手机号查找居民档案', 'Find a resident by name, pinyin initials, ID number or mobile'],
  },
  {
    path: '/residents/new', label: 'nav.residentNew', icon: <UserAddOutlined />, needs: 'POST /api/residents',
    blurb: ['为辖区居民建立健康档案', 'Create a health record for a resident'],
  },
  {
    path: '/resident-stats', label: 'nav.stats', icon: <BarChartOutlined />, needs: 'GET /api/resident-stats',
    blurb: ['各机构居民、贫困人口与慢病人数汇总', 'Residents, poor and chronic patients per organisation'],
  },
  {
    path: '/staff', label: 'nav.staff', icon: <TeamOutlined />, needs: 'GET /api/staff',
    blurb: ['新建账号、停用启用、重置密码', 'Create, disable and reset staff accounts'],
  },
  {
    path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, needs: 'GET /api/audit',
    blurb: ['谁在何时查看或修改了什么，并校验哈希链', 'Who saw or changed what, and when; verify the hash chain'],
  },
];

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.needs === null || mayCall(roles, item.needs));
}

/** The menu key for a location: the longest nav path that prefixes it. */
export function selectedNavPath(pathname: string, items: readonly NavItem[]): string {
  const matches = items.filter((i) => i.path === pathname || (i.path !== '/' && pathname.startsWith(`${i.path}/`) && !items.some((o) => o.path === pathname)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}
