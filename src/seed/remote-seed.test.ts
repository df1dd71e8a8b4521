import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, withScope, type Database } from '../platform/db.ts';
import { seedRemote } from './remote.seed.ts';
import { generateCounty } from './seed.ts';

/**
 * The issue-12 demo data on the demo county, checked in SQL: a year of requests with ECG the
 * largest, every issued report signed by a reviewer who is not its author, a few amendments,
 * about 0.35% critical values none acknowledged without read-back, escalations exactly where
 * acknowledgement took over 15 minutes, consultations growing year on year, kits in every
 * village, today's open work, in a few seconds and once only.
 */
const onPglite = process.env.TEST_DB !== 'postgres';
const NOW = new Date('2026-06-30T12:00:00+08:00');
let database: Database;
let countyId = 0;
let ms = 0;

beforeAll(async () => {
  if (!onPglite) return;
  database = await openPglite(undefined);
  ({ countyId } = await generateCounty(database.db, { profile: 'demo', seed: 2026, password: 'Remote-Seed-2026!' }));
  const started = performance.now();
  await seedRemote(database.db, { countyId, seed: 2026, now: NOW, scale: 'demo' });
  ms = performance.now() - started;
  console.log(`remote seed: ${Math.round(ms)} ms`);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

async function one(q: string): Promise<Record<string, number>> {
  const orgs = await database.db.selectFrom('orgs').select('id').execute();
  const rows = await withScope(database.db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    return (await sql.raw<Record<string, unknown>>(q).execute(trx)).rows;
  });
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, v === null ? NaN : Number(v)]));
}

describe.runIf(onPglite)('remote diagnosis demo data', () => {
  it('a year of requests from every township and village, ECG the largest, in seconds', async () => {
    // aim: ≤ 3 s on the demo county (measured 2.8 s with the files on a shared 2-core machine, up to
    // 11 s at a load average of 10); this ceiling only guards against a regression by an order of magnitude
    expect(ms).toBeLessThan(20_000);
    const s = await one(`SELECT count(*) FILTER (WHERE centre = 'ecg') AS ecg,
        count(*) FILTER (WHERE centre = 'imaging') AS imaging, count(*) FILTER (WHERE centre = 'ultrasound') AS us,
        count(*) FILTER (WHERE centre = 'pathology') AS path,
        count(DISTINCT requesting_org_id) AS orgs,
        (SELECT count(*) FROM orgs WHERE county_id = ${countyId} AND kind IN ('village_clinic', 'township_center')) AS local_orgs,
        count(*) FILTER (WHERE status = 'issued') AS issued,
        count(*) FILTER (WHERE status = 'issued' AND issued_at <= due_at) AS in_time,
        count(*) FILTER (WHERE status = 'recognised') AS recognised,
        count(*) FILTER (WHERE issued_at > '${NOW.toISOString()}' OR requested_at > '${NOW.toISOString()}') AS future,
        min(requested_at) < '${NOW.toISOString()}'::timestamptz - interval '360 days' AS year_back
      FROM remote_requests WHERE county_id = ${countyId} AND source <> 'exam_order'`);
    expect(s.ecg).toBeGreaterThan(2000);
    expect(s.ecg).toBeGreaterThan(s.imaging + s.us);
    expect(s.path).toBeGreaterThan(20);
    expect(s.orgs).toBe(s.local_orgs);
    expect(s.in_time / s.issued).toBeGreaterThan(0.85);
    expect(s.in_time / s.issued).toBeLessThan(0.97);
    expect(s.recognised).toBeGreaterThan(20);
    expect(s.future).toBe(0);
    expect(s.year_back).toBe(1);
  });

  it('every issued report has a reviewer who is not its author; ~2–3% amended with a superseded version 1', async () => {
    const s = await one(`SELECT count(*) FILTER (WHERE status IN ('issued', 'superseded')) AS signed,
        count(*) FILTER (WHERE status IN ('issued', 'superseded') AND (reviewer_id IS NULL OR reviewer_id = author_id)) AS bad,
        count(*) FILTER (WHERE version = 2 AND status = 'issued') AS v2,
        count(*) FILTER (WHERE status = 'superseded' AND superseded_at IS NOT NULL) AS superseded,
        (SELECT count(*) FROM remote_requests r WHERE r.county_id = ${countyId} AND r.status = 'issued'
           AND NOT EXISTS (SELECT 1 FROM remote_reports p WHERE p.request_id = r.id AND p.status = 'issued')) AS unreported,
        (SELECT count(DISTINCT author_id) FROM remote_reports WHERE county_id = ${countyId}) AS authors
      FROM remote_reports WHERE county_id = ${countyId}`);
    expect(s.bad).toBe(0);
    expect(s.unreported).toBe(0);
    expect(s.v2).toBe(s.superseded);
    expect(s.v2 / (s.signed - s.v2)).toBeGreaterThan(0.015);
    expect(s.v2 / (s.signed - s.v2)).toBeLessThan(0.035);
    expect(s.authors).toBeGreaterThanOrEqual(2);
  });

  it('critical values: ~0.35% of ECGs, read back, median acknowledgement ~6 min, escalated exactly when late', async () => {
    const s = await one(`SELECT count(*) FILTER (WHERE r.centre = 'ecg') AS ecg_criticals,
        (SELECT count(*) FROM remote_requests WHERE county_id = ${countyId} AND centre = 'ecg' AND status = 'issued') AS ecg_issued,
        count(*) FILTER (WHERE c.ack_at IS NOT NULL AND length(btrim(coalesce(c.readback, ''))) < 2) AS no_readback,
        count(*) FILTER (WHERE c.checked_by = c.flagged_by) AS self_checked,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.ack_at - c.notified_at) / 60) AS ack_p50,
        count(*) FILTER (WHERE c.ack_at > c.notified_at + interval '15 minutes') AS late,
        (SELECT count(*) FROM remote_escalations WHERE county_id = ${countyId} AND level = 'unacknowledged_15') AS esc15,
        (SELECT count(*) FROM remote_escalations e WHERE e.county_id = ${countyId} AND e.level = 'unacknowledged_15'
           AND cardinality(e.target_staff) = 0) AS esc_nobody,
        (SELECT count(*) FROM remote_tasks WHERE county_id = ${countyId}) AS tasks,
        count(*) FILTER (WHERE c.status = 'notified' AND c.ack_at IS NULL) AS open
      FROM remote_criticals c JOIN remote_requests r ON r.id = c.request_id WHERE c.county_id = ${countyId}`);
    expect(s.ecg_criticals / s.ecg_issued).toBeGreaterThan(0.002);
    expect(s.ecg_criticals / s.ecg_issued).toBeLessThan(0.006);
    expect(s.no_readback).toBe(0);
    expect(s.self_checked).toBe(0);
    expect(s.ack_p50).toBeGreaterThan(3);
    expect(s.ack_p50).toBeLessThan(10);
    expect(s.esc15).toBe(s.late);
    expect(s.esc_nobody).toBe(0);
    expect(s.tasks).toBeGreaterThan(s.ecg_criticals);
    // the one waiting at village.doctor's clinic
    expect(s.open).toBe(1);
  });

  it('consultations in every status, more this year than last; duty rosters; kits in every village; open work today', async () => {
    const s = await one(`SELECT
        count(*) FILTER (WHERE created_at > '${NOW.toISOString()}'::timestamptz - interval '365 days') AS this_year,
        count(*) FILTER (WHERE created_at <= '${NOW.toISOString()}'::timestamptz - interval '365 days') AS last_year,
        count(DISTINCT status) AS statuses,
        (SELECT count(*) FROM org_duty WHERE county_id = ${countyId}) AS duty,
        (SELECT count(*) FROM org_duty WHERE county_id = ${countyId} AND duty = 'medical_office') AS office,
        (SELECT count(*) FROM orgs WHERE county_id = ${countyId} AND kind = 'village_clinic') AS villages,
        (SELECT count(DISTINCT org_id) FROM kit_devices WHERE county_id = ${countyId}) AS kit_villages,
        (SELECT count(*) FROM kit_readings WHERE county_id = ${countyId}) AS readings,
        (SELECT count(*) FROM kit_readings WHERE county_id = ${countyId} AND flagged) AS flagged,
        (SELECT count(*) FROM kit_readings WHERE county_id = ${countyId} AND kind = 'ecg' AND request_id IS NULL) AS ecg_unrequested,
        (SELECT count(*) FROM remote_requests WHERE county_id = ${countyId} AND status IN ('ready', 'claimed')
           AND source = 'request') AS worklist,
        (SELECT count(*) FROM remote_requests WHERE county_id = ${countyId} AND status = 'ready' AND priority = 'stat'
           AND due_at < '${NOW.toISOString()}') AS overdue_stat
      FROM remote_consults WHERE county_id = ${countyId}`);
    expect(s.this_year).toBeGreaterThan(200);
    expect(s.this_year).toBeGreaterThan(s.last_year * 1.15);
    expect(s.statuses).toBeGreaterThanOrEqual(8);
    expect(s.duty).toBe(4 * 2 + 1);
    expect(s.office).toBe(1);
    expect(s.kit_villages).toBe(s.villages);
    expect(s.readings).toBeGreaterThan(3000);
    expect(s.flagged).toBeGreaterThan(50);
    expect(s.ecg_unrequested).toBe(0);
    expect(s.worklist).toBeGreaterThanOrEqual(5);
    expect(s.overdue_stat).toBe(1);
  });

  it('the latest studies have files the viewers open: aECG, a few DICOM ECGs, small CT series', async () => {
    const s = await one(`SELECT count(*) FILTER (WHERE s.format = 'aecg') AS aecg,
        count(*) FILTER (WHERE s.format = 'dicom' AND s.modality = 'ECG') AS dicom_ecg,
        count(DISTINCT s.series_uid) FILTER (WHERE s.modality = 'CT') AS ct_series,
        count(*) FILTER (WHERE s.accession_in_file <> r.accession) AS wrong_accession,
        count(*) FILTER (WHERE s.patient_id_in_file <> r.resident_id::text) AS wrong_patient,
        count(*) FILTER (WHERE f.sha256 IS NULL OR f.size_bytes <> octet_length(f.bytes)) AS broken,
        (SELECT count(*) FROM remote_requests WHERE county_id = ${countyId} AND status = 'ready' AND source = 'request'
           AND NOT EXISTS (SELECT 1 FROM remote_studies x WHERE x.request_id = remote_requests.id)) AS ready_without_file
      FROM remote_studies s JOIN remote_requests r ON r.id = s.request_id LEFT JOIN remote_files f ON f.sha256 = s.sha256
      WHERE s.county_id = ${countyId}`);
    expect(s.aecg).toBeGreaterThan(25);
    expect(s.dicom_ecg).toBeGreaterThanOrEqual(2);
    expect(s.ct_series).toBeGreaterThanOrEqual(2);
    expect(s.wrong_accession).toBe(0);
    expect(s.wrong_patient).toBe(0);
    expect(s.broken).toBe(0);
    expect(s.ready_without_file).toBe(0);
  });

  it('runs once: a second run adds nothing', async () => {
    const count = async () => (await one(`SELECT count(*) AS n FROM remote_requests WHERE county_id = ${countyId}`)).n;
    const before = await count();
    await seedRemote(database.db, { countyId, seed: 2026, now: NOW, scale: 'demo' });
    expect(await count()).toBe(before);
  });
});
