import { sql } from 'kysely';
import { shanghaiDate } from '../platform/calendar.ts';
import type { Kdb } from '../platform/db.ts';

/**
 * A year of stock for the demo catalogue, generated in PostgreSQL (INSERT … SELECT; randomness
 * md5 of the seed, a salt and a row key): four quarterly purchase orders per supplier received
 * at the central pharmacy, distributions to the county hospitals, township centres and
 * village clinics (only what each level may stock), dispensing to residents of each org, trace
 * codes for a sample, one recalled batch blocked everywhere, near-expiry and expired batches,
 * shortages in every state and three duplicate-scan flags. Every balance changes through
 * stock_moves only (the trigger keeps stock_batches), and the plan keeps each batch ≥ 0:
 * the centre buys what it distributes plus a reserve, an org dispenses at most ¾ of what it got.
 */
export async function seedStock(
  trx: Kdb,
  o: { county: number; seed: number; now: Date; scale: 'demo' | 'jiexiu' },
): Promise<void> {
  const c = o.county;
  const today = shanghaiDate(o.now);
  const nowLit = `'${o.now.toISOString()}'::timestamptz`;
  const u = (salt: string, key: string) =>
    `((('x' || substr(md5('${o.seed}:${salt}:' || ${key}), 1, 8))::bit(32)::int::bigint & 2147483647)::float8 / 2147483648.0)`;
  const run = (text: string) => sql.raw(text).execute(trx);
  const villageShare = o.scale === 'jiexiu' ? 0.03 : 0.06;

  await run(`CREATE TEMP TABLE px_ctx ON COMMIT DROP AS
    SELECT s.central_org_id AS central,
      coalesce((SELECT min(id) FROM staff WHERE org_id = s.central_org_id AND 'pharmacist' = ANY(roles)),
               (SELECT min(id) FROM staff WHERE org_id = s.central_org_id)) AS staff
    FROM pharmacy_settings s WHERE s.county_id = ${c}`);
  // receiving orgs, their level and a staff member who signs for and dispenses there
  await run(`CREATE TEMP TABLE px_dest ON COMMIT DROP AS
    SELECT o.id AS org_id, CASE o.kind WHEN 'county_hospital' THEN 'county' WHEN 'village_clinic' THEN 'village' ELSE 'township' END AS lvl,
      (SELECT min(s.id) FROM staff s WHERE s.org_id = o.id) AS staff
    FROM orgs o, px_ctx x
    WHERE o.county_id = ${c} AND o.kind IN ('county_hospital', 'township_center', 'community_center', 'village_clinic')
      AND o.id <> x.central AND EXISTS (SELECT 1 FROM staff s WHERE s.org_id = o.id)`);
  // q = quarter 0..3, received at the centre (330 − 90q) days ago
  await run(`CREATE TEMP TABLE px_plan ON COMMIT DROP AS
    SELECT d.id AS drug_id, q, t.org_id, t.staff, d.pack_qty, d.split_allowed,
      CASE t.lvl WHEN 'village' THEN 1 + floor(${u('pv', `d.id || ':' || q || ':' || t.org_id`)} * 3)
                 ELSE 2 + floor(${u('pv', `d.id || ':' || q || ':' || t.org_id`)} * 8) END::int AS packs
    FROM drugs d CROSS JOIN generate_series(0, 3) q CROSS JOIN px_dest t
    WHERE d.county_id = ${c} AND t.lvl = ANY(d.levels)
      AND ${u('pd', `d.id || ':' || q || ':' || t.org_id`)} < CASE t.lvl WHEN 'village' THEN ${villageShare} WHEN 'township' THEN 0.12 ELSE 0.15 END`);

  // batches at the centre: expiry 18–36 months after receipt; some near expiry, a few expired
  await run(`INSERT INTO stock_batches (county_id, org_id, drug_id, batch_no, expiry_date, supplier_id, cost_fen, created_at)
    SELECT ${c}, x.central, d.id, to_char(r.day, 'YYMMDD') || lpad(d.id::text, 5, '0'),
      CASE WHEN q = 0 AND d.id % 29 = 3 THEN '${today}'::date - 5 - d.id % 20
           WHEN q = 1 AND d.id % 13 = 2 THEN '${today}'::date + 10 + d.id % 75
           ELSE r.day + 540 + floor(${u('exp', `d.id || ':' || q`)} * 540)::int END,
      d.supplier_id, coalesce((SELECT round(p.price_fen * 0.85)::int FROM charge_prices p WHERE p.county_id = ${c}
        AND p.item_code = d.charge_code AND p.valid_from <= ${nowLit} ORDER BY p.valid_from DESC LIMIT 1), 0),
      (r.day + time '09:30') AT TIME ZONE 'Asia/Shanghai'
    FROM drugs d CROSS JOIN generate_series(0, 3) q CROSS JOIN px_ctx x
    CROSS JOIN LATERAL (SELECT '${today}'::date - (330 - q * 90) AS day) r
    WHERE d.county_id = ${c} AND d.supplier_id IS NOT NULL`);
  await run(`CREATE TEMP TABLE px_cb ON COMMIT DROP AS
    SELECT b.id AS batch_id, b.drug_id, b.batch_no, b.expiry_date, b.supplier_id, b.cost_fen, b.created_at AS at,
      (330 - ('${today}'::date - (b.created_at AT TIME ZONE 'Asia/Shanghai')::date)) / 90 AS q,
      d.pack_qty, d.supplier_id AS sup
    FROM stock_batches b JOIN drugs d ON d.id = b.drug_id, px_ctx x WHERE b.county_id = ${c} AND b.org_id = x.central`);
  await run(`ALTER TABLE px_cb ADD COLUMN packs int`);
  await run(`UPDATE px_cb SET packs = 20 + floor(${u('buy', 'px_cb.batch_id')} * 40)::int + coalesce(t.packs, 0)::int
    FROM px_cb b LEFT JOIN (SELECT drug_id, q, sum(packs) AS packs FROM px_plan GROUP BY drug_id, q) t ON t.drug_id = b.drug_id AND t.q = b.q
    WHERE b.batch_id = px_cb.batch_id`);

  // purchase orders (one per supplier and quarter), received in one delivery
  await run(`INSERT INTO purchase_orders (county_id, org_id, supplier_id, order_no, status, total_fen, note, created_by,
      created_at, approved_by, approved_at, sent_at, closed_at)
    SELECT ${c}, x.central, b.sup, 'CG' || to_char(min(b.at) AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || b.sup, 'received',
      sum(b.packs::bigint * b.cost_fen), '季度集中采购', x.staff, min(b.at) - interval '7 days', x.staff,
      min(b.at) - interval '6 days', min(b.at) - interval '5 days', min(b.at)
    FROM px_cb b, px_ctx x GROUP BY b.sup, b.q, x.central, x.staff`);
  await run(`INSERT INTO purchase_order_lines (po_id, org_id, drug_id, packs, cost_fen, received_packs)
    SELECT po.id, x.central, b.drug_id, b.packs, b.cost_fen, b.packs FROM px_cb b, px_ctx x, purchase_orders po
    WHERE po.county_id = ${c} AND po.order_no = 'CG' || to_char(b.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || b.sup`);
  await run(`INSERT INTO po_receipts (county_id, org_id, po_id, client_id, received_by, received_at)
    SELECT ${c}, po.org_id, po.id, md5('${o.seed}:rcpt:' || po.id)::uuid, po.created_by, po.closed_at
    FROM purchase_orders po WHERE po.county_id = ${c}`);
  await run(`INSERT INTO po_receipt_lines (receipt_id, org_id, po_line_id, batch_id, packs)
    SELECT r.id, l.org_id, l.id, b.batch_id, l.packs FROM po_receipts r JOIN purchase_order_lines l ON l.po_id = r.po_id
    JOIN px_cb b ON b.drug_id = l.drug_id AND b.at = r.received_at WHERE r.county_id = ${c}`);
  await run(`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind, ref_id, staff_id, at)
    SELECT ${c}, x.central, b.batch_id, 'receive', b.packs * b.pack_qty, 'receipt', rl.receipt_id, x.staff, b.at
    FROM px_cb b JOIN po_receipt_lines rl ON rl.batch_id = b.batch_id, px_ctx x`);

  // distributions: one per org and quarter, shipped two days and received four days after the receipt
  await run(`INSERT INTO distributions (county_id, org_id, to_org_id, kind, status, dist_no, created_by, created_at, approved_at,
      picked_at, shipped_at, received_at, received_by)
    SELECT DISTINCT ON (p.org_id, p.q) ${c}, x.central, p.org_id, 'distribution', 'received',
      'PS' || to_char(('${today}'::date - (330 - p.q * 90)), 'YYMMDD') || '-' || p.org_id, x.staff,
      r.at + interval '1 day', r.at + interval '1 day 2 hours', r.at + interval '2 days', r.at + interval '2 days 3 hours',
      r.at + interval '4 days', p.staff
    FROM px_plan p, px_ctx x, LATERAL (SELECT (('${today}'::date - (330 - p.q * 90)) + time '09:30') AT TIME ZONE 'Asia/Shanghai' AS at) r`);
  await run(`CREATE TEMP TABLE px_dl ON COMMIT DROP AS
    SELECT p.*, dist.id AS dist_id, dist.received_at, cb.batch_id AS from_batch, cb.batch_no, cb.expiry_date, cb.supplier_id, cb.cost_fen
    FROM px_plan p JOIN px_cb cb ON cb.drug_id = p.drug_id AND cb.q = p.q
    JOIN distributions dist ON dist.county_id = ${c} AND dist.to_org_id = p.org_id
      AND dist.dist_no = 'PS' || to_char(('${today}'::date - (330 - p.q * 90)), 'YYMMDD') || '-' || p.org_id`);
  await run(`INSERT INTO stock_batches (county_id, org_id, drug_id, batch_no, expiry_date, supplier_id, cost_fen, created_at)
    SELECT ${c}, org_id, drug_id, batch_no, expiry_date, supplier_id, cost_fen, received_at FROM px_dl`);
  await run(`ALTER TABLE px_dl ADD COLUMN line_id int, ADD COLUMN to_batch int`);
  await run(`UPDATE px_dl SET to_batch = b.id FROM stock_batches b
    WHERE b.org_id = px_dl.org_id AND b.drug_id = px_dl.drug_id AND b.batch_no = px_dl.batch_no`);
  await run(`INSERT INTO distribution_lines (distribution_id, org_id, drug_id, packs)
    SELECT dist_id, x.central, drug_id, packs FROM px_dl, px_ctx x`);
  await run(
    `UPDATE px_dl SET line_id = l.id FROM distribution_lines l WHERE l.distribution_id = px_dl.dist_id AND l.drug_id = px_dl.drug_id`,
  );
  await run(`INSERT INTO distribution_picks (line_id, org_id, batch_id, qty, received_qty, to_batch_id)
    SELECT line_id, x.central, from_batch, packs * pack_qty, packs * pack_qty, to_batch FROM px_dl, px_ctx x`);
  await run(`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind, ref_id, staff_id, at)
    SELECT ${c}, x.central, from_batch, 'transfer_out', packs * pack_qty, 'distribution', dist_id, x.staff, received_at - interval '2 days'
    FROM px_dl, px_ctx x
    UNION ALL
    SELECT ${c}, org_id, to_batch, 'transfer_in', packs * pack_qty, 'distribution', dist_id, staff, received_at FROM px_dl`);

  await dispensing(trx, o, u, run);
}

type Run = (text: string) => Promise<unknown>;

/** dispensing at each org to its residents (≤ ¾ of what it received), trace codes, the recall, shortages, flags */
async function dispensing(
  _trx: Kdb,
  o: { county: number; seed: number; now: Date },
  u: (salt: string, key: string) => string,
  run: Run,
): Promise<void> {
  const c = o.county;
  const nowLit = `'${o.now.toISOString()}'::timestamptz`;
  await run(`CREATE TEMP TABLE px_res ON COMMIT DROP AS
    SELECT r.org_id, r.id, row_number() OVER (PARTITION BY r.org_id ORDER BY r.id) - 1 AS n, count(*) OVER (PARTITION BY r.org_id) AS cnt
    FROM residents r WHERE r.county_id = ${c} AND r.deceased_on IS NULL`);
  await run(`CREATE TEMP TABLE px_disp ON COMMIT DROP AS
    SELECT l.org_id, l.staff, l.drug_id, l.to_batch, k,
      CASE WHEN l.split_allowed THEN greatest(1, l.packs * l.pack_qty / 4) ELSE l.pack_qty END AS qty,
      least(l.received_at + interval '1 day' + ${u('dt', `l.line_id || ':' || k`)} * interval '80 days', ${nowLit} - interval '1 hour') AS at,
      md5('${o.seed}:disp:' || l.line_id || ':' || k)::uuid AS client_id,
      floor(${u('who', `l.line_id || ':' || k`)} * 1000000)::bigint AS pick
    FROM px_dl l CROSS JOIN generate_series(1, 3) k
    WHERE k <= least(floor(${u('nk', 'l.line_id')} * 4), CASE WHEN l.split_allowed THEN 3 ELSE l.packs - 1 END)`);
  await run(
    `ALTER TABLE px_disp ADD COLUMN resident_id int, ADD COLUMN price_id int, ADD COLUMN price_fen int, ADD COLUMN pack_qty int`,
  );
  await run(
    `UPDATE px_disp SET pick = px_disp.pick % r.cnt FROM (SELECT DISTINCT org_id, cnt FROM px_res) r WHERE r.org_id = px_disp.org_id`,
  );
  await run(
    `UPDATE px_disp SET resident_id = r.id FROM px_res r WHERE r.org_id = px_disp.org_id AND r.n = px_disp.pick`,
  );
  await run(`UPDATE px_disp SET price_id = p.id, price_fen = p.price_fen, pack_qty = d.pack_qty
    FROM drugs d, charge_prices p WHERE d.id = px_disp.drug_id AND p.county_id = ${c} AND p.item_code = d.charge_code
      AND p.valid_from <= px_disp.at AND (p.valid_to IS NULL OR p.valid_to > px_disp.at)`);
  await run(`DELETE FROM px_disp WHERE resident_id IS NULL OR price_id IS NULL`);
  await run(`INSERT INTO dispenses (county_id, org_id, resident_id, client_id, request_hash, total_fen, dispensed_by, dispensed_at)
    SELECT ${c}, org_id, resident_id, client_id, md5(client_id::text), round(qty::numeric * price_fen / pack_qty), staff, at FROM px_disp`);
  await run(`INSERT INTO dispense_lines (dispense_id, county_id, org_id, resident_id, drug_id, batch_id, qty, unit_price_fen, price_id,
      pack_qty, amount_fen, usage, dispensed_at)
    SELECT d.id, ${c}, p.org_id, p.resident_id, p.drug_id, p.to_batch, p.qty, p.price_fen, p.price_id, p.pack_qty,
      round(p.qty::numeric * p.price_fen / p.pack_qty),
      (ARRAY['口服，一次1片，一日1次', '口服，一次1片，一日2次', '口服，一次2粒，一日3次', '遵医嘱'])[1 + p.k % 4], p.at
    FROM px_disp p JOIN dispenses d ON d.county_id = ${c} AND d.client_id = p.client_id`);
  await run(`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind, ref_id, staff_id, at)
    SELECT ${c}, l.org_id, l.batch_id, 'dispense', l.qty, 'dispense', l.dispense_id, d.dispensed_by, l.dispensed_at
    FROM dispense_lines l JOIN dispenses d ON d.id = l.dispense_id WHERE l.county_id = ${c}`);

  // 码上放心 trace codes (20 digits): every fourth line of 集采 items, and some boxes still in stock at the centre
  await run(`INSERT INTO trace_codes (county_id, code, org_id, drug_id, batch_id, status, dispense_line_id, received_at, dispensed_at)
    SELECT ${c}, '81' || lpad(l.drug_id::text, 5, '0') || lpad(l.id::text, 13, '0'), l.org_id, l.drug_id, l.batch_id, 'dispensed', l.id,
      l.dispensed_at - interval '3 days', l.dispensed_at
    FROM dispense_lines l JOIN drugs d ON d.id = l.drug_id WHERE l.county_id = ${c} AND d.vbp AND l.id % 4 = 0`);
  await run(`INSERT INTO trace_codes (county_id, code, org_id, drug_id, batch_id, status, received_at)
    SELECT ${c}, '82' || lpad(b.batch_id::text, 13, '0') || lpad(k::text, 5, '0'), x.central, b.drug_id, b.batch_id, 'in_stock', b.at
    FROM px_cb b JOIN drugs d ON d.id = b.drug_id CROSS JOIN generate_series(1, 5) k, px_ctx x WHERE d.vbp AND b.q = 3`);
  // 回流药: three codes scanned again at another org
  await run(`INSERT INTO trace_code_flags (county_id, org_id, code, drug_id, first_line_id, first_org_id, resident_id, staff_id, at)
    SELECT ${c}, o2.org_id, t.code, t.drug_id, t.dispense_line_id, t.org_id, l.resident_id, o2.staff, t.dispensed_at + interval '9 days'
    FROM (SELECT * FROM trace_codes WHERE county_id = ${c} AND status = 'dispensed' ORDER BY dispensed_at DESC LIMIT 3) t
    JOIN dispense_lines l ON l.id = t.dispense_line_id
    CROSS JOIN LATERAL (SELECT org_id, staff FROM px_dest WHERE org_id <> t.org_id ORDER BY org_id LIMIT 1) o2`);

  // the recall: the quarter-2 batch of the most widely distributed item, blocked wherever it still is
  await run(`INSERT INTO drug_recalls (county_id, org_id, drug_id, batch_no, level, reason, status, started_by, started_at)
    SELECT ${c}, x.central, cb.drug_id, cb.batch_no, '2', '生产企业主动召回：该批次溶出度检验不符合规定（省药监局通告）', 'open', x.staff,
      ${nowLit} - interval '2 days'
    FROM px_cb cb JOIN (SELECT from_batch, count(*) AS n FROM px_dl GROUP BY from_batch) l ON l.from_batch = cb.batch_id
    CROSS JOIN px_ctx x WHERE cb.q = 2
    ORDER BY l.n DESC, cb.drug_id LIMIT 1`);
  await run(`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind, ref_id, staff_id, at, note)
    SELECT ${c}, b.org_id, b.id, 'block', (b.qty_in - b.qty_out - b.qty_blocked)::int, 'recall', r.id, r.started_by, r.started_at, '召回冻结'
    FROM drug_recalls r JOIN stock_batches b ON b.county_id = r.county_id AND b.drug_id = r.drug_id AND b.batch_no = r.batch_no
    WHERE r.county_id = ${c} AND b.qty_in - b.qty_out - b.qty_blocked > 0`);
  await run(`UPDATE drug_recalls r SET blocked_qty = (SELECT coalesce(sum(b.qty_blocked), 0) FROM stock_batches b
    WHERE b.county_id = r.county_id AND b.drug_id = r.drug_id AND b.batch_no = r.batch_no) WHERE r.county_id = ${c}`);
  await run(`INSERT INTO drug_recall_calls (recall_id, county_id, org_id, resident_id, outcome, note, staff_id, at)
    SELECT r.id, ${c}, l.org_id, l.resident_id, (ARRAY['reached', 'returned', 'unreachable', 'consumed'])[1 + (row_number() OVER (ORDER BY l.id))::int % 4],
      '电话告知召回', d.dispensed_by, r.started_at + interval '5 hours'
    FROM drug_recalls r JOIN stock_batches b ON b.county_id = r.county_id AND b.drug_id = r.drug_id AND b.batch_no = r.batch_no
    JOIN dispense_lines l ON l.batch_id = b.id JOIN dispenses d ON d.id = l.dispense_id
    WHERE r.county_id = ${c} AND l.id % 2 = 0`);

  // 缺药登记 in every state, at village clinics
  await run(`INSERT INTO drug_shortages (county_id, org_id, resident_id, drug_id, packs, client_id, status, note, created_by, created_at,
      sourcing_at, delivered_at, closed_at)
    SELECT ${c}, t.org_id, (SELECT r.id FROM px_res r WHERE r.org_id = t.org_id ORDER BY r.n LIMIT 1), dr.id, 1 + s.n % 3,
      md5('${o.seed}:short:' || s.n)::uuid, s.status, '患者需长期服用，村卫生室暂缺', t.staff, ${nowLit} - interval '10 days' + s.n * interval '1 hour',
      CASE WHEN s.status <> 'registered' THEN ${nowLit} - interval '8 days' END,
      CASE WHEN s.status IN ('delivered', 'collected', 'no_show') THEN ${nowLit} - interval '5 days' END,
      CASE WHEN s.status IN ('collected', 'no_show') THEN ${nowLit} - interval '2 days' END
    FROM (VALUES (0, 'registered'), (1, 'sourcing'), (2, 'delivered'), (3, 'collected'), (4, 'no_show'), (5, 'registered')) AS s(n, status)
    CROSS JOIN LATERAL (SELECT org_id, staff FROM px_dest WHERE lvl = 'village' ORDER BY org_id OFFSET s.n % 3 LIMIT 1) t
    CROSS JOIN LATERAL (SELECT id FROM drugs WHERE county_id = ${c} AND 'village' = ANY(levels) ORDER BY id OFFSET 7 * s.n LIMIT 1) dr`);

  // minimum and maximum stock for what each org is supplied with
  await run(`INSERT INTO stock_levels (county_id, org_id, drug_id, min_packs, max_packs)
    SELECT ${c}, org_id, drug_id, greatest(1, max(packs) / 2), max(packs) * 2 FROM px_plan GROUP BY org_id, drug_id`);
}
