import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { FigureDef, FigureRecords } from './figures.defs.ts';

/**
 * The care figures read only db/views: the indicator views for the numbers,
 * indicator_org_township_v01 for townships, care_figure_records_v01 for the records behind a
 * cell. The caller's scope decides which orgs count (orgIds, never empty).
 */
export interface Cells {
  countyId: number;
  /** YYYY-MM, both included */
  from: string;
  to: string;
  orgIds: readonly number[];
}

export interface CellRow {
  month: string;
  org_id: number;
  numerator: number;
  denominator: number;
}

const raw = (fragment: string) => sql.raw(fragment);

const rowsOf = (def: FigureDef, c: Cells, view = def.view) =>
  sql`FROM ${sql.table(view)} v
    WHERE v.county_id = ${c.countyId} AND v.month BETWEEN ${c.from} AND ${c.to}
      AND ${raw(`v.${def.place}`)} = ANY(${[...c.orgIds]}::int[]) AND ${raw(def.where)}`;

/** numerator and denominator per month and org */
export async function cells(db: Kdb, def: FigureDef, c: Cells): Promise<CellRow[]> {
  const { rows } = await sql<CellRow>`
    SELECT v.month, ${raw(`v.${def.place}`)} AS org_id,
           ${raw(def.numerator)} AS numerator, ${raw(def.denominator)} AS denominator
    ${rowsOf(def, c)}
    GROUP BY 1, 2`.execute(db);
  return rows.map((r) => ({ ...r, numerator: Number(r.numerator ?? 0), denominator: Number(r.denominator ?? 0) }));
}

export interface OrgTownship {
  org_id: number;
  org_name: string;
  township_id: number | null;
  township_name: string | null;
}

export async function orgTownships(db: Kdb, countyId: number): Promise<OrgTownship[]> {
  const { rows } = await sql<OrgTownship>`
    SELECT org_id, org_name, township_id, township_name FROM indicator_org_township_v01
    WHERE county_id = ${countyId} ORDER BY org_id`.execute(db);
  return rows;
}

export interface RecordRow {
  source: string;
  id: number;
  org_id: number;
  org_name: string | null;
  at: Date;
  resident_name: string | null;
  detail: string | null;
  amount: number;
}

/**
 * The records one cell counted (its numerator's or its denominator's), as a query the list kit
 * pages and exports: ordered by time, then source and id, so pages never overlap.
 */
export function records(db: Kdb, def: FigureDef, r: FigureRecords, c: Cells, part: 'numerator' | 'denominator') {
  const counted = sql`
    SELECT ${raw(r.source)} AS source, ${raw(r.id)} AS source_id, (${raw(r.amount)})::float8 AS amount
    ${rowsOf(def, c, r.view)} AND ${raw(part === 'numerator' ? r.numeratorRows : 'true')}`;
  const joined = sql<RecordRow>`(
    SELECT x.source, x.source_id AS id, x.org_id, t.org_name, x.at, x.resident_name, x.detail, f.amount
    FROM (${counted}) f
    JOIN care_figure_records_v01 x ON x.source = f.source AND x.source_id = f.source_id
    LEFT JOIN indicator_org_township_v01 t ON t.org_id = x.org_id)`;
  return db.selectFrom(joined.as('rec')).selectAll().orderBy('rec.at').orderBy('rec.source').orderBy('rec.id');
}
