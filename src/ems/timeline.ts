import type { Milestone } from './ems.states.ts';

/**
 * An open case's intervals at risk, live: each rule starts at one milestone, is met by another,
 * and has a limit in minutes (the national targets in DOMAIN.md / MODULES.md §3.1). A rule is
 * "at risk" from 70% of its limit while its end is missing, "breached" past the limit.
 */
export interface RiskRule {
  key: string;
  label: string;
  from: Milestone;
  to: Milestone;
  limitMin: number;
  /** only for these channels (all when absent) */
  channels?: readonly string[];
}

export const RISK_RULES: readonly RiskRule[] = [
  { key: 'depart_3min', label: '3分钟出车', from: 'call_answered', to: 'departed', limitMin: 3 },
  { key: 'response_12min', label: '反应时间（接听→到达现场）', from: 'call_answered', to: 'on_scene', limitMin: 12 },
  {
    key: 'fmc_to_ecg',
    label: '首次医疗接触→首份心电图',
    from: 'fmc',
    to: 'first_ecg',
    limitMin: 10,
    channels: ['chest_pain'],
  },
  {
    key: 'ecg_to_diagnosis',
    label: '心电图→确诊',
    from: 'first_ecg',
    to: 'diagnosis',
    limitMin: 10,
    channels: ['chest_pain'],
  },
  {
    key: 'door_to_wire',
    label: '进门→导丝通过 (D2W)',
    from: 'door',
    to: 'wire',
    limitMin: 90,
    channels: ['chest_pain'],
  },
  { key: 'consent', label: '知情同意时长', from: 'consent_started', to: 'consent_signed', limitMin: 10 },
  { key: 'dnt', label: '进门→溶栓 (DNT)', from: 'door', to: 'needle', limitMin: 60, channels: ['stroke'] },
  { key: 'dpt', label: '进门→穿刺 (DPT)', from: 'door', to: 'wire', limitMin: 90, channels: ['stroke'] },
  { key: 'door_to_ct', label: '进门→CT', from: 'door', to: 'ct_start', limitMin: 25, channels: ['stroke', 'trauma'] },
  { key: 'dido', label: '进门→转出 (DIDO)', from: 'door', to: 'door_out', limitMin: 30, channels: ['transfer'] },
];

export type RiskState = 'ok' | 'at_risk' | 'breached';
export interface Risk {
  key: string;
  label: string;
  limitMin: number;
  elapsedMin: number;
  state: RiskState;
}

/**
 * The running intervals of a case at `now`: started, not yet ended. `channels` are the case's
 * channel plus 'transfer' when the destination is a township centre that sends patients on.
 */
export function risksAt(
  times: Partial<Record<Milestone, Date>>,
  channels: readonly string[],
  now: Date,
  rules: readonly RiskRule[] = RISK_RULES,
): Risk[] {
  const out: Risk[] = [];
  for (const rule of rules) {
    if (rule.channels && !rule.channels.some((c) => channels.includes(c))) continue;
    const start = times[rule.from];
    if (!start || times[rule.to]) continue;
    const elapsedMin = Math.max(0, (now.getTime() - start.getTime()) / 60_000);
    const state: RiskState =
      elapsedMin > rule.limitMin ? 'breached' : elapsedMin >= rule.limitMin * 0.7 ? 'at_risk' : 'ok';
    out.push({
      key: rule.key,
      label: rule.label,
      limitMin: rule.limitMin,
      elapsedMin: Math.round(elapsedMin * 10) / 10,
      state,
    });
  }
  return out;
}
