import { defineDict, type Lang } from '../../web/i18n.ts';
import type { CHRONIC_CONDITIONS, INSURANCE_TYPES } from '../residents.schema.ts';

type Condition = (typeof CHRONIC_CONDITIONS)[number];
type Insurance = (typeof INSURANCE_TYPES)[number];

const CONDITIONS: Record<Condition, readonly [string, string]> = {
  hypertension: ['高血压', 'Hypertension'],
  diabetes: ['糖尿病', 'Diabetes'],
  copd: ['慢阻肺', 'COPD'],
  coronary: ['冠心病', 'Coronary heart disease'],
  stroke: ['脑卒中', 'Stroke'],
  tuberculosis: ['肺结核', 'Tuberculosis'],
  mental: ['严重精神障碍', 'Severe mental disorder'],
  cancer: ['恶性肿瘤', 'Cancer'],
};
const INSURANCE: Record<Insurance, readonly [string, string]> = {
  employee: ['城镇职工医保', 'Employee insurance'],
  resident: ['城乡居民医保', 'Resident insurance'],
  none: ['未参保', 'Uninsured'],
};

const pick = (pair: readonly [string, string] | undefined, lang: Lang, fallback: string) =>
  pair?.[lang === 'zh' ? 0 : 1] ?? fallback;
export const conditionLabel = (c: string, lang: Lang) => pick(CONDITIONS[c as Condition], lang, c);
export const insuranceLabel = (i: string, lang: Lang) => pick(INSURANCE[i as Insurance], lang, i);
export const sexLabel = (s: 'M' | 'F', lang: Lang) =>
  lang === 'zh' ? (s === 'M' ? '男' : '女') : s === 'M' ? 'Male' : 'Female';

export const residentMessages = defineDict({
  searchPlaceholder: [
    '姓名 / 拼音首字母（如 zsm）/ 18 位身份证号 / 11 位手机号',
    'Name / pinyin initials (e.g. zsm) / 18-digit ID / 11-digit mobile',
  ],
  searchHint: [
    '输入姓名、拼音首字母、身份证号或手机号查找居民；留空搜索将列出您辖区内的全部居民。',
    'Search by name, pinyin initials, ID number or mobile; an empty search lists every resident in your area.',
  ],
  noResult: ['您的辖区内没有找到匹配的居民', 'No matching resident in your area'],
  matched_id_number: ['按身份证号匹配', 'Matched by ID number'],
  matched_mobile: ['按手机号匹配', 'Matched by mobile'],
  matched_pinyin: ['按拼音首字母匹配', 'Matched by pinyin initials'],
  matched_name: ['按姓名匹配', 'Matched by name'],
  matched_all: ['辖区内全部居民', 'All residents in your area'],
  name: ['姓名', 'Name'],
  sex: ['性别', 'Sex'],
  birthDate: ['出生日期', 'Date of birth'],
  age: ['年龄', 'Age'],
  ageValue: ['{age} 岁', '{age} y'],
  idNumber: ['身份证号', 'ID number'],
  mobile: ['手机号', 'Mobile'],
  village: ['村/社区', 'Village'],
  householdNo: ['户号', 'Household no.'],
  address: ['住址', 'Address'],
  org: ['管理机构', 'Managing organisation'],
  insurance: ['参保类型', 'Insurance'],
  poor: ['建档立卡贫困户', 'Registered poor'],
  poorTag: ['贫困户', 'Poor'],
  conditions: ['慢病', 'Chronic conditions'],
  deceasedOn: ['死亡日期', 'Date of death'],
  deceased: ['已故', 'Deceased'],
  profile: ['居民档案', 'Resident profile'],
  reveal: ['查看完整信息', 'Show full details'],
  revealTitle: ['查看完整身份证号 / 手机号', 'Show full ID number / mobile'],
  revealWarn: [
    '完整信息仅用于当前业务，本次查看将连同原因记入审计日志。',
    'Full details are for the task at hand only; this view and its reason are written to the audit log.',
  ],
  revealFields: ['要查看的信息', 'Fields to show'],
  revealReason: ['查看原因', 'Reason'],
  revealReasonPh: ['如：办理住院结算需核对身份', 'e.g. checking identity for inpatient settlement'],
  revealed: ['已显示完整信息（已留痕）', 'Full details shown (logged)'],
  reasonSettle: ['办理结算核对身份', 'Identity check for settlement'],
  reasonReferral: ['转诊登记核对身份', 'Identity check for referral'],
  reasonCall: ['电话随访联系居民', 'Phoning the resident for follow-up'],
  edit: ['编辑档案', 'Edit profile'],
  nextSteps: ['为该居民办理', 'Next steps for this resident'],
  refer: ['发起转诊', 'Refer'],
  bookExpert: ['预约专家号', 'Book an expert'],
  orderExam: ['开检查单', 'Order an exam'],
  bookingFor: ['为 {name} 预约：请选择一场门诊', 'Booking for {name}: pick a session'],
  forResident: ['已选居民：{name}', 'Resident: {name}'],
  create: ['登记居民', 'Register resident'],
  created: ['居民已登记', 'Resident registered'],
  fromId: ['身份证号显示：{birth}，{sex}', 'From the ID number: {birth}, {sex}'],
  mobileKeep: ['不修改请留空（当前 {masked}）', 'Leave empty to keep ({masked})'],
  stale: ['档案已被他人修改', 'The record was changed by someone else'],
  reload: ['重新加载', 'Reload'],
  orgDefault: ['留空则为您所在机构', 'Empty means your own organisation'],
  statsNote: [
    '小于 5 的格子显示为 “<5”，以免识别到具体居民。',
    'Cells below 5 are shown as "<5" so that no resident can be singled out.',
  ],
  residents: ['居民数', 'Residents'],
  total: ['合计', 'Total'],
});
