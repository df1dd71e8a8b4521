import { formatDateTime } from '../../web/format.ts';
import type { Translate } from '../../web/i18n.ts';
import { emsMessages } from './ems.i18n.ts';

export type EmsT = Translate<typeof emsMessages>;

/** The word for a coded value (`channel.stroke`), or the value itself when the dictionary has none yet. */
export function word(t: EmsT, prefix: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const key = `${prefix}.${value}`;
  return key in emsMessages ? t(key as keyof typeof emsMessages & string) : String(value);
}

export const CHANNEL_COLOR: Record<string, string> = {
  chest_pain: 'red',
  stroke: 'purple',
  trauma: 'orange',
  maternal: 'magenta',
  neonatal: 'cyan',
  general: 'blue',
};

export const TRIAGE_COLOR: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'gold', 4: 'green' };

/** the map and the tags share these: green free, blue/orange on a mission, grey out of service */
export const VEHICLE_COLOR: Record<string, string> = {
  available: '#52c41a',
  dispatched: '#fa8c16',
  en_route: '#fa8c16',
  on_scene: '#f5222d',
  to_hospital: '#1677ff',
  at_hospital: '#1677ff',
  returning: '#13c2c2',
  out_of_service: '#8c8c8c',
};

export const MISSION_COLOR: Record<string, string> = {
  dispatched: 'orange',
  en_route: 'orange',
  on_scene: 'red',
  to_hospital: 'blue',
  at_hospital: 'geekblue',
  completed: 'green',
  cancelled: 'default',
};

export const RISK_COLOR: Record<string, string> = { ok: 'green', at_risk: 'orange', breached: 'red' };

export const SOURCE_COLOR: Record<string, string> = {
  device: 'cyan',
  crew: 'blue',
  dispatcher: 'purple',
  hospital: 'green',
  backfill: 'gold',
};

/**
 * Date-time pickers work in the browser's zone; the county's clock is Asia/Shanghai (UTC+8,
 * no daylight saving). A picked wall-clock time is read as Shanghai time, whatever the PC's zone.
 */
export const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';
export function shanghaiWall(iso: string | number | Date): string {
  return formatDateTime(iso, { seconds: true });
}
export function fromShanghaiWall(wall: string): string {
  return new Date(`${wall.replace(' ', 'T')}+08:00`).toISOString();
}

/** `08:31:05` on the county clock */
export function clockSeconds(iso: string | number | Date | null | undefined): string {
  const s = formatDateTime(iso ?? null, { seconds: true });
  return s === '—' ? s : s.slice(11);
}

/** `3:07` for 187 seconds; `1:02:03` past an hour */
export function mmss(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** One line for an observation's value: `BP 150/90 · HR 98 · SpO₂ 95%`. */
export function observationText(t: EmsT, kind: string, value: Record<string, unknown>): string {
  const v = (k: string) => (value[k] === undefined || value[k] === null || value[k] === '' ? null : String(value[k]));
  const parts: string[] = [];
  const add = (label: string, text: string | null) => {
    if (text !== null) parts.push(`${label} ${text}`);
  };
  switch (kind) {
    case 'vitals':
      if (v('sbp') || v('dbp')) parts.push(`BP ${v('sbp') ?? '?'}/${v('dbp') ?? '?'}`);
      add('HR', v('hr'));
      add('SpO₂', v('spo2') === null ? null : `${v('spo2')}%`);
      add('RR', v('rr'));
      add('T', v('temp') === null ? null : `${v('temp')}℃`);
      break;
    case 'gcs': {
      const e = v('eye') ?? v('e');
      const vv = v('verbal') ?? v('v');
      const m = v('motor') ?? v('m');
      parts.push(`GCS ${v('total') ?? '?'}${e && vv && m ? ` (E${e}V${vv}M${m})` : ''}`);
      break;
    }
    case 'fast': {
      const positive = value.positive ?? (value.face === true || value.arm === true || value.speech === true);
      parts.push(positive ? t('fastPositive') : t('fastNegative'));
      if (value.face) parts.push(t('fastFace'));
      if (value.arm) parts.push(t('fastArm'));
      if (value.speech) parts.push(t('fastSpeech'));
      break;
    }
    case 'stroke_scale':
      parts.push(v('nihss') === null ? `${v('scale') ?? ''} ${v('score') ?? ''}`.trim() : `NIHSS ${v('nihss')}`);
      break;
    case 'glucose': {
      const mmol = v('mmol') ?? v('mmolL');
      add(t('glucose'), mmol === null ? null : `${mmol} ${t('unit.mmol')}`);
      break;
    }
    case 'gestation':
      parts.push(`${v('weeks') ?? '?'}${t('unit.week')}${v('days') ? `+${v('days')}${t('unit.day')}` : ''}`);
      break;
    case 'ecg':
      if (value.stemi === true) parts.push('STEMI');
      parts.push(v('rhythm') ?? '');
      parts.push(v('note') ?? v('summary') ?? '');
      break;
    case 'treatment':
    case 'note':
      parts.push(v('text') ?? '');
      break;
    default:
      parts.push(JSON.stringify(value));
  }
  const text = parts.filter(Boolean).join(' · ');
  return text || '—';
}
