import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { Centre, Priority, RequestStatus } from './remote.tables.ts';

/** Reading requests: the reads behind the list, the detail with its timeline, and 结果互认. */

export const CENTRE_TEXT: Record<Centre, string> = {
  ecg: '心电',
  imaging: '影像',
  ultrasound: '超声',
  pathology: '病理',
};
export const PRIORITY_TEXT: Record<Priority, string> = { stat: '急诊', urgent: '加急', routine: '常规' };
export const STATUS_TEXT: Record<RequestStatus, string> = {
  awaiting_study: '待上传检查',
  ready: '待阅片',
  claimed: '阅片中',
  in_review: '待审核',
  issued: '已签发',
  recognised: '结果互认',
  cancelled: '已撤销',
  external: '已在检查单中报告',
};

export async function byClientId(trx: Kdb, staffId: number, clientId: string) {
  return trx
    .selectFrom('remote_requests')
    .select(['id', 'request_hash'])
    .where('requesting_staff_id', '=', staffId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export function listBase(trx: Kdb) {
  return trx
    .selectFrom('remote_requests as r')
    .leftJoin('residents as res', 'res.id', 'r.resident_id')
    .innerJoin('orgs as o', 'o.id', 'r.requesting_org_id')
    .leftJoin('staff as c', 'c.id', 'r.claimed_by')
    .select([
      'r.id',
      'r.accession',
      'r.centre',
      'r.item_code',
      'r.item_name',
      'r.priority',
      'r.status',
      'r.source',
      'r.patient_setting',
      'r.requested_at',
      'r.due_at',
      'r.issued_at',
      'r.study_arrived_at',
      'r.claimed_by',
      'r.claimed_at',
      'r.resident_id',
      'r.requesting_org_id',
      'o.name as requesting_org_name',
      'res.name as resident_name',
      'res.sex as resident_sex',
      'res.birth_date as resident_birth_date',
      'c.display_name as claimed_by_name',
      sql<number>`(SELECT count(*)::int FROM remote_studies s WHERE s.request_id = r.id)`.as('studies'),
      sql<number>`(SELECT count(*)::int FROM remote_criticals k WHERE k.request_id = r.id AND k.status <> 'withdrawn')`.as(
        'criticals',
      ),
      sql<number>`(SELECT max(version)::int FROM remote_reports p WHERE p.request_id = r.id AND p.status = 'issued')`.as(
        'issued_version',
      ),
    ]);
}
type ListRow = Awaited<ReturnType<ReturnType<typeof listBase>['execute']>>[number];

const OPEN: readonly RequestStatus[] = ['awaiting_study', 'ready', 'claimed', 'in_review'];

export function toListItem(r: ListRow, now: Date) {
  const due = new Date(r.due_at);
  const open = OPEN.includes(r.status);
  const end = r.issued_at ? new Date(r.issued_at) : now;
  return {
    id: r.id,
    accession: r.accession,
    centre: r.centre,
    itemCode: r.item_code,
    itemName: r.item_name,
    priority: r.priority,
    status: r.status,
    source: r.source,
    patientSetting: r.patient_setting,
    requestedAt: new Date(r.requested_at).toISOString(),
    dueAt: due.toISOString(),
    issuedAt: r.issued_at ? new Date(r.issued_at).toISOString() : null,
    studyArrivedAt: r.study_arrived_at ? new Date(r.study_arrived_at).toISOString() : null,
    claimedBy: r.claimed_by,
    claimedByName: r.claimed_by_name,
    residentId: r.resident_id,
    residentName: r.resident_name ?? '（无权查看）',
    residentSex: r.resident_sex,
    residentBirthDate: r.resident_birth_date ? String(r.resident_birth_date).slice(0, 10) : null,
    requestingOrgId: r.requesting_org_id,
    requestingOrgName: r.requesting_org_name,
    studies: Number(r.studies),
    criticals: Number(r.criticals),
    issuedVersion: r.issued_version === null ? null : Number(r.issued_version),
    /** minutes left to the due time (negative = overdue) while open */
    minutesToDue: open ? Math.round((due.getTime() - now.getTime()) / 60_000) : null,
    overdue: (open || r.status === 'issued') && end.getTime() > due.getTime(),
  };
}
export type RequestListItem = ReturnType<typeof toListItem>;

export async function recognisable(trx: Kdb, residentId: number, itemCode: string, now: Date) {
  const { rows } = await sql<{
    report_id: number;
    request_id: number;
    accession: string;
    version: number;
    conclusion: string;
    issued_at: Date;
    org_name: string;
    recognise_days: number;
  }>`
    SELECT p.id AS report_id, r.id AS request_id, r.accession, p.version, p.conclusion, p.issued_at,
           o.name AS org_name, i.recognise_days
    FROM remote_reports p
    JOIN remote_requests r ON r.id = p.request_id
    JOIN remote_items i ON i.code = r.item_code
    JOIN orgs o ON o.id = r.reading_org_id
    WHERE r.resident_id = ${residentId} AND r.item_code = ${itemCode} AND p.status = 'issued'
      AND i.recognise_days IS NOT NULL
      AND p.issued_at > ${now}::timestamptz - make_interval(days => i.recognise_days)
      AND p.issued_at <= ${now}
    ORDER BY p.issued_at DESC
    LIMIT 5`.execute(trx);
  return rows;
}
export const toRecognisable = (r: Awaited<ReturnType<typeof recognisable>>[number]) => ({
  reportId: r.report_id,
  requestId: r.request_id,
  accession: r.accession,
  version: r.version,
  conclusion: r.conclusion,
  issuedAt: new Date(r.issued_at).toISOString(),
  orgName: r.org_name,
  recogniseDays: r.recognise_days,
});

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const isoAt = (d: Date | string) => new Date(d).toISOString();

export async function reportsOf(trx: Kdb, requestId: number) {
  const rows = await trx
    .selectFrom('remote_reports as p')
    .leftJoin('staff as a', 'a.id', 'p.author_id')
    .leftJoin('staff as v', 'v.id', 'p.reviewer_id')
    .selectAll('p')
    .select(['a.display_name as author_name', 'v.display_name as reviewer_name'])
    .where('p.request_id', '=', requestId)
    .orderBy('p.version')
    .execute();
  return rows.map((p) => ({
    id: p.id,
    version: p.version,
    kind: p.kind,
    status: p.status,
    rhythm: p.rhythm,
    heartRate: p.heart_rate,
    prMs: p.pr_ms,
    qrsMs: p.qrs_ms,
    qtMs: p.qt_ms,
    qtcMs: p.qtc_ms,
    axisDeg: p.axis_deg,
    findings: p.findings,
    conclusion: p.conclusion,
    abnormal: p.abnormal,
    authorId: p.author_id,
    authorName: p.author_name,
    authoredAt: iso(p.authored_at),
    submittedAt: iso(p.submitted_at),
    reviewerId: p.reviewer_id,
    reviewerName: p.reviewer_name,
    issuedAt: iso(p.issued_at),
    supersededAt: iso(p.superseded_at),
    amendmentReason: p.amendment_reason,
  }));
}

export async function detail(trx: Kdb, id: number, me: number, now: Date) {
  const row = await listBase(trx)
    .leftJoin('staff as rq', 'rq.id', 'r.requesting_staff_id')
    .leftJoin('orgs as ro', 'ro.id', 'r.reading_org_id')
    .select([
      'r.clinical_info',
      'r.consent_at',
      'r.consent_by',
      'r.cancelled_reason',
      'r.recognised_report_id',
      'r.exam_order_id',
      'r.reading_org_id',
      'r.device_at',
      'r.version',
      'rq.display_name as requesting_staff_name',
      'ro.name as reading_org_name',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const reports = await reportsOf(trx, id);
  const reads = await trx
    .selectFrom('remote_report_reads as rr')
    .innerJoin('remote_reports as p', 'p.id', 'rr.report_id')
    .innerJoin('staff as s', 's.id', 'rr.staff_id')
    .select(['p.version', 'rr.staff_id', 'rr.read_at', 's.display_name'])
    .where('p.request_id', '=', id)
    .orderBy('rr.read_at')
    .execute();
  let recognisedFrom = null;
  if (row.recognised_report_id) {
    const { rows } = await sql<{ accession: string; version: number; conclusion: string; issued_at: Date }>`
      SELECT r.accession, p.version, p.conclusion, p.issued_at FROM remote_reports p
      JOIN remote_requests r ON r.id = p.request_id WHERE p.id = ${row.recognised_report_id}`.execute(trx);
    if (rows[0]) recognisedFrom = { ...rows[0], issued_at: iso(rows[0].issued_at) };
  }
  const current = reports.find((p) => p.status === 'issued') ?? null;
  const myRead = reads.filter((x) => x.staff_id === me).map((x) => x.version);
  return {
    ...toListItem(row, now),
    clinicalInfo: row.clinical_info,
    consentAt: iso(row.consent_at),
    consentBy: row.consent_by,
    cancelledReason: row.cancelled_reason,
    examOrderId: row.exam_order_id,
    readingOrgId: row.reading_org_id,
    readingOrgName: row.reading_org_name,
    requestingStaffName: row.requesting_staff_name,
    deviceAt: iso(row.device_at),
    rowVersion: row.version,
    reports,
    currentVersion: current?.version ?? null,
    /** the highest version this user has marked read: compare with currentVersion */
    myReadVersion: myRead.length ? Math.max(...myRead) : null,
    reads: reads.map((x) => ({ version: x.version, staffName: x.display_name, readAt: iso(x.read_at) })),
    recognisedFrom,
    timeline: timelineOf(row, reports, reads),
  };
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof detail>>>;

function timelineOf(
  r: { requested_at: Date | string; study_arrived_at: Date | string | null; claimed_at: Date | string | null },
  reports: Awaited<ReturnType<typeof reportsOf>>,
  reads: Array<{ version: number; read_at: Date | string; display_name: string }>,
) {
  const steps: Array<{ at: string; step: string; who?: string | null; version?: number }> = [];
  steps.push({ at: isoAt(r.requested_at), step: 'requested' });
  if (r.study_arrived_at) steps.push({ at: isoAt(r.study_arrived_at), step: 'study_arrived' });
  if (r.claimed_at) steps.push({ at: isoAt(r.claimed_at), step: 'claimed' });
  for (const p of reports) {
    steps.push({
      at: p.authoredAt ?? '',
      step: p.version > 1 ? 'amendment_started' : 'drafted',
      who: p.authorName,
      version: p.version,
    });
    if (p.submittedAt) steps.push({ at: p.submittedAt, step: 'submitted', who: p.authorName, version: p.version });
    if (p.issuedAt) steps.push({ at: p.issuedAt, step: 'issued', who: p.reviewerName, version: p.version });
    if (p.supersededAt) steps.push({ at: p.supersededAt, step: 'superseded', version: p.version });
  }
  for (const x of reads) steps.push({ at: isoAt(x.read_at), step: 'read', who: x.display_name, version: x.version });
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}
