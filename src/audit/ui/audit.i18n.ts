import { defineDict, type Lang } from '../../web/i18n.ts';

const ACTIONS: Record<string, readonly [string, string]> = {
  'auth.login': ['登录', 'Sign in'],
  'auth.logout': ['退出登录', 'Sign out'],
  'auth.password_change': ['修改密码', 'Password change'],
  'access.denied': ['越权访问被拒绝', 'Access denied'],
  'audit.read': ['查看审计日志', 'Read audit log'],
  'audit.verify': ['校验哈希链', 'Verify hash chain'],
  'org.create': ['新建机构', 'Create organisation'],
  'org.update': ['修改机构', 'Update organisation'],
  'department.create': ['新建科室', 'Create department'],
  'department.update': ['修改科室', 'Update department'],
  'staff.create': ['新建账号', 'Create account'],
  'staff.update': ['修改账号', 'Update account'],
  'staff.reset_password': ['重置密码', 'Reset password'],
  'resident.search': ['搜索居民', 'Search residents'],
  'resident.read': ['查看居民档案', 'Read resident'],
  'resident.reveal': ['查看完整身份证号/手机号', 'Reveal ID / mobile'],
  'resident.create': ['登记居民', 'Register resident'],
  'resident.update': ['修改居民档案', 'Update resident'],
  'resident.stats': ['查看居民统计', 'Read resident statistics'],
};

export const KNOWN_ACTIONS = Object.keys(ACTIONS);

export function actionLabel(action: string, lang: Lang): string | null {
  return ACTIONS[action]?.[lang === 'zh' ? 0 : 1] ?? null;
}

export const auditMessages = defineDict({
  seq: ['序号', 'Seq'],
  at: ['时间', 'Time'],
  username: ['用户名', 'Username'],
  role: ['角色', 'Role'],
  action: ['操作', 'Action'],
  resource: ['对象', 'Resource'],
  outcome: ['结果', 'Outcome'],
  success: ['成功', 'Success'],
  denied: ['拒绝', 'Denied'],
  failure: ['失败', 'Failure'],
  ip: ['IP', 'IP'],
  detail: ['详情', 'Detail'],
  allOutcomes: ['全部结果', 'All outcomes'],
  actionPh: ['操作（前缀匹配，如 resident.）', 'Action (prefix, e.g. resident.)'],
  verify: ['校验哈希链', 'Verify hash chain'],
  verifyOk: ['哈希链完整：共 {rows} 条记录，未发现篡改。', 'Hash chain intact: {rows} rows, no tampering found.'],
  verifyBad: ['哈希链在第 {seq} 条记录处断裂：{problem}', 'Hash chain broken at row {seq}: {problem}'],
  newest: ['最新', 'Newest'],
  start: ['开始时间', 'Start'],
  end: ['结束时间', 'End'],
});
