import { isApiError } from '../../web/api.ts';
import { errorMessage } from '../../web/error-alert.tsx';
import { defineDict, type Lang } from '../../web/i18n.ts';

/**
 * Words of the public pages: the resident's phone booking, the ticket page and the
 * waiting-room screen. The screen's spoken announcement stays Mandarin (it is the call).
 */
export const publicMessages = defineDict({
  number: ['{n} 号', 'No. {n}'],
  // the server says the same words in Chinese; shown from here so they follow the page's language
  codeSent: [
    '如身份证号与预留手机号一致，验证码已发送，5 分钟内有效',
    'If the ID number matches the mobile number on record, a code has been sent. It is valid for 5 minutes.',
  ],
  // ticket page
  ticketUnavailable: ['无法查看排队', 'Cannot show your place in the queue'],
  'ticket.waiting': ['候诊中', 'Waiting'],
  'ticket.called': ['请立即到诊室就诊', 'Please go to the consulting room now'],
  'ticket.skipped': [
    '已过号，请到分诊台重新排队',
    'You missed your call: please ask at the triage desk to rejoin the queue',
  ],
  'ticket.done': ['就诊已完成', 'Your visit is finished'],
  opensAt: ['{time} 开诊', 'starts at {time}'],
  yourNumber: ['您的号码（{name}）', 'Your number ({name})'],
  ahead: ['前面还有', 'People ahead of you'],
  people: ['人', ''],
  wait: ['预计等待', 'Estimated wait'],
  minutes: ['分钟', 'min'],
  estimateNote: [
    '按每位患者约 {m} 分钟估算；急诊、转诊和 80 岁以上患者优先。',
    'About {m} minutes per patient; emergencies, referred patients and those aged 80+ go first.',
  ],
  nowCalling: ['当前叫号：{n}', 'Now calling: {n}'],
  live: ['● 实时更新', '● Live'],
  polling: ['○ 实时连接中断，每 30 秒刷新', '○ Live link lost, refreshing every 30 s'],
  // waiting-room screen
  screen: ['叫号屏', 'Queue display'],
  screenLive: ['● 实时连接', '● Live'],
  screenReconnecting: ['○ 正在重新连接…', '○ Reconnecting…'],
  enableVoice: ['点击开启语音播报', 'Tap to turn on spoken calls (in Mandarin)'],
  /** spoken aloud, and the calls are spoken in Mandarin: the same words in both languages */
  voiceOnSpoken: ['语音播报已开启', '语音播报已开启'],
  inRoom: ['正在就诊', 'Now seeing'],
  getReady: ['请以下患者准备（候诊 {n} 人）', 'Please get ready ({n} waiting)'],
  noClinicsToday: ['今日本科室暂无门诊', 'No clinics in this department today'],
  badScreenLink: ['屏幕链接无效或已停用', 'This screen link is invalid or disabled'],
  badScreenLinkHint: [
    '请联系科室管理员重新获取叫号屏链接。',
    'Please ask the department administrator for a new screen link.',
  ],
  // resident self-booking
  portalTitle: ['专家门诊自助预约', 'Book an expert clinic'],
  idNumber: ['身份证号', 'ID card number'],
  idNumberRule: ['请输入 18 位身份证号', 'Enter the 18-character ID card number'],
  mobile: ['预留手机号', 'Mobile number on record'],
  mobileRule: ['请输入 11 位手机号', 'Enter the 11-digit mobile number'],
  code: ['验证码', 'Verification code'],
  codeRule: ['请输入 6 位验证码', 'Enter the 6-digit code'],
  getCode: ['获取验证码', 'Get code'],
  demoSms: ['演示环境短信：验证码', 'Demo SMS, code'],
  verify: ['验证并进入', 'Verify and continue'],
  hello: ['{name}，您好', 'Hello, {name}'],
  signOut: ['退出', 'Sign out'],
  suspended: [
    '因多次预约未就诊，自助预约暂停至 {until}',
    'Self-booking is suspended until {until} after repeated no-shows',
  ],
  noBookings: ['暂无预约', 'No bookings'],
  confirmCancel: ['确定取消这个预约？', 'Cancel this booking?'],
  cancel: ['取消', 'Cancel'],
  cancelled: ['已取消', 'Cancelled'],
  waitlisted: ['候补中：第 {pos} 位（门诊 #{id}）', 'On the waitlist: number {pos} (session #{id})'],
  openClinics: ['可预约门诊', 'Clinics open for booking'],
  searchClinics: ['专家、专业或科室', 'Expert, speciality or department'],
  noClinics: ['暂无门诊', 'No clinics'],
  left: ['余 {n}', '{n} left'],
  full: ['约满', 'Full'],
  releases: ['{time} 放号', 'Opens {time}'],
  slot: ['{time}（余{n}）', '{time} ({n} left)'],
  booked: ['预约成功：{time}', 'Booked: {time}'],
  waitlistJoined: [
    '已登记候补，有号时将自动为您预约并短信通知',
    'You are on the waitlist: if a place frees up you are booked and told by SMS',
  ],
  joinWaitlist: ['约满了，登记候补', 'Full: join the waitlist'],
  opensOn: ['号源将于 {time} 开放预约', 'Booking opens {time}'],
  chosen: ['已选', 'Chosen'],
  pickTime: ['请选择就诊时间', 'Choose a time'],
  confirmTitle: ['请确认预约', 'Please confirm'],
  confirmBook: ['确认预约', 'Book it'],
  changeTime: ['重新选择', 'Choose again'],
  cancelRule: [
    '如不能就诊请提前取消；多次预约不就诊将暂停自助预约。',
    'If you cannot come, cancel in advance; repeated no-shows suspend self-booking.',
  ],
});

/** A room is a number ("3") or already a Chinese name ("3诊室", "康复诊室"); the latter is shown as it is. */
export function roomLabel(room: string, lang: Lang): string {
  if (/诊室/.test(room)) return room;
  return lang === 'zh' ? `${room} 诊室` : `Room ${room}`;
}

/**
 * The API answers in Chinese (the product language). For a visitor who switched the public
 * pages to English, the refusals a resident can meet there are given in English by code;
 * anything else keeps the server's Chinese text rather than a vague English one.
 */
const ERRORS_EN: Readonly<Record<string, string>> = {
  INVALID_TOKEN: 'This link is invalid or no longer active. Please ask the clinic for a new one.',
  CODE_INVALID: 'The code is wrong or has expired. Please get a new one.',
  TOO_MANY_CODES: 'Too many codes requested. Please try again in an hour.',
  INVALID_ID_NUMBER: 'The ID card number is not valid. Please check it.',
  PORTAL_LOGIN_REQUIRED: 'Your sign-in has expired. Please verify again with your ID number and mobile.',
  SELF_BOOKING_SUSPENDED:
    'Self-booking is suspended after repeated no-shows. Please ask your village doctor or the hospital desk.',
  ALREADY_BOOKED: 'You already have a booking for this clinic.',
  ALREADY_WAITING: 'You are already on the waitlist for this clinic.',
  NOT_RELEASED: 'Booking for this clinic has not opened yet.',
  SESSION_NOT_OPEN: 'This clinic is not open for booking.',
  SESSION_OVER: 'This clinic is over. Please choose another one.',
  SESSION_FULL: 'This clinic is fully booked.',
  SLOT_FULL: 'That time is fully booked. Please choose another time.',
  SLOTS_AVAILABLE: 'There are still free places: please book one directly.',
  TOO_LATE_TO_CANCEL: 'It is too late to cancel online. Please contact the hospital desk.',
  RESIDENT_DECEASED: 'This resident cannot be booked.',
  REFERRAL_BY_STAFF: 'Places held for referred patients are booked by the referral centre.',
};

export function publicErrorMessage(err: unknown, lang: Lang): string {
  const code = isApiError(err) ? err.code : undefined;
  return (lang === 'en' && code && ERRORS_EN[code]) || errorMessage(err);
}
