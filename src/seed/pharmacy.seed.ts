import { sql } from 'kysely';
import { addDays, shanghaiDate } from '../platform/calendar.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { pinyinInitials } from '../pharmacy/catalogue.core.ts';
import { PRICES_FROM, PRICE_SOURCE } from './care.seed.ts';
import { CONSUMABLES, GENERICS, LEGACY_ITEMS, MANUFACTURERS, SUPPLIERS } from './pharmacy-catalogue.data.ts';
import { seedStock } from './pharmacy-stock.seed.ts';

export interface PharmacySeedOptions {
  countyId: number;
  seed: number;
  now: Date;
  scale: 'demo' | 'jiexiu';
}

/** a small deterministic hash of the seed and a key, in [0, 1) */
function h(seed: number, key: string): number {
  let x = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) x = Math.imul(x ^ key.charCodeAt(i), 16777619);
  return ((x >>> 0) % 1_000_003) / 1_000_003;
}
const CLASS = { a: 'class_a', b: 'class_b', s: 'self_pay' } as const;
const LEVELS = { c: 'county', t: 'township', v: 'village' } as const;
const levelsOf = (s: string) => [...s].map((ch) => LEVELS[ch as keyof typeof LEVELS]);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

interface Item {
  kind: 'drug' | 'consumable';
  yb_code: string;
  charge_code: string;
  generic_name: string;
  brand_name: string | null;
  dosage_form: string;
  spec: string;
  pack_unit: string;
  min_unit: string;
  pack_qty: number;
  split_allowed: boolean;
  manufacturer: string;
  approval_no: string | null;
  insurance_class: 'class_a' | 'class_b' | 'self_pay';
  self_pay_bp: number;
  essential: boolean;
  vbp: boolean;
  levels: Array<'county' | 'township' | 'village'>;
  supplier: number;
  price: number;
}

/** The demo catalogue: every generic from 3–5 manufacturers, consumables from 2, and the old charge items. */
export function demoCatalogue(seed: number): Item[] {
  const items: Item[] = [];
  GENERICS.forEach(([name, atc, form, spec, qty, min, unit, cls, bp, essential, vbp, levels, price], g) => {
    const tcm = atc.startsWith('Z');
    const makers = 3 + Math.floor(h(seed, `makers:${g}`) * 3);
    for (let m = 0; m < makers; m++) {
      const mi = Math.floor(h(seed, `maker:${g}:${m}`) * MANUFACTURERS.length);
      const maker = MANUFACTURERS[(mi + m * 5) % MANUFACTURERS.length];
      // 国家医保药品代码 layout: X/Z + 分类 (5) + A + 品种 (3) + A + 剂型规格 (3) + 企业 (4) + 流水 (5) = 23
      const code = `${tcm ? 'Z' : 'X'}${tcm ? atc.slice(1) + 'A' : atc}A${pad(g + 1, 3)}A${pad(m + 1, 3)}${pad(((mi + m * 5) % MANUFACTURERS.length) + 1, 4)}${pad(g * 10 + m, 5)}`;
      const factor = vbp && m === 0 ? 0.55 : 0.85 + h(seed, `price:${g}:${m}`) * 0.5;
      items.push({
        kind: 'drug',
        yb_code: code.slice(0, 23),
        charge_code: code.slice(0, 23),
        generic_name: name,
        brand_name: null,
        dosage_form: form,
        spec,
        pack_unit: unit,
        min_unit: min,
        pack_qty: qty,
        split_allowed: qty >= 20 && form !== '注射剂',
        manufacturer: maker,
        approval_no: `国药准字${tcm ? 'Z' : 'H'}${tcm ? 1 : 2}${pad(Math.floor(h(seed, `approval:${g}:${m}`) * 10_000_000), 7)}`,
        insurance_class: CLASS[cls],
        self_pay_bp: bp,
        essential,
        vbp: vbp && m === 0,
        levels: levelsOf(levels),
        supplier: (g + m) % SUPPLIERS.length,
        price: Math.max(100, Math.round((price * factor) / 10) * 10),
      });
    }
  });
  CONSUMABLES.forEach(([name, cat, spec, unit, min, qty, cls, bp, levels, price], k) => {
    for (let m = 0; m < 2; m++) {
      const mi = (k * 3 + m * 7) % MANUFACTURERS.length;
      // 医保医用耗材代码: C + 类目 (4) + 品种 (4) + 企业 (4) + 流水 (7) = 20
      const code = `C${cat}${pad(k + 1, 4)}${pad(mi + 1, 4)}${pad(k * 10 + m, 7)}`;
      items.push({
        kind: 'consumable',
        yb_code: code,
        charge_code: code,
        generic_name: name,
        brand_name: null,
        dosage_form: '耗材',
        spec,
        pack_unit: unit,
        min_unit: min,
        pack_qty: qty,
        split_allowed: qty > 1,
        manufacturer: m === 0 ? '山东威高集团医用高分子制品股份有限公司' : '江西洪达医疗器械集团有限公司',
        approval_no: `国械注准2021${pad(3140000 + k * 10 + m, 8)}`,
        insurance_class: CLASS[cls],
        self_pay_bp: bp,
        essential: false,
        vbp: cat === '0701',
        levels: levelsOf(levels),
        supplier: (k + m) % SUPPLIERS.length,
        price: Math.round(price * (0.9 + m * 0.15)),
      });
    }
  });
  return items;
}

/**
 * Demo data for issue 14: suppliers, the county catalogue (a few hundred drugs and
 * consumables, the old charge items among them so old prescriptions stay dispensable),
 * prices with a history and planned changes, then a year of stock (pharmacy-stock.seed.ts).
 */
export async function seedPharmacy(db: Kdb, opts: PharmacySeedOptions): Promise<void> {
  const orgs = await db.selectFrom('orgs').select('id').where('county_id', '=', opts.countyId).execute();
  await withScope(db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    await sql`SET LOCAL jit = off`.execute(trx);
    const county = opts.countyId;
    const suppliers = await trx
      .insertInto('drug_suppliers')
      .values(
        SUPPLIERS.map((s) => ({
          county_id: county,
          name: s.name,
          credit_code: s.credit,
          contact: s.contact,
          phone: s.phone,
        })),
      )
      .returning('id')
      .execute();
    const items = demoCatalogue(opts.seed);
    await trx
      .insertInto('charge_items')
      .values(
        items.map((i) => ({
          code: i.charge_code,
          name: i.generic_name,
          category: i.kind,
          insurance_class: i.insurance_class,
          self_pay_bp: i.self_pay_bp,
          unit: i.pack_unit,
          spec: i.spec,
          tcm: i.yb_code.startsWith('Z'),
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const now = opts.now;
    await trx
      .insertInto('drugs')
      .values(
        items.map(({ supplier, price: _price, ...i }) => ({
          ...i,
          county_id: county,
          pinyin: pinyinInitials(i.generic_name),
          supplier_id: suppliers[supplier].id,
          updated_at: now,
        })),
      )
      .execute();
    // the old charge items (billed by visits since 2025) join the catalogue under their own code
    const legacy = LEGACY_ITEMS.map((l, k) => {
      const consumable = l.code.startsWith('CON-');
      const tcm = l.atc.startsWith('Z');
      const yb = consumable
        ? `C${l.atc}9${pad(k, 3)}0001${pad(k, 7)}`
        : `${tcm ? 'Z' : 'X'}${tcm ? l.atc.slice(1) + 'A' : l.atc}A9${pad(k, 2)}A001000100${pad(k, 3)}`;
      return `(${[yb, l.code, l.generic, l.form, l.spec, l.min, String(l.packQty)].map((v) => `'${v}'`).join(', ')}, ${k})`;
    });
    await sql
      .raw(
        `
      INSERT INTO drugs (county_id, kind, yb_code, charge_code, generic_name, pinyin, dosage_form, spec, pack_unit, min_unit,
        pack_qty, split_allowed, manufacturer, approval_no, insurance_class, self_pay_bp, essential, vbp, levels, supplier_id, updated_at)
      SELECT ${county}, ci.category, l.yb, l.code, l.generic, '', l.form, l.spec, left(ci.unit, 4), l.min, l.qty::int,
        l.qty::int >= 20, CASE WHEN ci.category = 'consumable' THEN '山东威高集团医用高分子制品股份有限公司' ELSE '${MANUFACTURERS[0]}' END,
        CASE WHEN ci.category = 'drug' THEN '国药准字H2' || lpad((1000000 + l.k * 7919)::text, 7, '0') END,
        ci.insurance_class, ci.self_pay_bp, ci.category = 'drug', false, ARRAY['county', 'township', 'village'],
        ${suppliers[0].id} + l.k % ${suppliers.length}, '${now.toISOString()}'
      FROM (VALUES ${legacy.join(', ')}) AS l(yb, code, generic, form, spec, min, qty, k)
      JOIN charge_items ci ON ci.code = l.code`,
      )
      .execute(trx);
    for (const l of LEGACY_ITEMS)
      await trx
        .updateTable('drugs')
        .set({ pinyin: pinyinInitials(l.generic) })
        .where('county_id', '=', county)
        .where('charge_code', '=', l.code)
        .execute();
    // prices: from the price list's start; one item in eight changed four months ago (集采 cut,
    // 晋医保 document), three planned from tomorrow 00:00
    const changed = sql.raw(`'${addDays(shanghaiDate(now), -120)}T00:00:00+08:00'`);
    const planned = sql.raw(`'${addDays(shanghaiDate(now), 1)}T00:00:00+08:00'`);
    const values = items.map((i, n) => `('${i.charge_code}', ${i.price}, ${n})`).join(', ');
    await sql`
      INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, valid_to, source_document)
      SELECT ${county}, v.code, CASE WHEN v.n % 8 = 3 THEN round(v.price * 1.15)::int ELSE v.price END, ${PRICES_FROM}::timestamptz,
        CASE WHEN v.n % 8 = 3 THEN ${changed}::timestamptz END, ${PRICE_SOURCE}
      FROM (VALUES ${sql.raw(values)}) AS v(code, price, n)`.execute(trx);
    await sql`
      INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, source_document)
      SELECT ${county}, v.code, v.price, ${changed}::timestamptz, '晋医保〔2026〕12号 关于执行国家组织药品集中带量采购中选结果的通知'
      FROM (VALUES ${sql.raw(values)}) AS v(code, price, n) WHERE v.n % 8 = 3`.execute(trx);
    await sql`
      WITH p AS (
        UPDATE charge_prices SET valid_to = ${planned}::timestamptz
        WHERE county_id = ${county} AND valid_to IS NULL AND item_code IN (
          SELECT charge_code FROM drugs WHERE county_id = ${county} AND vbp ORDER BY id LIMIT 3)
        RETURNING item_code, price_fen)
      INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, source_document)
      SELECT ${county}, item_code, round(price_fen * 0.92)::int, ${planned}::timestamptz, '晋医保〔2026〕31号 第十批集采中选药品价格调整'
      FROM p`.execute(trx);
    await seedStock(trx, { county, seed: opts.seed, now, scale: opts.scale });
  });
}
