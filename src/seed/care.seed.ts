import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';

/**
 * The group's price list (fen) for the charge catalogue of 0031_care_charges.sql, in force
 * from 2025-01-01 in Shanghai, with its source document; the 一单通 exams keep their catalogue
 * price. Every profile gets it (the HIS interface prices DFT lines from it).
 */
export const BASE_PRICES: Readonly<Record<string, number>> = {
  'REG-GEN': 1000,
  'REG-TCM': 1500,
  'DRG-AMLO': 1260,
  'DRG-NIFE': 1830,
  'DRG-METF': 980,
  'DRG-ASPI': 1350,
  'DRG-ATOR': 2470,
  'DRG-AMOX': 760,
  'DRG-CEFU': 1890,
  'DRG-IBUP': 1120,
  'DRG-OMEP': 860,
  'DRG-NS250': 320,
  'DRG-GS250': 350,
  'DRG-CEFT': 1560,
  'DRG-INSU': 5680,
  'DRG-LIANHUA': 2390,
  'DRG-TCMHERB': 3200,
  'DRG-DANSHEN': 2650,
  'CON-SYRINGE': 80,
  'CON-IVSET': 260,
  'CON-CATH': 3500,
  'CON-STENT': 79800,
  'CON-SUTURE': 4500,
  'CON-DRESS': 150,
  'TRT-IV': 600,
  'TRT-IM': 300,
  'TRT-DRESS': 1200,
  'TRT-ACUP': 2000,
  'TRT-MOXA': 2500,
  'TRT-TUINA': 3000,
  'TRT-CUPPING': 1500,
  'TRT-OXYGEN': 300,
  'OPR-APPEND': 120000,
  'OPR-CHOLE': 260000,
  'OPR-HERNIA': 150000,
  'OPR-CSEC': 180000,
  'OPR-PCI': 450000,
  'OPR-THR': 680000,
  'OPR-DEBRID': 30000,
  'BED-GEN': 3000,
  'BED-ICU': 18000,
  'NUR-1': 2600,
  'NUR-2': 1500,
  'NUR-3': 800,
  'OTH-HEAT': 500,
  'OTH-COPY': 50,
};
export const PRICE_SOURCE = '山西省医疗服务价格项目目录（2025版）及医共体统一价格表';
export const PRICES_FROM = '2025-01-01T00:00:00+08:00';

export async function seedPriceList(trx: Kdb, countyId: number): Promise<void> {
  await trx
    .insertInto('charge_prices')
    .values(
      Object.entries(BASE_PRICES).map(([code, fen]) => ({
        county_id: countyId,
        item_code: code,
        price_fen: fen,
        valid_from: new Date(PRICES_FROM),
        source_document: PRICE_SOURCE,
      })),
    )
    .execute();
  await sql`INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, source_document)
    SELECT ${countyId}, code, price_fen, ${PRICES_FROM}::timestamptz, '一单通检查检验统一价格' FROM exam_catalogue`.execute(
    trx,
  );
}
