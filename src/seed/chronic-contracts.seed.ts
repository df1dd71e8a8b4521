import type { Kdb } from '../platform/db.ts';
import {
  CADRE_NAMES,
  day,
  hash,
  part,
  pastAt,
  quote,
  run,
  SIGNATURE_PNG,
  textArray,
  u,
  type ChronicSql,
} from './chronic-sql.ts';

/** Share of living residents signed now (terminations take a little off). */
const SIGNED = 0.7;
/** Of the key populations (65+, 0–6, hypertension, diabetes) not registered poor, the share signed. */
const KEY_SIGNED = 0.9;
/** Contracts that ended in the last year and were renewed: 续签率. */
const RENEWED = 0.8;
/**
 * Current contracts that renew last year's: a good share, not all (each predecessor brings its
 * packages, entitlements and deliveries: rows that cost PGlite start-up time).
 */
const WITH_PREDECESSOR = 0.45;

/**
 * Family-doctor contracts. sx_con decides per living resident: signed now (every registered
 * poor resident, 90% of the key populations, the rest calibrated so about 70% are), the start
 * within the last year (3% in its first month, so 2–4% come up for renewal within 30 days),
 * a renewed predecessor for 45% of them, a few terminated; and, among the unsigned, the
 * lapsed contracts that make 续签率 about 80%. Then the contracts (predecessors first: a
 * renewal points at the one it follows, and the periods only touch), their packages (the
 * version in force on the first day) and sign/renew/terminate events.
 */
export async function insertContracts(trx: Kdb, c: ChronicSql): Promise<void> {
  const d = day(c);
  await run(
    trx,
    `CREATE TEMP TABLE sx_con ON COMMIT DROP AS
     WITH k AS (SELECT resident_id, bool_or(disease = 'htn') AS htn, bool_or(disease = 't2dm') AS dm FROM chronic_cases
                WHERE county_id = ${c.county} AND state IN ('managed', 'confirmed') GROUP BY resident_id),
     p AS MATERIALIZED (
       SELECT h.id, h.org_id, h.sex, h.age, h.poor, h.household_no, h.htn, h.dm, h.key_pop,
              ${part('h.a', 0)} AS u0, ${part('h.a', 1)} AS u1, ${part('h.a', 2)} AS u2, ${part('h.a', 3)} AS u3,
              ${part('h.b', 0)} AS u4, ${part('h.b', 1)} AS u5, ${part('h.b', 2)} AS u6
       FROM (SELECT r.id, r.org_id, r.sex, r.age, r.poor, r.household_no, coalesce(k.htn, false) AS htn,
                    coalesce(k.dm, false) AS dm, r.age >= 65 OR r.age <= 6 OR coalesce(k.htn OR k.dm, false) AS key_pop,
                    ${hash(c, 'ct', 'r.id')} AS a, ${hash(c, 'ct2', 'r.id')} AS b
             FROM sx_res r LEFT JOIN k ON k.resident_id = r.id WHERE r.deceased_on IS NULL OFFSET 0) h),
     s AS (SELECT count(*)::float8 AS n, count(*) FILTER (WHERE poor)::float8 AS poor,
                  count(*) FILTER (WHERE key_pop AND NOT poor)::float8 AS key,
                  greatest(1, count(*) FILTER (WHERE NOT key_pop AND NOT poor))::float8 AS other FROM p),
     x AS (
       SELECT p.*, p.poor OR p.u0 < CASE WHEN p.key_pop THEN ${KEY_SIGNED}
                                        ELSE (${SIGNED} * s.n - s.poor - ${KEY_SIGNED} * s.key) / s.other END AS signed,
              CASE WHEN p.u1 < 0.03 THEN ${d} - 335 - floor(p.u2 * 30)::int ELSE ${d} - floor(p.u2 * 335)::int END AS start
       FROM p, s)
     SELECT x.*, x.signed AND x.u3 < ${WITH_PREDECESSOR} AS has_prev,
            x.signed AND NOT x.poor AND x.u4 < 0.015 AND ${d} - x.start > 30 AS terminated,
            x.start + 15 + floor(x.u5 * (${d} - x.start - 15))::int AS end_day,
            array_remove(ARRAY[CASE WHEN x.age >= 65 THEN 'elderly' END, CASE WHEN x.htn THEN 'hypertension' END,
              CASE WHEN x.dm THEN 'diabetes' END, CASE WHEN x.poor THEN 'poor' END, CASE WHEN x.age <= 6 THEN 'child' END,
              CASE WHEN x.age >= 18 AND x.u6 < 0.02 THEN 'disabled' END,
              CASE WHEN x.sex = 'F' AND x.age BETWEEN 20 AND 40 AND x.u6 > 0.96 THEN 'maternal' END]::text[], NULL) AS key_pops,
            x.age >= 65 AND x.u5 > 0.96 AS bed, x.age >= 18 AND x.u6 BETWEEN 0.3 AND 0.32 AS tcm
     FROM x`,
  );
  // lapsed: unsigned residents whose last contract ended in the past year unrenewed
  await run(
    trx,
    `WITH s AS (SELECT count(*) FILTER (WHERE has_prev)::float8 AS renewed,
                       greatest(1, count(*) FILTER (WHERE NOT signed))::float8 AS unsigned FROM sx_con)
     UPDATE sx_con x SET start = (${d} - floor(x.u2 * 364)::int - interval '1 year')::date, has_prev = true
     FROM s WHERE NOT x.signed AND x.u3 < s.renewed * ${((1 - RENEWED) / RENEWED).toFixed(4)} / s.unsigned`,
  );
  const cadre = `CASE WHEN ${u(c, 'cd', 'x.id')} < 0.9 THEN (${textArray(CADRE_NAMES)})[1 + v.vn % ${CADRE_NAMES.length}] END`;
  const insert = (rows: string) =>
    `INSERT INTO fd_contracts (county_id, org_id, resident_id, team_id, doctor_staff_id, cadre_name, period, signed_to, status,
                               key_pops, signature_kind, signature, household_no, renewed_from_id, end_reason, ended_at,
                               signed_by, device_at, created_at)
     SELECT ${c.county}, x.org_id, x.id, v.team_id, v.doctor, ${cadre}, daterange(y.lower, y.upper), y.signed_to, y.status,
            x.key_pops, 'drawn', ${quote(SIGNATURE_PNG)}, x.household_no, y.renewed_from_id, y.end_reason, y.ended_at,
            v.doctor, ${pastAt(c, 'y.lower', '10')}, ${pastAt(c, 'y.lower', '10.2')}
     FROM sx_con x JOIN sx_vil v ON v.org_id = x.org_id ${rows}`;
  // predecessors (renewed, or lapsed: not signed now) first
  await run(
    trx,
    insert(`CROSS JOIN LATERAL (SELECT CASE WHEN x.signed THEN (x.start - interval '1 year')::date ELSE x.start END AS lower,
              CASE WHEN x.signed THEN x.start ELSE (x.start + interval '1 year')::date END AS upper,
              CASE WHEN x.signed THEN x.start ELSE (x.start + interval '1 year')::date END AS signed_to, 'active' AS status,
              NULL::int AS renewed_from_id, NULL AS end_reason, NULL::timestamptz AS ended_at) y
            WHERE x.has_prev`),
  );
  await run(
    trx,
    insert(`LEFT JOIN fd_contracts pc ON x.has_prev AND pc.county_id = ${c.county} AND pc.resident_id = x.id
            CROSS JOIN LATERAL (SELECT x.start AS lower,
              CASE WHEN x.terminated THEN x.end_day ELSE (x.start + interval '1 year')::date END AS upper,
              (x.start + interval '1 year')::date AS signed_to,
              CASE WHEN x.terminated THEN 'terminated' ELSE 'active' END AS status, pc.id AS renewed_from_id,
              CASE WHEN x.terminated THEN (ARRAY['迁出本县', '本人申请解约', '更换签约团队', '长期外出务工'])[1 + floor(x.u1 * 4)::int] END AS end_reason,
              CASE WHEN x.terminated THEN ${pastAt(c, 'x.end_day', '9.5')} END AS ended_at) y
            WHERE x.signed`),
  );
  await run(
    trx,
    `INSERT INTO fd_contract_packages (contract_id, package_id)
     SELECT k.id, pk.id FROM fd_contracts k JOIN sx_con x ON x.id = k.resident_id
     JOIN fd_packages pk ON pk.county_id = ${c.county} AND pk.effective_from <= lower(k.period)
       AND (pk.effective_to IS NULL OR pk.effective_to > lower(k.period))
     WHERE k.county_id = ${c.county}
       AND CASE pk.code WHEN 'BASIC' THEN true WHEN 'HTN' THEN x.htn WHEN 'DM' THEN x.dm WHEN 'ELDERLY' THEN x.age >= 65
             WHEN 'CHILD' THEN x.age <= 6 WHEN 'MATERNAL' THEN 'maternal' = ANY (x.key_pops) WHEN 'PAID-BED' THEN x.bed
             WHEN 'PAID-TCM' THEN x.tcm ELSE false END`,
  );
  await run(
    trx,
    `INSERT INTO fd_contract_events (contract_id, org_id, action, reason, detail, staff_id, at)
     SELECT k.id, k.org_id, e.action, e.reason, e.detail, k.doctor_staff_id, e.at
     FROM fd_contracts k CROSS JOIN LATERAL (VALUES
       (CASE WHEN k.renewed_from_id IS NULL THEN 'sign' ELSE 'renew' END, NULL, jsonb_build_object('key_pops', k.key_pops),
        k.created_at, true),
       ('terminate', k.end_reason, NULL, k.ended_at, k.status = 'terminated')) AS e(action, reason, detail, at, wanted)
     WHERE k.county_id = ${c.county} AND e.wanted`,
  );
}

/**
 * What the contracts delivered: every follow-up inside a contract's period, a health check
 * and consultations. sx_del plans them first, numbered per contract and kind by day; the
 * entitlements (one per package item) then take them in package and item order while quota is
 * left, so each entitlement is inserted with its used count, and each delivery names the
 * entitlement it drew on (none once every quota of its kind is spent). About 12% of the
 * current contracts get nothing in the last 90 days but their follow-ups (签而不约).
 */
export async function insertDeliveries(trx: Kdb, c: ChronicSql): Promise<void> {
  const d = day(c);
  await run(
    trx,
    `CREATE TEMP TABLE sx_del ON COMMIT DROP AS
     WITH s AS MATERIALIZED (
       SELECT h.contract_id, h.org_id, h.resident_id, h.staff_id, h.lo, h.hi, h.current,
              ${part('h.h', 0)} AS u0, ${part('h.h', 1)} AS u1, ${part('h.h', 2)} AS u2, ${part('h.h', 3)} AS u3
       FROM (SELECT k.id AS contract_id, k.org_id, k.resident_id, k.doctor_staff_id AS staff_id, lower(k.period) AS lo,
                    least(upper(k.period), ${d} + 1) AS hi, upper(k.period) > ${d} AND k.status = 'active' AS current,
                    ${hash(c, 'dl', 'k.id')} AS h
             FROM fd_contracts k WHERE k.county_id = ${c.county} OFFSET 0) h),
     t AS (SELECT s.*, s.current AND s.u0 < 0.12 AS idle FROM s),
     d AS (
       SELECT k.id AS contract_id, k.org_id, f.resident_id, f.visit_date AS on_day, f.staff_id, 'followup' AS source,
              f.id::text AS ref, CASE WHEN f.disease = 'htn' THEN 'followup_htn' ELSE 'followup_t2dm' END AS kind
       FROM followups f JOIN fd_contracts k ON k.resident_id = f.resident_id AND k.county_id = ${c.county}
       WHERE f.county_id = ${c.county} AND k.period @> f.visit_date
       UNION ALL
       SELECT t.contract_id, t.org_id, t.resident_id, x.on_day, t.staff_id, 'seed', x.ref, x.kind
       FROM t CROSS JOIN LATERAL (VALUES
         ('health_check', 'hc:' || t.contract_id,
          CASE WHEN NOT t.idle THEN t.lo + floor(t.u1 * (t.hi - t.lo))::int
               WHEN t.hi - t.lo > 90 THEN t.lo + floor(t.u1 * (t.hi - t.lo - 90))::int END,
          t.current OR t.u2 < 0.85),
         ('consult', 'cs:' || t.contract_id,
          CASE WHEN t.current AND NOT t.idle THEN t.hi - 1 - floor(t.u3 * least(90, t.hi - t.lo))::int
               WHEN NOT t.current THEN t.lo + floor(t.u3 * (t.hi - t.lo))::int END,
          t.current OR t.u2 < 0.6)
       ) AS x(kind, ref, on_day, wanted)
       WHERE x.wanted AND x.on_day IS NOT NULL)
     SELECT d.*, row_number() OVER (PARTITION BY d.contract_id, d.kind ORDER BY d.on_day, d.ref)::int AS n FROM d`,
  );
  await run(
    trx,
    `WITH i AS (
       SELECT k.id AS contract_id, k.org_id, i.package_id, i.item_code, i.name, i.service_kind, i.quota, i.counts_as_followup,
              sum(i.quota) OVER (PARTITION BY k.id, i.service_kind ORDER BY i.package_id, i.item_code)::int AS cum
       FROM fd_contracts k JOIN fd_contract_packages cp ON cp.contract_id = k.id JOIN fd_package_items i ON i.package_id = cp.package_id
       WHERE k.county_id = ${c.county}),
     n AS (SELECT contract_id, kind, max(n) AS n FROM sx_del GROUP BY contract_id, kind)
     INSERT INTO fd_entitlements (contract_id, org_id, package_id, item_code, name, service_kind, quota, used, counts_as_followup)
     SELECT i.contract_id, i.org_id, i.package_id, i.item_code, i.name, i.service_kind, i.quota,
            greatest(0, least(i.quota, coalesce(n.n, 0) - (i.cum - i.quota))), i.counts_as_followup
     FROM i LEFT JOIN n ON n.contract_id = i.contract_id AND n.kind = i.service_kind
     ORDER BY i.contract_id, i.package_id, i.item_code`,
  );
  await run(
    trx,
    `WITH e AS (
       SELECT id, contract_id, service_kind, quota,
              sum(quota) OVER (PARTITION BY contract_id, service_kind ORDER BY package_id, item_code) AS cum
       FROM fd_entitlements WHERE used > 0 AND contract_id IN (SELECT id FROM fd_contracts WHERE county_id = ${c.county}))
     INSERT INTO fd_deliveries (county_id, org_id, contract_id, entitlement_id, resident_id, service_kind, delivered_on, staff_id,
                                source, source_ref, created_at)
     SELECT ${c.county}, n.org_id, n.contract_id, e.id, n.resident_id, n.kind, n.on_day, n.staff_id, n.source, n.ref,
            ${pastAt(c, 'n.on_day', '16')}
     FROM sx_del n LEFT JOIN e ON e.contract_id = n.contract_id AND e.service_kind = n.kind AND n.n > e.cum - e.quota AND n.n <= e.cum`,
  );
}
