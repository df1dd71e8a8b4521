import { AppError, badRequest } from '../platform/errors.ts';
import type { KitMeasurement } from '../remote/kit-chronic.service.ts';
import type { FollowupCreate } from './chronic.schema.ts';
import { glucoseToMmol } from './rules.ts';

/** The follow-up's measurements taken from the village kit (issue 12 §6), beside followup.service.ts. */

const GLUCOSE_KIND = { fasting: 'fasting', postprandial: 'post_meal', random: 'random' } as const;

/**
 * The follow-up with the kit's values where the doctor left the field empty; a typed value
 * that differs from the chosen reading is refused (which one is the visit's?).
 */
export function withKitValues(f: FollowupCreate, k: { bp?: KitMeasurement; glucose?: KitMeasurement }): FollowupCreate {
  const out = { ...f };
  if (k.bp) {
    const { systolic, diastolic, pulse } = k.bp;
    if (systolic === null || diastolic === null)
      throw badRequest('KIT_READING_KIND', '该血压读数不完整', 'kitReadings');
    if ((f.sbp !== undefined && f.sbp !== systolic) || (f.dbp !== undefined && f.dbp !== diastolic))
      throw new AppError(
        422,
        'KIT_READING_MISMATCH',
        `填写的血压与所选健康一体机读数（${systolic}/${diastolic} mmHg）不一致`,
        'sbp',
      );
    out.sbp = systolic;
    out.dbp = diastolic;
    if (f.heartRate === undefined && pulse !== null) out.heartRate = pulse;
  }
  if (k.glucose) {
    const { glucose, glucoseCtx } = k.glucose;
    if (glucose === null) throw badRequest('KIT_READING_KIND', '该血糖读数不完整', 'kitReadings');
    if (f.glucose && Math.abs(glucoseToMmol(f.glucose.value, f.glucose.unit) - glucose) > 0.05)
      throw new AppError(
        422,
        'KIT_READING_MISMATCH',
        `填写的血糖与所选健康一体机读数（${glucose} mmol/L）不一致`,
        'glucose',
      );
    out.glucose = f.glucose ?? {
      kind: GLUCOSE_KIND[glucoseCtx ?? 'random'],
      value: glucose,
      unit: 'mmol/L',
      sample: 'capillary',
    };
  }
  return out;
}
