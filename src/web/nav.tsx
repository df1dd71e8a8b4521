import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FundOutlined,
  IdcardOutlined,
  SoundOutlined,
  ExperimentOutlined,
  GlobalOutlined,
  HomeOutlined,
  LineChartOutlined,
  MoneyCollectOutlined,
  SearchOutlined,
  SettingOutlined,
  SwapOutlined,
  TableOutlined,
  TeamOutlined,
  UserAddOutlined,
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
    path: '/orgs',
    label: 'nav.orgs',
    icon: <ApartmentOutlined />,
    needs: 'GET /api/orgs',
    blurb: [
      '县人民医院、乡镇卫生院、村卫生室：医共体的组织结构与地图',
      'Hospitals, township centres and village clinics of the group',
    ],
  },
  {
    path: '/residents',
    label: 'nav.residents',
    icon: <SearchOutlined />,
    needs: 'GET /api/residents',
    blurb: [
      '按姓名、拼音首字母、身份证号或手机号查找居民档案',
      'Find a resident by name, pinyin initials, ID number or mobile',
    ],
  },
  {
    path: '/residents/new',
    label: 'nav.residentNew',
    icon: <UserAddOutlined />,
    needs: 'POST /api/residents',
    blurb: ['为辖区居民建立健康档案', 'Create a health record for a resident'],
  },
  {
    path: '/resident-stats',
    label: 'nav.stats',
    icon: <BarChartOutlined />,
    needs: 'GET /api/resident-stats',
    blurb: ['各机构居民、贫困人口与慢病人数汇总', 'Residents, poor and chronic patients per organisation'],
  },
  {
    path: '/referrals',
    label: 'nav.referrals',
    icon: <SwapOutlined />,
    needs: 'GET /api/referrals',
    blurb: ['上转、下转、接收时限与超时升级，实时更新', 'Up- and down-referrals, deadlines and escalations, live'],
  },
  {
    path: '/referral-tasks',
    label: 'nav.referralTasks',
    icon: <CheckSquareOutlined />,
    needs: 'GET /api/referral-tasks',
    blurb: ['确认接收下转患者，填写随访', 'Confirm down-referred patients, write follow-ups'],
  },
  {
    path: '/exam-orders',
    label: 'nav.examOrders',
    icon: <ExperimentOutlined />,
    needs: 'GET /api/exam-orders',
    blurb: [
      '统一目录、统一价格，县医院执行，结果回传',
      'One exam catalogue and price; done at the county hospital, results returned',
    ],
  },
  {
    path: '/bed-board',
    label: 'nav.bedBoard',
    icon: <TableOutlined />,
    needs: 'GET /api/bed-board',
    blurb: ['床位与待入院（三优先）', 'Beds and admissions (priority for referred patients)'],
  },
  {
    path: '/out-of-county',
    label: 'nav.outOfCounty',
    icon: <GlobalOutlined />,
    needs: 'GET /api/out-of-county-visits',
    blurb: ['县外就诊登记与 CSV 导入', 'Out-of-county visits, manual or CSV import'],
  },
  {
    path: '/referral-dashboard',
    label: 'nav.referralDashboard',
    icon: <LineChartOutlined />,
    needs: 'GET /api/referral-figures',
    blurb: ['闭环率、下转占比、县域内就诊率', 'Closed-loop rate, down-referral share, county-internal visit rate'],
  },
  {
    path: '/clinics',
    label: 'nav.clinics',
    icon: <CalendarOutlined />,
    needs: 'GET /api/clinic-sessions',
    blurb: ['专家坐诊与门诊排班：号源、预约、候补、签到', 'Expert clinics: slots, bookings, waitlist, check-in'],
  },
  {
    path: '/clinics/console',
    label: 'nav.clinicConsole',
    icon: <SoundOutlined />,
    needs: 'GET /api/clinic-sessions/:id/queue',
    blurb: ['叫号：下一位、重呼、过号、完成', 'Call next, recall, skip, finish'],
  },
  {
    path: '/clinics/experts',
    label: 'nav.experts',
    icon: <IdcardOutlined />,
    needs: 'POST /api/experts',
    blurb: ['乡情医学联盟专家名册', 'Visiting expert roster'],
  },
  {
    path: '/clinics/stats',
    label: 'nav.clinicStats',
    icon: <FundOutlined />,
    needs: 'GET /api/clinic-stats',
    blurb: ['坐诊场次、服务人数、节约估算与补贴台账', 'Sessions, patients served, savings, subsidy ledger'],
  },
  {
    path: '/clinics/rules',
    label: 'nav.clinicRules',
    icon: <SettingOutlined />,
    needs: 'PATCH /api/clinic-settings',
    blurb: [
      '放号时间、取消截止、转诊预留与爽约限制',
      'Release time, cancellation cut-off, referral hold, no-show limits',
    ],
  },
  {
    path: '/clinics/subsidy',
    label: 'nav.clinicSubsidy',
    icon: <MoneyCollectOutlined />,
    needs: 'GET /api/clinic-subsidy',
    blurb: [
      '年度补贴预算、已支出与结余，各类活动补贴标准',
      'Annual subsidy budget, spent and left, rate per kind of session',
    ],
  },
  {
    path: '/staff',
    label: 'nav.staff',
    icon: <TeamOutlined />,
    needs: 'GET /api/staff',
    blurb: ['新建账号、停用启用、重置密码', 'Create, disable and reset staff accounts'],
  },
  {
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    needs: 'GET /api/audit',
    blurb: ['谁在何时查看或修改了什么，并校验哈希链', 'Who saw or changed what, and when; verify the hash chain'],
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
