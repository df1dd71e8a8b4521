import { useCallback, useSyncExternalStore } from 'react';
import { ROLE_LABELS, type Role } from '../platform/roles.ts';

/**
 * A deliberately small i18n: Simplified Chinese is the product language, English is a
 * switch for visiting experts and reviewers. Each feature keeps its own dictionary next to
 * its pages (<feature>.i18n.ts) so that no single file grows with every feature; this file
 * holds the machinery and the words of the shell.
 */
export type Lang = 'zh' | 'en';
export type Dict = Readonly<Record<string, readonly [zh: string, en: string]>>;
export type Vars = Readonly<Record<string, string | number>>;

const STORAGE_KEY = 'onecounty.lang';
const listeners = new Set<() => void>();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // storage can be disabled (private mode, locked-down clinic PCs)
  }
}

let current: Lang = readStoredLang();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // the choice then lasts for this page only
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const notify of listeners) notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang);
}

export function translate<D extends Dict>(dict: D, lang: Lang, key: keyof D & string, vars?: Vars): string {
  const text = dict[key][lang === 'zh' ? 0 : 1];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** Keeps the literal keys of a feature dictionary (so `t('typo')` fails to compile). */
export function defineDict<const D extends Dict>(dict: D): D {
  return dict;
}

export type Translate<D extends Dict> = (key: keyof D & string, vars?: Vars) => string;

/** `const t = useT(messages)`: re-renders the caller when the language changes. */
export function useT<D extends Dict>(dict: D): Translate<D> {
  const lang = useLang();
  return useCallback<Translate<D>>((key, vars) => translate(dict, lang, key, vars), [dict, lang]);
}

const ROLE_LABELS_EN: Record<Role, string> = {
  admin: 'Group administrator',
  bureau: 'Health bureau',
  coordinator: 'Referral coordinator',
  county_doctor: 'County doctor',
  township_doctor: 'Township doctor',
  village_doctor: 'Village doctor',
  grid_member: 'Grid member',
  expert: 'Visiting expert',
  reader: 'Remote reader',
  dispatcher: '120 dispatcher',
  pharmacist: 'Pharmacist',
  clerk: 'Settlement clerk',
  auditor: 'Auditor',
  city: 'City supervisor',
  crew: 'Ambulance crew',
};

export function roleLabel(role: Role, lang: Lang): string {
  return lang === 'zh' ? ROLE_LABELS[role] : ROLE_LABELS_EN[role];
}

/** Words of the shell and of every page (buttons, states). */
export const common = {
  appName: ['县域医共体一体化平台', 'County Medical Group Platform'],
  appShort: ['医共体平台', 'OneCounty'],
  /** the round mark before the name: a brand, the same in both languages */
  logoMark: ['医', '医'],
  /** each language is named in its own words on the switch */
  langZh: ['中文', '中文'],
  langEn: ['EN', 'EN'],
  'nav.home': ['首页', 'Home'],
  'nav.orgs': ['机构网络', 'Organisations'],
  'nav.residents': ['居民查询', 'Residents'],
  'nav.residentNew': ['登记居民', 'Register resident'],
  'nav.stats': ['居民统计', 'Resident statistics'],
  'nav.staff': ['账号管理', 'Accounts'],
  'nav.audit': ['审计日志', 'Audit log'],
  'nav.referrals': ['转诊工作台', 'Referrals'],
  'nav.referralTasks': ['下转任务', 'Down-referral tasks'],
  'nav.examOrders': ['一单通检查', 'Exam orders'],
  'nav.bedBoard': ['床位看板', 'Bed board'],
  'nav.visits': ['门诊就诊', 'Outpatient visits'],
  'nav.stays': ['住院', 'Inpatient stays'],
  'nav.wards': ['病区床位', 'Wards and beds'],
  'navGroup.care': ['诊疗', 'Care'],
  'nav.outOfCounty': ['县外就诊登记', 'Out-of-county visits'],
  'nav.referralDashboard': ['转诊指标', 'Referral figures'],
  'nav.careFigures': ['医共体运行指标', 'Medical group figures'],
  'navGroup.settlement': ['结算', 'Settlement'],
  'navGroup.pharmacy': ['药品耗材', 'Drugs and supplies'],
  'nav.settlementDesk': ['一站式结算台', 'Settlement desk'],
  'nav.receivables': ['应收与对账', 'Receivables'],
  'nav.settlementPolicy': ['医保政策参数', 'Insurance policy'],
  'nav.settlementFigures': ['结算指标', 'Settlement figures'],
  'nav.city': ['市级结算监管', 'City supervision'],
  'navGroup.family': ['家医与慢病', 'Family doctors'],
  'nav.dayList': ['今日工作', "Today's work"],
  'nav.chronicCases': ['慢病管理档案', 'Chronic registry'],
  'nav.myGrid': ['我的网格', 'My grid'],
  'nav.grids': ['网格管理', 'Grids'],
  'nav.fdContracts': ['家庭医生签约', 'Family-doctor contracts'],
  'nav.fdSign': ['签约（手机）', 'Sign (phone)'],
  // ---- drugs: catalogue (issue 14)
  'nav.drugCatalogue': ['药品目录', 'Drug catalogue'],

  // ---- drugs: requests, procurement, distribution (issue 14)
  'nav.pharmacyRequests': ['请领', 'Stock requests'],
  'nav.pharmacyPurchase': ['统一采购', 'Group purchasing'],
  'nav.pharmacyDistribution': ['统一配送', 'Distribution'],

  // ---- drugs: stock, dispensing, recall, figures (issue 14)
  'nav.drugDispense': ['发药', 'Dispensing'],
  'nav.drugStock': ['库存管理', 'Stock'],
  'nav.drugRecalls': ['药品召回', 'Recalls'],
  'nav.drugFigures': ['药事指标', 'Drug figures'],

  // ---- sterile supply and medical waste (issue 14)

  // ---- 120 and the five centres (issue 13)
  'navGroup.ems': ['120急救', 'Emergency (120)'],
  'navGroup.remote': ['远程诊断', 'Remote diagnosis'],
  'nav.remoteRequests': ['远程诊断申请', 'Reading requests'],
  'nav.remoteWorklist': ['诊断中心工作列表', 'Reading worklist'],
  'nav.remoteCriticals': ['危急值管理', 'Critical values'],
  'nav.remoteSchedule': ['值班与工作日历', 'Duty and calendar'],
  'nav.remoteUnmatched': ['待关联检查文件', 'Unmatched studies'],
  'nav.remoteConsults': ['远程会诊', 'Teleconsultation'],
  'nav.remoteKit': ['健康一体机', 'Health kit'],
  'nav.remoteFigures': ['远程诊断统计', 'Remote diagnosis figures'],
  'nav.emsBoard': ['调度台', 'Dispatch board'],
  'nav.emsMissions': ['出车任务', 'Missions'],
  'nav.emsFleet': ['急救资源', 'Fleet and roads'],
  'nav.emsCrew': ['车组（手机）', 'Crew (phone)'],
  'nav.emsPreadmissions': ['院前预警', 'Pre-arrival alerts'],
  'nav.emsFigures': ['急救统计', 'Emergency figures'],
  'crumb.emsMission': ['急救时间轴', 'Mission timeline'],

  'nav.fdTeams': ['团队与服务包', 'Teams and packages'],
  'nav.chronicFigures': ['签约与慢病指标', 'Contracts and chronic figures'],
  'nav.sterile': ['消毒供应', 'Sterile supply'],
  'nav.waste': ['医疗废物', 'Medical waste'],
  'nav.wasteRegister': ['登记医疗废物（手机）', 'Register waste (phone)'],
  'nav.supplyFigures': ['消毒供应与医疗废物指标', 'Supply and waste figures'],
  'nav.clinics': ['专家坐诊', 'Expert clinics'],
  'nav.clinicConsole': ['叫号工作台', 'Calling console'],
  'nav.experts': ['专家名册', 'Expert roster'],
  'nav.clinicStats': ['坐诊统计', 'Programme statistics'],
  'nav.clinicRules': ['预约规则', 'Booking rules'],
  'nav.clinicSubsidy': ['补贴标准与预算', 'Subsidy and budget'],
  'nav.his': ['HIS 接口', 'HIS interface'],
  'nav.password': ['修改密码', 'Change password'],
  'navGroup.referral': ['转诊', 'Referrals'],
  'navGroup.clinics': ['专家门诊', 'Expert clinics'],
  'navGroup.residents': ['居民', 'Residents'],
  'navGroup.network': ['机构与人员', 'Organisations and staff'],
  'navGroup.stats': ['统计', 'Statistics'],
  'navGroup.system': ['系统', 'System'],
  'crumb.referralNew': ['发起转诊', 'New referral'],
  'crumb.referral': ['转诊单', 'Referral'],
  'crumb.resident': ['居民档案', 'Resident profile'],
  'crumb.residentEdit': ['编辑档案', 'Edit profile'],
  'crumb.session': ['门诊详情', 'Session'],
  menu: ['菜单', 'Menu'],
  logout: ['退出登录', 'Sign out'],
  language: ['语言', 'Language'],
  search: ['搜索', 'Search'],
  reset: ['重置', 'Reset'],
  save: ['保存', 'Save'],
  cancel: ['取消', 'Cancel'],
  confirm: ['确定', 'OK'],
  edit: ['编辑', 'Edit'],
  create: ['新建', 'New'],
  back: ['返回', 'Back'],
  retry: ['重试', 'Retry'],
  requestId: ['请求编号（联系技术支持时提供）', 'Request id (for the help desk)'],
  actions: ['操作', 'Actions'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  none: ['无', 'None'],
  prevPage: ['上一页', 'Previous'],
  nextPage: ['下一页', 'Next'],
  loading: ['加载中…', 'Loading…'],
  copy: ['复制', 'Copy'],
  forbidden: ['您的角色无权访问此页面', 'Your role may not open this page'],
  notFound: ['页面不存在', 'Page not found'],
  goHome: ['回到首页', 'Back to home'],
  networkError: ['网络连接失败，请检查网络后重试', 'Network error, please check the connection and retry'],
  loadFailed: ['加载失败', 'Failed to load'],
  saved: ['已保存', 'Saved'],
  required: ['此项为必填项', 'This field is required'],
} as const satisfies Dict;
