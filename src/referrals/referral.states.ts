/**
 * The referral workflow as one table. db/migrations/0010_referrals.sql holds the same rows
 * (referral_state_rules) and a trigger refuses any other status change; referral.test.ts
 * checks that the two agree.
 */
export const REFERRAL_STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'rejected',
  'redirected',
  'arrived',
  'completed',
  'down_referred',
  'closed',
  'cancelled',
  'expired',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_ACTIONS = [
  'submit',
  'accept',
  'reject',
  'redirect',
  'arrive',
  'complete',
  'down_refer',
  'close',
  'cancel',
  'expire',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];
/** actions only the platform takes (the deadline scheduler) or that have their own route (down-referral) */
export type UserAction = Exclude<ReferralAction, 'expire' | 'down_refer'>;

/** what a referral's timeline records: the workflow's actions, its creation, escalations and follow-up notes */
export const REFERRAL_EVENT_ACTIONS = [...REFERRAL_ACTIONS, 'create', 'escalate', 'follow_up'] as const;
export type ReferralEventAction = (typeof REFERRAL_EVENT_ACTIONS)[number];
/** what a live worklist is told changed: a timeline event, or a new attachment */
export type ReferralChange = ReferralEventAction | 'attachment';

/** who may take an action: the sending side, the receiving side, or only the platform itself */
export type Side = 'sender' | 'receiver' | 'system';

export interface Transition {
  action: ReferralAction;
  from: ReferralStatus;
  to: ReferralStatus;
  side: Side;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', side: 'sender' },
  { action: 'accept', from: 'submitted', to: 'accepted', side: 'receiver' },
  { action: 'accept', from: 'redirected', to: 'accepted', side: 'receiver' },
  { action: 'reject', from: 'submitted', to: 'rejected', side: 'receiver' },
  { action: 'reject', from: 'redirected', to: 'rejected', side: 'receiver' },
  { action: 'redirect', from: 'submitted', to: 'redirected', side: 'receiver' },
  { action: 'redirect', from: 'redirected', to: 'redirected', side: 'receiver' },
  { action: 'arrive', from: 'accepted', to: 'arrived', side: 'receiver' },
  { action: 'complete', from: 'arrived', to: 'completed', side: 'receiver' },
  { action: 'down_refer', from: 'completed', to: 'down_referred', side: 'receiver' },
  { action: 'close', from: 'completed', to: 'closed', side: 'receiver' },
  { action: 'close', from: 'down_referred', to: 'closed', side: 'system' },
  { action: 'cancel', from: 'draft', to: 'cancelled', side: 'sender' },
  { action: 'cancel', from: 'submitted', to: 'cancelled', side: 'sender' },
  { action: 'cancel', from: 'redirected', to: 'cancelled', side: 'sender' },
  { action: 'cancel', from: 'accepted', to: 'cancelled', side: 'sender' },
  { action: 'expire', from: 'submitted', to: 'expired', side: 'system' },
  { action: 'expire', from: 'redirected', to: 'expired', side: 'system' },
  { action: 'expire', from: 'accepted', to: 'expired', side: 'system' },
];

export function transitionFor(action: ReferralAction, from: ReferralStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from === from);
}

/** the statuses a referral waits in for the receiving side to decide: deadlines run here */
export const AWAITING_DECISION = ['submitted', 'redirected'] as const satisfies readonly ReferralStatus[];
export type AwaitingStatus = (typeof AWAITING_DECISION)[number];
export const OPEN_STATUSES: readonly ReferralStatus[] = [
  'draft',
  'submitted',
  'redirected',
  'accepted',
  'arrived',
  'completed',
  'down_referred',
];
export const FINAL_STATUSES: readonly ReferralStatus[] = ['rejected', 'closed', 'cancelled', 'expired'];

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: '草稿',
  submitted: '待接收',
  accepted: '已接收',
  rejected: '已拒绝',
  redirected: '已改派',
  arrived: '已到院',
  completed: '诊疗完成',
  down_referred: '已下转',
  closed: '已闭环',
  cancelled: '已撤销',
  expired: '已过期',
};

export const ACTION_LABELS: Record<ReferralAction, string> = {
  submit: '提交',
  accept: '接收',
  reject: '拒绝',
  redirect: '改派',
  arrive: '到院登记',
  complete: '诊疗完成',
  down_refer: '下转',
  close: '结案',
  cancel: '撤销',
  expire: '过期',
};

export const URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { emergency: '急诊', urgent: '加急', routine: '普通' };
/** acceptance deadline defaults (minutes); a county overrides them in referral_deadline_settings */
export const DEFAULT_ACCEPT_MINUTES: Record<Urgency, number> = { emergency: 15, urgent: 120, routine: 1440 };
/** an accepted referral whose patient never arrives expires after this long */
export const ARRIVAL_WINDOW_DAYS = 7;
/** a referral nobody decides on expires this many deadline windows after the deadline */
export const EXPIRE_AFTER_WINDOWS = 6;
