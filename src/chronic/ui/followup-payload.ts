import { followupCreate } from '../chronic.schema.ts';

/** the form's fields that the schema knows at the top level (server errors go under them) */
export const FIELDS = Object.keys(followupCreate.shape);

/** which section holds a field: a server error opens it */
const SECTION_OF: Record<string, string> = {
  visitDate: 'visit',
  mode: 'visit',
  symptoms: 'symptoms',
  otherSymptom: 'symptoms',
  lifestyle: 'lifestyle',
  lifestyleTarget: 'lifestyle',
  psychology: 'lifestyle',
  compliance: 'lifestyle',
  glucose: 'tests',
  hba1c: 'tests',
  lipids: 'tests',
  adherence: 'meds',
  adherenceReason: 'meds',
  adr: 'meds',
  adrText: 'meds',
  hypoglycaemia: 'meds',
  drugs: 'meds',
  complication: 'outcome',
  complicationText: 'outcome',
  emergencyFlags: 'outcome',
  note: 'outcome',
};
export const sectionOf = (field: string) => SECTION_OF[field] ?? 'signs';

/** nulls and blanks (a cleared input) out, so the schema sees "not given" */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null || x === undefined || (typeof x === 'string' && x.trim() === '')) continue;
      out[k] = clean(x);
    }
    return out;
  }
  return v;
}

export type Values = Record<string, unknown> & {
  glucose?: { value?: number | null; kind?: string; unit?: string; sample?: string };
  lipids?: Record<string, number | null>;
  drugs?: Array<{ name?: string; dose?: string }>;
};

export function toPayload(v: Values, id: string, caseId: number) {
  const c = clean(v) as Values;
  const glucose = c.glucose?.value !== undefined ? c.glucose : undefined;
  const lipids = c.lipids && Object.keys(c.lipids).length ? c.lipids : undefined;
  const drugs = (c.drugs ?? []).filter((d) => d.name);
  return { ...c, id, caseId, glucose, lipids, drugs, deviceAt: new Date().toISOString() };
}
