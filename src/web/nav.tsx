import {
  AccountBookOutlined,
  AlertOutlined,
  CarOutlined,
  DashboardOutlined,
  MobileOutlined,
  NotificationOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FundOutlined,
  IdcardOutlined,
  SoundOutlined,
  ExperimentOutlined,
  GlobalOutlined,
  HeartOutlined,
  HomeOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  FormOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  LineChartOutlined,
  MoneyCollectOutlined,
  SearchOutlined,
  SettingOutlined,
  SwapOutlined,
  TableOutlined,
  MedicineBoxOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../platform/roles.ts';
import { mayCall, type PolicyRoute } from './access.ts';
import type { common } from './i18n.ts';
import { NAV_BLURBS } from './nav.i18n.ts';

/** The menu's sections: a coordinator's fifteen pages in six short groups instead of one long list. */
export const NAV_GROUPS = [
  { key: 'care', label: 'navGroup.care', icon: <MedicineBoxOutlined /> },
  { key: 'family', label: 'navGroup.family', icon: <HeartOutlined /> },
  { key: 'referral', label: 'navGroup.referral', icon: <SwapOutlined /> },
  { key: 'ems', label: 'navGroup.ems', icon: <AlertOutlined /> },
  { key: 'remote', label: 'navGroup.remote', icon: <FundOutlined /> },
  { key: 'clinics', label: 'navGroup.clinics', icon: <CalendarOutlined /> },
  { key: 'residents', label: 'navGroup.residents', icon: <SearchOutlined /> },
  { key: 'network', label: 'navGroup.network', icon: <ApartmentOutlined /> },
  { key: 'settlement', label: 'navGroup.settlement', icon: <AccountBookOutlined /> },
  { key: 'pharmacy', label: 'navGroup.pharmacy', icon: <ExperimentOutlined /> },
  { key: 'stats', label: 'navGroup.stats', icon: <BarChartOutlined /> },
  { key: 'system', label: 'navGroup.system', icon: <SettingOutlined /> },
] as const satisfies ReadonlyArray<{ key: string; label: keyof typeof common; icon: ReactNode }>;
export type NavGroupKey = (typeof NAV_GROUPS)[number]['key'];

export interface NavItem {
  path: string;
  label: keyof typeof common;
  /** the menu section; null for 首页 alone at the top */
  group: NavGroupKey | null;
  icon: ReactNode;
  /** the API route a page cannot work without: the menu follows its policy */
  needs: PolicyRoute | null;
  /** one line for the home dashboard */
  blurb: readonly [zh: string, en: string];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', group: null, icon: <HomeOutlined />, needs: null, blurb: NAV_BLURBS.home },
  {
    path: '/chronic/day',
    label: 'nav.dayList',
    group: 'family',
    icon: <ScheduleOutlined />,
    needs: 'GET /api/chronic/day-list',
    blurb: NAV_BLURBS.dayList,
  },
  {
    path: '/chronic/cases',
    label: 'nav.chronicCases',
    group: 'family',
    icon: <SolutionOutlined />,
    needs: 'GET /api/chronic/cases',
    blurb: NAV_BLURBS.chronicCases,
  },
  {
    path: '/grid',
    label: 'nav.myGrid',
    group: 'family',
    icon: <ClusterOutlined />,
    needs: 'GET /api/grid/mine',
    blurb: NAV_BLURBS.myGrid,
  },
  {
    path: '/grids',
    label: 'nav.grids',
    group: 'family',
    icon: <ClusterOutlined />,
    needs: 'GET /api/grids',
    blurb: NAV_BLURBS.grids,
  },
  {
    path: '/fd/contracts',
    label: 'nav.fdContracts',
    group: 'family',
    icon: <FileDoneOutlined />,
    needs: 'GET /api/fd/contracts',
    blurb: NAV_BLURBS.fdContracts,
  },
  {
    path: '/fd/sign',
    label: 'nav.fdSign',
    group: 'family',
    icon: <FormOutlined />,
    needs: 'POST /api/fd/contracts',
    blurb: NAV_BLURBS.fdSign,
  },
  {
    path: '/fd/teams',
    label: 'nav.fdTeams',
    group: 'family',
    icon: <TeamOutlined />,
    needs: 'GET /api/fd/teams',
    blurb: NAV_BLURBS.fdTeams,
  },
  {
    path: '/chronic/figures',
    label: 'nav.chronicFigures',
    group: 'stats',
    icon: <LineChartOutlined />,
    needs: 'GET /api/chronic/figures',
    blurb: NAV_BLURBS.chronicFigures,
  },
  // ---- drugs: catalogue (issue 14)
  {
    path: '/pharmacy/catalogue',
    label: 'nav.drugCatalogue',
    group: 'pharmacy',
    icon: <MedicineBoxOutlined />,
    needs: 'GET /api/pharmacy/catalogue',
    blurb: NAV_BLURBS.drugCatalogue,
  },

  // ---- drugs: requests, procurement, distribution (issue 14)
  {
    path: '/pharmacy/requests',
    label: 'nav.pharmacyRequests',
    group: 'pharmacy',
    icon: <FormOutlined />,
    needs: 'GET /api/pharmacy/requests',
    blurb: NAV_BLURBS.pharmacyRequests,
  },
  {
    path: '/pharmacy/purchase',
    label: 'nav.pharmacyPurchase',
    group: 'pharmacy',
    icon: <ExperimentOutlined />,
    needs: 'GET /api/pharmacy/purchase-orders',
    blurb: NAV_BLURBS.pharmacyPurchase,
  },
  {
    path: '/pharmacy/distribution',
    label: 'nav.pharmacyDistribution',
    group: 'pharmacy',
    icon: <ApartmentOutlined />,
    needs: 'GET /api/pharmacy/distributions',
    blurb: NAV_BLURBS.pharmacyDistribution,
  },

  // ---- drugs: stock, dispensing, recall, figures (issue 14)
  {
    path: '/pharmacy/dispense',
    label: 'nav.drugDispense',
    group: 'pharmacy',
    icon: <MedicineBoxOutlined />,
    needs: 'POST /api/pharmacy/dispenses',
    blurb: NAV_BLURBS.drugDispense,
  },
  {
    path: '/pharmacy/stock',
    label: 'nav.drugStock',
    group: 'pharmacy',
    icon: <TableOutlined />,
    needs: 'GET /api/pharmacy/stock',
    blurb: NAV_BLURBS.drugStock,
  },
  {
    path: '/pharmacy/recalls',
    label: 'nav.drugRecalls',
    group: 'pharmacy',
    icon: <AuditOutlined />,
    needs: 'GET /api/pharmacy/recalls',
    blurb: NAV_BLURBS.drugRecalls,
  },
  {
    path: '/pharmacy/figures',
    label: 'nav.drugFigures',
    group: 'stats',
    icon: <LineChartOutlined />,
    needs: 'GET /api/pharmacy/figures',
    blurb: NAV_BLURBS.drugFigures,
  },

  // ---- sterile supply and medical waste (issue 14)

  // ---- remote diagnosis (issue 12)
  {
    path: '/remote/requests',
    label: 'nav.remoteRequests',
    group: 'remote',
    icon: <FileDoneOutlined />,
    needs: 'POST /api/remote/requests',
    blurb: NAV_BLURBS.remoteRequests,
  },
  {
    path: '/remote/worklist',
    label: 'nav.remoteWorklist',
    group: 'remote',
    icon: <TableOutlined />,
    needs: 'GET /api/remote/worklist',
    blurb: NAV_BLURBS.remoteWorklist,
  },
  {
    path: '/remote/criticals',
    label: 'nav.remoteCriticals',
    group: 'remote',
    icon: <AlertOutlined />,
    needs: 'GET /api/remote/criticals',
    blurb: NAV_BLURBS.remoteCriticals,
  },
  {
    path: '/remote/schedule',
    label: 'nav.remoteSchedule',
    group: 'remote',
    icon: <ScheduleOutlined />,
    needs: 'GET /api/remote/duty',
    blurb: NAV_BLURBS.remoteSchedule,
  },
  {
    path: '/remote/unmatched',
    label: 'nav.remoteUnmatched',
    group: 'remote',
    icon: <ApiOutlined />,
    needs: 'POST /api/remote/studies/:id/match',
    blurb: NAV_BLURBS.remoteUnmatched,
  },
  {
    path: '/remote/consults',
    label: 'nav.remoteConsults',
    group: 'remote',
    icon: <TeamOutlined />,
    needs: 'GET /api/remote/consults',
    blurb: NAV_BLURBS.remoteConsults,
  },
  {
    path: '/remote/kit',
    label: 'nav.remoteKit',
    group: 'remote',
    icon: <MobileOutlined />,
    needs: 'POST /api/remote/kit/batches',
    blurb: NAV_BLURBS.remoteKit,
  },
  {
    path: '/remote/figures',
    label: 'nav.remoteFigures',
    group: 'stats',
    icon: <LineChartOutlined />,
    needs: 'GET /api/remote/figures',
    blurb: NAV_BLURBS.remoteFigures,
  },

  // ---- 120 and the five centres (issue 13)
  {
    path: '/ems/board',
    label: 'nav.emsBoard',
    group: 'ems',
    icon: <DashboardOutlined />,
    needs: 'POST /api/ems/calls',
    blurb: NAV_BLURBS.emsBoard,
  },
  {
    path: '/ems/missions',
    label: 'nav.emsMissions',
    group: 'ems',
    icon: <CarOutlined />,
    needs: 'GET /api/ems/missions',
    blurb: NAV_BLURBS.emsMissions,
  },
  {
    path: '/ems/fleet',
    label: 'nav.emsFleet',
    group: 'ems',
    icon: <SettingOutlined />,
    needs: 'GET /api/ems/fleet/vehicles',
    blurb: NAV_BLURBS.emsFleet,
  },
  {
    path: '/ems/crew',
    label: 'nav.emsCrew',
    group: 'ems',
    icon: <MobileOutlined />,
    needs: 'GET /api/ems/my-missions',
    blurb: NAV_BLURBS.emsCrew,
  },
  {
    path: '/ems/preadmissions',
    label: 'nav.emsPreadmissions',
    group: 'ems',
    icon: <NotificationOutlined />,
    needs: 'GET /api/ems/preadmissions',
    blurb: NAV_BLURBS.emsPreadmissions,
  },
  {
    path: '/ems/figures',
    label: 'nav.emsFigures',
    group: 'ems',
    icon: <LineChartOutlined />,
    needs: 'GET /api/ems/figures',
    blurb: NAV_BLURBS.emsFigures,
  },
  {
    path: '/orgs',
    label: 'nav.orgs',
    group: 'network',
    icon: <ApartmentOutlined />,
    needs: 'GET /api/orgs',
    blurb: NAV_BLURBS.orgs,
  },
  {
    path: '/residents',
    label: 'nav.residents',
    group: 'residents',
    icon: <SearchOutlined />,
    needs: 'GET /api/residents',
    blurb: NAV_BLURBS.residents,
  },
  {
    path: '/residents/new',
    label: 'nav.residentNew',
    group: 'residents',
    icon: <UserAddOutlined />,
    needs: 'POST /api/residents',
    blurb: NAV_BLURBS.residentsNew,
  },
  {
    path: '/resident-stats',
    label: 'nav.stats',
    group: 'stats',
    icon: <BarChartOutlined />,
    needs: 'GET /api/resident-stats',
    blurb: NAV_BLURBS.residentStats,
  },
  {
    path: '/referrals',
    label: 'nav.referrals',
    group: 'referral',
    icon: <SwapOutlined />,
    needs: 'GET /api/referrals',
    blurb: NAV_BLURBS.referrals,
  },
  {
    path: '/referral-tasks',
    label: 'nav.referralTasks',
    group: 'referral',
    icon: <CheckSquareOutlined />,
    needs: 'GET /api/referral-tasks',
    blurb: NAV_BLURBS.referralTasks,
  },
  {
    path: '/exam-orders',
    label: 'nav.examOrders',
    group: 'referral',
    icon: <ExperimentOutlined />,
    needs: 'GET /api/exam-orders',
    blurb: NAV_BLURBS.examOrders,
  },
  {
    path: '/visits',
    label: 'nav.visits',
    group: 'care',
    icon: <MedicineBoxOutlined />,
    needs: 'GET /api/visits',
    blurb: NAV_BLURBS.visits,
  },
  {
    path: '/stays',
    label: 'nav.stays',
    group: 'care',
    icon: <TableOutlined />,
    needs: 'GET /api/stays',
    blurb: NAV_BLURBS.stays,
  },
  {
    path: '/wards',
    label: 'nav.wards',
    group: 'network',
    icon: <ApartmentOutlined />,
    needs: 'GET /api/wards',
    blurb: NAV_BLURBS.wards,
  },
  {
    path: '/bed-board',
    label: 'nav.bedBoard',
    group: 'referral',
    icon: <TableOutlined />,
    needs: 'GET /api/bed-board',
    blurb: NAV_BLURBS.bedBoard,
  },
  {
    path: '/out-of-county',
    label: 'nav.outOfCounty',
    group: 'referral',
    icon: <GlobalOutlined />,
    needs: 'GET /api/out-of-county-visits',
    blurb: NAV_BLURBS.outOfCounty,
  },
  {
    path: '/referral-dashboard',
    label: 'nav.referralDashboard',
    group: 'stats',
    icon: <LineChartOutlined />,
    needs: 'GET /api/referral-figures',
    blurb: NAV_BLURBS.referralDashboard,
  },
  {
    path: '/care-figures',
    label: 'nav.careFigures',
    group: 'stats',
    icon: <LineChartOutlined />,
    needs: 'GET /api/care-figures',
    blurb: NAV_BLURBS.careFigures,
  },
  {
    path: '/settlement/desk',
    label: 'nav.settlementDesk',
    group: 'settlement',
    icon: <AccountBookOutlined />,
    needs: 'GET /api/settlement/desk',
    blurb: NAV_BLURBS.settlementDesk,
  },
  {
    path: '/settlement/receivables',
    label: 'nav.receivables',
    group: 'settlement',
    icon: <MoneyCollectOutlined />,
    needs: 'GET /api/settlement/receivables',
    blurb: NAV_BLURBS.receivables,
  },
  {
    path: '/settlement/policy',
    label: 'nav.settlementPolicy',
    group: 'settlement',
    icon: <SettingOutlined />,
    needs: 'GET /api/settlement/policy/versions',
    blurb: NAV_BLURBS.settlementPolicy,
  },
  {
    path: '/settlement/figures',
    label: 'nav.settlementFigures',
    group: 'stats',
    icon: <FundOutlined />,
    needs: 'GET /api/settlement/figures',
    blurb: NAV_BLURBS.settlementFigures,
  },
  {
    path: '/city',
    label: 'nav.city',
    group: 'stats',
    icon: <GlobalOutlined />,
    needs: 'GET /api/city/settlements',
    blurb: NAV_BLURBS.city,
  },
  {
    path: '/clinics',
    label: 'nav.clinics',
    group: 'clinics',
    icon: <CalendarOutlined />,
    needs: 'GET /api/clinic-sessions',
    blurb: NAV_BLURBS.clinics,
  },
  {
    path: '/clinics/console',
    label: 'nav.clinicConsole',
    group: 'clinics',
    icon: <SoundOutlined />,
    needs: 'GET /api/clinic-sessions/:id/queue',
    blurb: NAV_BLURBS.clinicsConsole,
  },
  {
    path: '/clinics/experts',
    label: 'nav.experts',
    group: 'clinics',
    icon: <IdcardOutlined />,
    needs: 'POST /api/experts',
    blurb: NAV_BLURBS.clinicsExperts,
  },
  {
    path: '/clinics/stats',
    label: 'nav.clinicStats',
    group: 'stats',
    icon: <FundOutlined />,
    needs: 'GET /api/clinic-stats',
    blurb: NAV_BLURBS.clinicsStats,
  },
  {
    path: '/sterile',
    label: 'nav.sterile',
    group: 'pharmacy',
    icon: <MedicineBoxOutlined />,
    needs: 'GET /api/sterile/packs',
    blurb: NAV_BLURBS.sterile,
  },
  {
    path: '/waste',
    label: 'nav.waste',
    group: 'pharmacy',
    icon: <SwapOutlined />,
    needs: 'GET /api/waste/bags',
    blurb: NAV_BLURBS.waste,
  },
  {
    path: '/waste/register',
    label: 'nav.wasteRegister',
    group: 'pharmacy',
    icon: <FormOutlined />,
    needs: 'POST /api/waste/bags',
    blurb: NAV_BLURBS.wasteRegister,
  },
  {
    path: '/supply/figures',
    label: 'nav.supplyFigures',
    group: 'stats',
    icon: <LineChartOutlined />,
    needs: 'GET /api/supply/figures',
    blurb: NAV_BLURBS.supplyFigures,
  },
  {
    path: '/his',
    label: 'nav.his',
    group: 'system',
    icon: <ApiOutlined />,
    needs: 'GET /api/his/overview',
    blurb: NAV_BLURBS.his,
  },
  {
    path: '/clinics/rules',
    label: 'nav.clinicRules',
    group: 'system',
    icon: <SettingOutlined />,
    needs: 'PATCH /api/clinic-settings',
    blurb: NAV_BLURBS.clinicsRules,
  },
  {
    path: '/clinics/subsidy',
    label: 'nav.clinicSubsidy',
    group: 'clinics',
    icon: <MoneyCollectOutlined />,
    needs: 'GET /api/clinic-subsidy',
    blurb: NAV_BLURBS.clinicsSubsidy,
  },
  {
    path: '/staff',
    label: 'nav.staff',
    group: 'network',
    icon: <TeamOutlined />,
    needs: 'GET /api/staff',
    blurb: NAV_BLURBS.staff,
  },
  {
    path: '/audit',
    label: 'nav.audit',
    group: 'system',
    icon: <AuditOutlined />,
    needs: 'GET /api/audit',
    blurb: NAV_BLURBS.audit,
  },
];

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.needs === null || mayCall(roles, item.needs));
}

/** The menu key for a location: the longest nav path that prefixes it. */
export function selectedNavPath(pathname: string, items: readonly NavItem[]): string {
  const matches = items.filter(
    (i) =>
      i.path === pathname ||
      (i.path !== '/' && pathname.startsWith(`${i.path}/`) && !items.some((o) => o.path === pathname)),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}

/** The group a location belongs to (for the menu's open section), or null on 首页. */
export function groupOf(pathname: string, items: readonly NavItem[]): NavGroupKey | null {
  const path = selectedNavPath(pathname, items);
  return items.find((i) => i.path === path)?.group ?? null;
}

/** Pages below a menu item that have no menu entry of their own: their last breadcrumb. */
const SUB_PAGES: ReadonlyArray<{
  pattern: RegExp;
  label: keyof typeof common;
  parent?: (m: RegExpMatchArray) => string;
}> = [
  { pattern: /^\/referrals\/new$/, label: 'crumb.referralNew' },
  { pattern: /^\/referrals\/\d+$/, label: 'crumb.referral' },
  { pattern: /^\/residents\/\d+$/, label: 'crumb.resident' },
  { pattern: /^\/residents\/(\d+)\/edit$/, label: 'crumb.residentEdit', parent: (m) => `/residents/${m[1]}` },
  { pattern: /^\/clinics\/sessions\/\d+$/, label: 'crumb.session' },
  { pattern: /^\/ems\/missions\/\d+$/, label: 'crumb.emsMission' },
];

export interface Crumb {
  label: keyof typeof common;
  /** where the crumb leads; none for the page itself and for a group */
  path?: string;
}

/** 首页 / group / page [/ record]: where the user is, and the way back up. */
export function breadcrumbFor(pathname: string, items: readonly NavItem[]): Crumb[] {
  if (pathname === '/') return [];
  const path = selectedNavPath(pathname, items);
  const item = items.find((i) => i.path === path && i.path !== '/');
  const crumbs: Crumb[] = [{ label: 'nav.home', path: '/' }];
  const group = NAV_GROUPS.find((g) => g.key === item?.group);
  if (group) crumbs.push({ label: group.label });
  if (item) crumbs.push({ label: item.label, path: item.path === pathname ? undefined : item.path });
  for (const sub of SUB_PAGES) {
    const m = pathname.match(sub.pattern);
    if (!m) continue;
    if (sub.parent) crumbs.push({ label: 'crumb.resident', path: sub.parent(m) });
    crumbs.push({ label: sub.label });
  }
  return crumbs;
}
