import type { KitReadingIn } from './kit.schema.ts';

/**
 * Judges one kit reading against the limits in force when it was measured (kit_limits, data):
 * outside the plausible range → refused with a reason a village doctor understands; inside it
 * but past an alert threshold → stored and flagged for review. Pure, so the batch is judged in
 * memory and written with one statement.
 */
export type LimitField = 'systolic' | 'diastolic' | 'pulse' | 'glucose' | 'spo2' | 'temperature' | 'heart_rate';

export interface LimitRow {
  field: LimitField;
  plausible_min: number | string;
  plausible_max: number | string;
  alert_low: number | string | null;
  alert_high: number | string | null;
  effective_from: string | Date;
  effective_to: string | Date | null;
}

const LABEL: Record<LimitField, { name: string; unit: string; digits: number }> = {
  systolic: { name: '收缩压', unit: 'mmHg', digits: 0 },
  diastolic: { name: '舒张压', unit: 'mmHg', digits: 0 },
  pulse: { name: '脉率', unit: '次/分', digits: 0 },
  heart_rate: { name: '心率', unit: '次/分', digits: 0 },
  glucose: { name: '血糖', unit: 'mmol/L', digits: 1 },
  spo2: { name: '血氧饱和度', unit: '%', digits: 0 },
  temperature: { name: '体温', unit: '℃', digits: 1 },
};

/** which values each kind must carry, and which it may */
const FIELDS: Record<KitReadingIn['kind'], { required: LimitField[]; optional: LimitField[] }> = {
  bp: { required: ['systolic', 'diastolic'], optional: ['pulse'] },
  glucose: { required: ['glucose'], optional: [] },
  spo2: { required: ['spo2'], optional: ['pulse'] },
  temperature: { required: ['temperature'], optional: [] },
  ecg: { required: [], optional: ['heart_rate'] },
};

const inputOf = (r: KitReadingIn, f: LimitField): number | undefined => (f === 'heart_rate' ? r.heartRate : r[f]);

/** the row for a field in force at an instant (the latest that started by then) */
export function limitAt(limits: readonly LimitRow[], field: LimitField, at: Date): LimitRow | undefined {
  let best: LimitRow | undefined;
  for (const l of limits) {
    if (l.field !== field) continue;
    const from = new Date(l.effective_from).getTime();
    const to = l.effective_to === null ? Infinity : new Date(l.effective_to).getTime();
    if (from > at.getTime() || to <= at.getTime()) continue;
    if (!best || from > new Date(best.effective_from).getTime()) best = l;
  }
  return best;
}

export interface Judgement {
  refused: string[];
  flagReasons: string[];
  /** the values as stored: integers rounded, glucose and temperature to one decimal */
  values: Partial<Record<LimitField, number>>;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const show = (v: number | string, digits: number) => Number(v).toFixed(digits).replace(/\.0$/, '');

export function judgeReading(r: KitReadingIn, limits: readonly LimitRow[]): Judgement {
  const refused: string[] = [];
  const flagReasons: string[] = [];
  const values: Judgement['values'] = {};
  const spec = FIELDS[r.kind];
  for (const field of [...spec.required, ...spec.optional]) {
    const raw = inputOf(r, field);
    const label = LABEL[field];
    if (raw === undefined) {
      if (spec.required.includes(field)) refused.push(`缺少${label.name}`);
      continue;
    }
    const v = round(raw, label.digits);
    const limit = limitAt(limits, field, r.measuredAt);
    if (!limit) {
      refused.push(`${label.name}没有在测量时生效的可信范围，无法判断`);
      continue;
    }
    const [min, max] = [Number(limit.plausible_min), Number(limit.plausible_max)];
    if (v < min || v > max) {
      refused.push(
        `${label.name} ${show(v, label.digits)} ${label.unit} 超出可信范围 ${show(min, label.digits)}–${show(max, label.digits)}`,
      );
      continue;
    }
    values[field] = v;
    if (limit.alert_high !== null && v > Number(limit.alert_high))
      flagReasons.push(
        `${label.name} ${show(v, label.digits)} ${label.unit} 高于警戒值 ${show(limit.alert_high, label.digits)}`,
      );
    if (limit.alert_low !== null && v < Number(limit.alert_low))
      flagReasons.push(
        `${label.name} ${show(v, label.digits)} ${label.unit} 低于警戒值 ${show(limit.alert_low, label.digits)}`,
      );
  }
  if (r.kind === 'bp' && values.systolic !== undefined && values.diastolic !== undefined)
    if (values.systolic <= values.diastolic)
      refused.push(`收缩压 ${values.systolic} mmHg 应高于舒张压 ${values.diastolic} mmHg`);
  if (r.kind === 'ecg' && !r.ecg) refused.push('缺少心电波形数据');
  return { refused, flagReasons: refused.length ? [] : flagReasons, values };
}

/** the device clock may run a little ahead; a reading from the future or from long ago is refused */
export function judgeTime(measuredAt: Date, receivedAt: Date): string | null {
  const ahead = measuredAt.getTime() - receivedAt.getTime();
  if (ahead > 10 * 60_000) return '测量时间晚于服务器时间 10 分钟以上，请校准一体机时钟';
  if (-ahead > 366 * 86_400_000) return '测量时间早于一年前，请核对一体机时钟';
  return null;
}
