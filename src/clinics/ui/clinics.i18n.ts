import { defineDict, type Lang } from '../../web/i18n.ts';

export const clinicMessages = defineDict({
  sessions: ['专家坐诊与门诊排班', 'Expert clinics and schedules'],
  planSession: ['安排门诊', 'Plan a session'],
  experts: ['专家名册', 'Expert roster'],
  addExpert: ['登记专家', 'Add expert'],
  console: ['叫号工作台', 'Calling console'],
  stats: ['坐诊统计与补贴', 'Programme statistics'],
  date: ['日期', 'Date'],
  time: ['时间', 'Time'],
  expert: ['专家', 'Expert'],
  doctor: ['出诊医生', 'Doctor'],
  org: ['机构', 'Organisation'],
  department: ['科室', 'Department'],
  room: ['诊室', 'Room'],
  kind: ['类别', 'Kind'],
  type: ['活动', 'Activity'],
  status: ['状态', 'Status'],
  capacity: ['号源', 'Places'],
  booked: ['已约', 'Booked'],
  free: ['可约', 'Free'],
  resident: ['居民', 'Resident'],
  book: ['预约', 'Book'],
  bookFor: ['为居民预约', 'Book for a resident'],
  waitlist: ['候补', 'Waitlist'],
  joinWaitlist: ['登记候补', 'Join waitlist'],
  checkIn: ['签到取号', 'Check in'],
  emergency: ['急诊', 'Emergency'],
  noShow: ['爽约', 'No-show'],
  noShowConfirm: ['确认登记 {name} 爽约？', 'Record {name} as a no-show?'],
  noShowRule: [
    '爽约会计入该居民的记录：{days} 天内爽约满 {limit} 次，将暂停其自助预约 {suspend} 天。请确认患者确实未到。',
    "This counts on the resident's record: {limit} no-shows within {days} days suspend self-booking for {suspend} days. Make sure the patient did not come.",
  ],
  noShowRuleShort: [
    '爽约会计入该居民的记录，多次爽约将暂停其自助预约。请确认患者确实未到。',
    "This counts on the resident's record; repeated no-shows suspend self-booking. Make sure the patient did not come.",
  ],
  noShowOk: ['确认爽约', 'Record no-show'],
  notNow: ['再等等', 'Not now'],
  cancelBooking: ['取消预约', 'Cancel booking'],
  cancelSession: ['取消本次门诊', 'Cancel session'],
  approve: ['审批通过', 'Approve'],
  close: ['结束并登记爽约', 'Close session'],
  reason: ['原因', 'Reason'],
  slots: ['号源时段', 'Slots'],
  bookings: ['预约名单', 'Bookings'],
  searchResident: ['输入姓名、拼音首字母或身份证号查找居民', 'Name, pinyin initials or ID number'],
  referred: ['转诊患者（三优先）', 'Referred patient'],
  callNext: ['叫下一位', 'Call next'],
  recall: ['重呼', 'Recall'],
  skip: ['过号', 'Skip'],
  finish: ['完成', 'Finish'],
  requeue: ['重新排队', 'Requeue'],
  current: ['就诊中', 'In the room'],
  waiting: ['候诊', 'Waiting'],
  skipped: ['已过号', 'Skipped'],
  pickSession: ['选择今日门诊', "Pick today's session"],
  noSessionOwn: ['今天您和本机构都没有门诊', 'Neither you nor your organisation has a session today'],
  queueOrder: [
    '排队顺序：急诊 → 转诊患者与 80 岁以上老人 → 其他患者；同一档按签到时间。',
    'Order: emergency → referred and aged 80+ → others; then check-in time.',
  ],
  ticketLink: ['患者手机查看排队：', "Patient's phone page: "],
  booked_ok: ['预约成功：{time}', 'Booked: {time}'],
  from: ['开始', 'From'],
  to: ['结束', 'To'],
  slotMinutes: ['每段分钟', 'Minutes per slot'],
  perSlot: ['每段号数', 'Places per slot'],
  held: ['其中转诊预留', 'Held for referrals'],
  homeHospital: ['所在医院', 'Home hospital'],
  level: ['级别', 'Level'],
  speciality: ['专业', 'Speciality'],
  nativePlace: ['籍贯', 'Native place'],
  alliance: ['乡情医学联盟', 'Alliance member'],
  mobile: ['联系电话', 'Mobile'],
  title: ['职称', 'Title'],
  name: ['姓名', 'Name'],
});

const STATUS: Record<string, readonly [string, string, string]> = {
  pending_approval: ['待审批', 'Pending approval', 'orange'],
  published: ['已发布', 'Published', 'green'],
  cancelled: ['已取消', 'Cancelled', 'default'],
  closed: ['已结束', 'Closed', 'blue'],
  confirmed: ['已预约', 'Booked', 'green'],
  checked_in: ['已签到', 'Checked in', 'cyan'],
  completed: ['已就诊', 'Seen', 'blue'],
  no_show: ['爽约', 'No-show', 'red'],
  waiting: ['候补中', 'Waiting', 'orange'],
  promoted: ['已递补', 'Promoted', 'green'],
  expired: ['已失效', 'Expired', 'default'],
};
export const statusLabel = (s: string, lang: Lang) => STATUS[s]?.[lang === 'zh' ? 0 : 1] ?? s;
export const statusColor = (s: string) => STATUS[s]?.[2] ?? 'default';

const TYPES: Record<string, readonly [string, string]> = {
  clinic: ['门诊', 'Clinic'],
  ward_round: ['查房', 'Ward round'],
  operation: ['手术', 'Operation'],
  teaching: ['带教', 'Teaching'],
};
export const typeLabel = (s: string, lang: Lang) => TYPES[s]?.[lang === 'zh' ? 0 : 1] ?? s;
const LEVELS: Record<string, readonly [string, string]> = {
  national: ['国家级', 'National'],
  provincial: ['省级', 'Provincial'],
  city: ['市级', 'City'],
  county: ['县级', 'County'],
};
export const levelLabel = (s: string, lang: Lang) => LEVELS[s]?.[lang === 'zh' ? 0 : 1] ?? s;

// the one formatter of times and money lives in src/web/format.ts; these names stay for the pages that use them
export {
  formatClock as clock,
  formatDayClock as dayClock,
  formatMoney as yuan,
  todayShanghai,
} from '../../web/format.ts';
