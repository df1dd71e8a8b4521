import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { a01, a02, a03, a04, a08, a11, MALFORMED, p03, type Patient } from '../his/fixtures/simulated-his.ts';
import { ingest } from '../his/ingest.service.ts';
import { SHANGHAI_OFFSET_MS } from '../platform/calendar.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { OrgTree } from '../platform/org-tree.ts';

/**
 * The HIS interface's demo: each county hospital registered as a sender, and the last three
 * days of a simulated HIS sent through the real ingest pipeline (stored raw, applied by the
 * care feature, acknowledged), so the interface page shows per-sender counts, the last
 * message and lag: outpatient registrations, admissions into free beds, a transfer, a
 * discharge, charges, a diagnosis update, a cancelled admission, two admissions held for
 * matching (ID numbers no resident has) and a malformed message with its error. Times are
 * relative to the seed's reference instant. Sender secrets are random and not shown: an
 * administrator rotates one on the page to connect a real HIS.
 */

export interface HisSeedOptions {
  countyId: number;
  seed: number;
  now: Date;
}

export interface HisSeedResult {
  senders: number;
  messages: number;
  byStatus: Record<string, number>;
}

/** ID numbers with valid check digits that no generated resident has (outside Shanxi). */
const STRANGERS: Patient[] = [
  { idNumber: '110101199003074514', name: '赵建国' },
  { idNumber: '110101198507081237', name: '钱淑芬', sex: 'F' },
];

/** HL7 DTM in Asia/Shanghai, e.g. 20261201083000 */
const hl7Time = (d: Date) =>
  new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace(/[-:T]/g, '').slice(0, 14);

interface Hospital {
  id: number;
  code: string;
  name: string;
  role: 'people' | 'tcm' | 'mch';
}

async function hospitals(db: Kdb, countyId: number): Promise<Hospital[]> {
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'code', 'name'])
    .where('county_id', '=', countyId)
    .where('kind', '=', 'county_hospital')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    role: r.name.endsWith('人民医院') ? 'people' : r.name.endsWith('中医医院') ? 'tcm' : 'mch',
  }));
}

async function patients(db: Kdb, countyId: number, seed: number, women: boolean, n: number): Promise<Patient[]> {
  const { rows } = await sql<{ id_number: string; name: string; sex: 'M' | 'F' }>`
    SELECT r.id_number, r.name, r.sex FROM residents r
    WHERE r.county_id = ${countyId} AND r.deceased_on IS NULL AND (${!women} OR r.sex = 'F')
      AND NOT EXISTS (SELECT 1 FROM stays s WHERE s.resident_id = r.id AND s.status = 'admitted')
      AND NOT EXISTS (SELECT 1 FROM bed_occupancy o WHERE o.resident_id = r.id)
    ORDER BY md5(${`${seed}:his:`} || r.id) LIMIT ${n}`.execute(db);
  return rows.map((r) => ({ idNumber: r.id_number, name: r.name, sex: r.sex }));
}

/** a free bed of the department, if the org registered any */
async function freeBed(db: Kdb, orgId: number, department: string): Promise<string | undefined> {
  const { rows } = await sql<{ code: string }>`
    SELECT b.code FROM beds b JOIN departments d ON d.id = b.department_id
    WHERE b.org_id = ${orgId} AND d.code = ${department} AND b.active AND b.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM bed_occupancy o WHERE o.bed_id = b.id)
    ORDER BY b.code DESC LIMIT 1`.execute(db);
  return rows[0]?.code;
}

interface Planned {
  at: Date;
  raw: (at: string) => string;
}

/** A hospital's three days, in order of sending; `ref` numbers each encounter and message. */
async function plan(db: Kdb, h: Hospital, people: Patient[], now: Date): Promise<Planned[]> {
  const facility = `${h.code}-HIS`;
  const ago = (hours: number) => new Date(now.getTime() - hours * 3600_000);
  let n = 0;
  const ref = (visit: string, patient?: Patient) => (at: string) => ({
    facility,
    controlId: `${h.code}-${String(++n).padStart(5, '0')}`,
    visitNumber: visit,
    at,
    patient,
  });
  const [p1, p2, p3, p4] = people;
  const out: Planned[] = [];
  const add = (hoursAgo: number, raw: (at: string) => string) => out.push({ at: ago(hoursAgo), raw });
  const stamp = hl7Time(now).slice(0, 8);
  const mz = (k: number) => `MZ${stamp}${k}`;
  const zy = (k: number) => `ZY${stamp}${k}`;
  if (h.role === 'people') {
    const bed = await freeBed(db, h.id, 'internal');
    add(70, (at) => a04({ ...ref(mz(1), p1)(at), dept: 'internal', diagnosis: 'I10' }));
    add(60, (at) => a01({ ...ref(zy(1), p2)(at), dept: 'internal', bed, diagnosis: 'J18.9' }));
    add(59, (at) => p03({ ...ref(zy(1), p2)(at), lines: [{ id: `${zy(1)}-1`, item: 'BED-GEN', quantity: 1 }] }));
    add(50, (at) => a01({ ...ref(zy(2), p3)(at), dept: 'surgery', diagnosis: 'K29.7' }));
    add(49, (at) => a11(ref(zy(2), p3)(at)));
    add(30, (at) => a01({ ...ref(zy(3), p4)(at), dept: 'cardiology', diagnosis: 'I25.1' }));
    add(26, (at) => a02({ ...ref(zy(3), p4)(at), dept: 'icu' }));
    add(20, (at) => a08({ ...ref(zy(1), p2)(at), diagnosis: 'J44.1' }));
    add(8, (at) => a01({ ...ref(zy(4), STRANGERS[0])(at), dept: 'internal', diagnosis: 'I63.9' }));
    add(3, (at) => MALFORMED.noVisitNumber(facility, ref(zy(5))(at).controlId));
    add(1, (at) => a04({ ...ref(mz(2), p1)(at), dept: 'internal', diagnosis: 'I10' }));
  } else if (h.role === 'tcm') {
    add(68, (at) => a04({ ...ref(mz(1), p1)(at), dept: 'tcm-internal', diagnosis: 'M54.5', tcm: true }));
    add(44, (at) => a01({ ...ref(zy(1), p2)(at), dept: 'rehab', diagnosis: 'I63.9' }));
    add(43, (at) => p03({ ...ref(zy(1), p2)(at), lines: [{ id: `${zy(1)}-1`, item: 'TRT-ACUP', quantity: 1 }] }));
    add(22, (at) => a04({ ...ref(mz(2), p3)(at), dept: 'acupuncture', diagnosis: 'M54.5', tcm: true }));
    add(2, (at) => a03({ ...ref(zy(1), p2)(at), disposition: '01', diagnosis: 'I63.9' }));
  } else {
    add(66, (at) => a04({ ...ref(mz(1), p1)(at), dept: 'womens-health', diagnosis: 'N39.0' }));
    add(40, (at) => a01({ ...ref(zy(1), p2)(at), dept: 'obstetrics', diagnosis: 'O21.0' }));
    add(12, (at) => a04({ ...ref(mz(2), STRANGERS[1])(at), dept: 'womens-health', diagnosis: 'N39.0' }));
    add(5, (at) => a03({ ...ref(zy(1), p2)(at), disposition: '01', diagnosis: 'O21.0' }));
  }
  return out;
}

export async function seedHis(db: Kdb, opts: HisSeedOptions): Promise<HisSeedResult> {
  const list = await hospitals(db, opts.countyId);
  const orgIds = (await db.selectFrom('orgs').select('id').where('county_id', '=', opts.countyId).execute()).map(
    (o) => o.id,
  );
  const messages: Planned[] = [];
  await withScope(db, { userId: 0, orgIds }, async (trx) => {
    for (const h of list) {
      await trx
        .insertInto('his_senders')
        .values({
          county_id: opts.countyId,
          org_id: h.id,
          facility: `${h.code}-HIS`,
          name: `${h.name} HIS`,
          secret_hash: createHash('sha256').update(randomBytes(24)).digest('hex'),
        })
        .execute();
      const people = await patients(trx, opts.countyId, opts.seed + h.id, h.role === 'mch', 4);
      messages.push(...(await plan(trx, h, people, opts.now)));
    }
  });
  const deps = { db, orgTree: new OrgTree(db) };
  const byStatus: Record<string, number> = {};
  messages.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const m of messages) {
    // received a few seconds after the HIS stamped it: the page's lag
    const res = await ingest(deps, {
      raw: m.raw(hl7Time(m.at)),
      channel: 'mllp',
      now: new Date(m.at.getTime() + 4000),
    });
    byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
  }
  return { senders: list.length, messages: messages.length, byStatus };
}
