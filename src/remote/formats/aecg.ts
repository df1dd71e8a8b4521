import { XMLParser } from 'fast-xml-parser';

/**
 * HL7 v3 annotated ECG (aECG, FDA XML) writer and reader for the ECG reading centre (issue 12 §2).
 *
 * What goes where in the files we write (and where the reader looks):
 * - AnnotatedECG/id@root: the ECG's unique id (stored as the SOP instance UID of the study);
 * - AnnotatedECG/effectiveTime/low@value: the start of the recording (HL7 TS with offset);
 * - inFulfillmentOf/placerOrder/id@extension: the accession number of the reading request;
 * - componentOf/timepointEvent/componentOf/subjectAssignment/subject/trialSubject/id@extension:
 *   the patient ID; its subjectDemographicPerson/name: the patient's name;
 * - the rhythm series' author/seriesAuthor/manufacturedSeriesDevice/id@extension: the device;
 * - sequenceSet: one TIME_ABSOLUTE sequence (GLIST_TS: head and increment in seconds) and one
 *   SLIST_PQ sequence per lead (origin and scale in µV, digits as space-separated integers).
 */

export interface AecgLead {
  name: string;
  samplesUv: number[];
}

export interface AecgInput {
  leads: AecgLead[];
  sampleRateHz: number;
  start: Date;
  patientId: string;
  patientName?: string;
  accession?: string;
  deviceId?: string;
  /** the ECG's own id (a UID); a fresh one when absent */
  uid?: string;
}

export interface AecgParsed {
  patientId: string | null;
  patientName: string | null;
  accession: string | null;
  start: Date | null;
  sampleRateHz: number;
  leads: AecgLead[];
  /** AnnotatedECG/id@root (and @extension when present) */
  uid: string | null;
  deviceId: string | null;
}

/** lead name ↔ MDC code (ISO/IEEE 11073 as the aECG guidance uses them) */
const LEAD_CODES: Record<string, string> = {
  I: 'MDC_ECG_LEAD_I',
  II: 'MDC_ECG_LEAD_II',
  III: 'MDC_ECG_LEAD_III',
  aVR: 'MDC_ECG_LEAD_AVR',
  aVL: 'MDC_ECG_LEAD_AVL',
  aVF: 'MDC_ECG_LEAD_AVF',
  V1: 'MDC_ECG_LEAD_V1',
  V2: 'MDC_ECG_LEAD_V2',
  V3: 'MDC_ECG_LEAD_V3',
  V4: 'MDC_ECG_LEAD_V4',
  V5: 'MDC_ECG_LEAD_V5',
  V6: 'MDC_ECG_LEAD_V6',
};
const NAME_OF_CODE = new Map(Object.entries(LEAD_CODES).map(([n, c]) => [c, n]));

export const leadCode = (name: string): string => LEAD_CODES[name] ?? `MDC_ECG_LEAD_${name.toUpperCase()}`;
export const leadName = (code: string): string =>
  NAME_OF_CODE.get(code.toUpperCase()) ?? code.replace(/^MDC_ECG_LEAD_/i, '');

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** HL7 TS in China Standard Time (+0800): YYYYMMDDHHMMSS.SSS+0800 */
export function hl7Ts(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3600_000);
  return (
    `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}` +
    `${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}+0800`
  );
}

/** HL7 TS → Date; without an offset the time is taken as China Standard Time */
export function parseHl7Ts(v: string | undefined | null): Date | null {
  if (!v) return null;
  const m = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,6}))?([+-]\d{4})?$/.exec(v.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '0', off = '+0800'] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const offMin = (off.startsWith('-') ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(3, 5)));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - offMin * 60_000;
  return Number.isFinite(utc) ? new Date(utc) : null;
}

const newUid = (): string => `2.25.${BigInt(`0x${crypto.randomUUID().replace(/-/g, '')}`).toString()}`;

export function writeAecg(input: AecgInput): Uint8Array {
  if (!(input.sampleRateHz > 0)) throw new Error('sampleRateHz must be positive');
  const n = Math.max(0, ...input.leads.map((l) => l.samplesUv.length));
  const inc = 1 / input.sampleRateHz;
  const end = new Date(input.start.getTime() + Math.round((n * 1000) / input.sampleRateHz));
  const uid = input.uid ?? newUid();
  const leads = input.leads
    .map((l) => {
      const digits = l.samplesUv.map((v) => String(Math.round(v))).join(' ');
      return `
            <component>
              <sequence classCode="OBS" moodCode="EVN">
                <code code="${esc(leadCode(l.name))}" codeSystem="2.16.840.1.113883.6.24" codeSystemName="MDC"/>
                <value xsi:type="SLIST_PQ">
                  <origin value="0" unit="uV"/>
                  <scale value="1" unit="uV"/>
                  <digits>${digits}</digits>
                </value>
              </sequence>
            </component>`;
    })
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<AnnotatedECG xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" classCode="OBS" moodCode="EVN">
  <id root="${esc(uid)}"/>
  <code code="93000" codeSystem="2.16.840.1.113883.6.12" codeSystemName="CPT-4"/>
  <effectiveTime>
    <low value="${hl7Ts(input.start)}" inclusive="true"/>
    <high value="${hl7Ts(end)}" inclusive="false"/>
  </effectiveTime>${
    input.accession
      ? `
  <inFulfillmentOf>
    <placerOrder classCode="OBS" moodCode="RQO">
      <id root="1.2.156.onecounty.accession" extension="${esc(input.accession)}"/>
    </placerOrder>
  </inFulfillmentOf>`
      : ''
  }
  <componentOf>
    <timepointEvent classCode="CTTEVENT" moodCode="EVN">
      <componentOf>
        <subjectAssignment classCode="CLNTRL" moodCode="EVN">
          <subject typeCode="SBJ">
            <trialSubject classCode="RESBJ">
              <id root="1.2.156.onecounty.patient" extension="${esc(input.patientId)}"/>${
                input.patientName
                  ? `
              <subjectDemographicPerson classCode="PSN" determinerCode="INSTANCE">
                <name>${esc(input.patientName)}</name>
              </subjectDemographicPerson>`
                  : ''
              }
            </trialSubject>
          </subject>
        </subjectAssignment>
      </componentOf>
    </timepointEvent>
  </componentOf>
  <component>
    <series classCode="OBSSER" moodCode="EVN">
      <code code="RHYTHM" codeSystem="2.16.840.1.113883.5.4"/>
      <effectiveTime>
        <low value="${hl7Ts(input.start)}" inclusive="true"/>
        <high value="${hl7Ts(end)}" inclusive="false"/>
      </effectiveTime>${
        input.deviceId
          ? `
      <author>
        <seriesAuthor classCode="MANU">
          <manufacturedSeriesDevice classCode="DEV" determinerCode="INSTANCE">
            <id root="1.2.156.onecounty.device" extension="${esc(input.deviceId)}"/>
          </manufacturedSeriesDevice>
        </seriesAuthor>
      </author>`
          : ''
      }
      <component>
        <sequenceSet>
          <component>
            <sequence classCode="OBS" moodCode="EVN">
              <code code="TIME_ABSOLUTE" codeSystem="2.16.840.1.113883.6.24"/>
              <value xsi:type="GLIST_TS">
                <head value="${hl7Ts(input.start)}"/>
                <increment value="${inc}" unit="s"/>
              </value>
            </sequence>
          </component>${leads}
        </sequenceSet>
      </component>
    </series>
  </component>
</AnnotatedECG>
`;
  return new TextEncoder().encode(xml);
}

type Node = Record<string, unknown>;
const ARRAYS = new Set(['component', 'id', 'sequence', 'series']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ARRAYS.has(name),
});

const obj = (v: unknown): Node | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
const arr = (v: unknown): Node[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(obj).filter((x): x is Node => !!x);
const at = (n: Node | undefined, ...path: string[]): Node | undefined => {
  let cur: Node | undefined = n;
  for (const p of path) cur = arr(cur?.[p])[0];
  return cur;
};
const attr = (n: Node | undefined, a: string): string | null => {
  const v = n?.[`@${a}`];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};
const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  const o = obj(v);
  if (!o) return null;
  if (typeof o['#text'] === 'string') return o['#text'].trim() || null;
  // HL7 PN with parts: <given>, <family>
  const parts = [o.family, o.given]
    .flatMap((p) => (Array.isArray(p) ? p : [p]))
    .map(text)
    .filter(Boolean);
  return parts.length ? parts.join('') : null;
};

/** true when the bytes look like an HL7 aECG document (used by format detection) */
export function looksLikeAecg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048));
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<([A-Za-z0-9_]+:)?AnnotatedECG[\s>]/.test(head);
}

const UNIT_TO_UV: Record<string, number> = { uV: 1, mV: 1000, V: 1_000_000, nV: 0.001 };
const UNIT_TO_S: Record<string, number> = { s: 1, ms: 0.001, us: 0.000001 };

export function parseAecg(bytes: Uint8Array): AecgParsed {
  const doc = parser.parse(new TextDecoder('utf-8').decode(bytes)) as Node;
  const root = obj(doc.AnnotatedECG);
  if (!root) throw new Error('not an HL7 aECG document (no AnnotatedECG root)');
  const idNode = at(root, 'id');
  const uidRoot = attr(idNode, 'root');
  const uidExt = attr(idNode, 'extension');
  const subject = at(
    root,
    'componentOf',
    'timepointEvent',
    'componentOf',
    'subjectAssignment',
    'subject',
    'trialSubject',
  );
  const series = arr(arr(root.component).flatMap((c) => arr(c.series)));
  const rhythm = series.find((s) => attr(at(s, 'code'), 'code') === 'RHYTHM') ?? series[0];
  let sampleRateHz = 0;
  let start = parseHl7Ts(attr(at(root, 'effectiveTime', 'low'), 'value'));
  const leads: AecgLead[] = [];
  const sets = arr(rhythm?.component).flatMap((c) => arr(c.sequenceSet));
  for (const set of sets.slice(0, 1)) {
    for (const comp of arr(set.component)) {
      const seq = arr(comp.sequence)[0];
      const code = attr(at(seq, 'code'), 'code') ?? '';
      const value = at(seq, 'value');
      if (!value) continue;
      if (code.startsWith('TIME_')) {
        const incNode = at(value, 'increment');
        const inc = Number(attr(incNode, 'value')) * (UNIT_TO_S[attr(incNode, 'unit') ?? 's'] ?? 1);
        if (inc > 0) sampleRateHz = Math.round((1 / inc) * 1000) / 1000;
        start = parseHl7Ts(attr(at(value, 'head'), 'value')) ?? start;
        continue;
      }
      const origin = at(value, 'origin');
      const scale = at(value, 'scale');
      const o = Number(attr(origin, 'value') ?? 0) * (UNIT_TO_UV[attr(origin, 'unit') ?? 'uV'] ?? 1);
      const s = Number(attr(scale, 'value') ?? 1) * (UNIT_TO_UV[attr(scale, 'unit') ?? 'uV'] ?? 1);
      const digits = text(value.digits) ?? '';
      const samplesUv = digits === '' ? [] : digits.split(/\s+/).map((d) => o + s * Number(d));
      leads.push({ name: leadName(code), samplesUv });
    }
  }
  const device = at(rhythm, 'author', 'seriesAuthor', 'manufacturedSeriesDevice', 'id');
  return {
    patientId: attr(at(subject, 'id'), 'extension'),
    patientName: text(at(subject, 'subjectDemographicPerson')?.name),
    accession: attr(at(root, 'inFulfillmentOf', 'placerOrder', 'id'), 'extension'),
    start,
    sampleRateHz,
    leads,
    uid: uidRoot ? (uidExt ? `${uidRoot}^${uidExt}` : uidRoot) : null,
    deviceId: attr(device, 'extension'),
  };
}
