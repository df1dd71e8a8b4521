import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '../platform/list.ts';
import { createTestEnv, readXlsx, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { IMPORT_COLUMNS } from './catalogue-import.service.ts';
import { priceInForce } from './price.service.ts';

/**
 * 一个目录、同价 (issue 14): catalogue validation, the spreadsheet import (xlsx and a GB18030
 * CSV with bad rows, idempotent), and the one price switching at midnight Asia/Shanghai for
 * the whole county with an injected clock.
 */
let env: TestEnv;
let clock = new Date('2026-06-30T10:00:00+08:00');
let pharmacist: Client;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  pharmacist = await env.login('pharmacist');
});
afterAll(async () => {
  await env?.close();
});

const item = (over: Record<string, unknown> = {}) => ({
  kind: 'drug',
  ybCode: 'XC08CAA001A001010100001',
  genericName: '苯磺酸氨氯地平片',
  brandName: '络活喜',
  dosageForm: '片剂',
  spec: '5mg',
  packUnit: '盒',
  minUnit: '片',
  packQty: 28,
  splitAllowed: true,
  manufacturer: '辉瑞制药有限公司',
  approvalNo: '国药准字H10950224',
  insuranceClass: 'class_a',
  selfPayBp: 0,
  essential: true,
  vbp: true,
  levels: ['county', 'township', 'village'],
  ...over,
});

describe('catalogue', () => {
  it('validates the 医保 code, the 乙类 ratio and the levels, in Chinese', async () => {
    const short = await pharmacist.post('/api/pharmacy/catalogue', { item: item({ ybCode: 'XC08CAA001' }) });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('23 位');
    const ratio = await pharmacist.post('/api/pharmacy/catalogue', { item: item({ selfPayBp: 1000 }) });
    expect(ratio.statusCode).toBe(400);
    expect(ratio.body).toContain('只有乙类');
    const noRatio = await pharmacist.post('/api/pharmacy/catalogue', { item: item({ insuranceClass: 'class_b' }) });
    expect(noRatio.body).toContain('先行自付比例');
    const levels = await pharmacist.post('/api/pharmacy/catalogue', { item: item({ levels: [] }) });
    expect(levels.body).toContain('层级');
    const consumable = await pharmacist.post('/api/pharmacy/catalogue', {
      item: item({ kind: 'consumable', ybCode: 'XC08CAA001A001010100001' }),
    });
    expect(consumable.body).toContain('C 开头');
  });

  it('creates an item with pinyin initials and a first price, finds it by pinyin, edits it; a village doctor only reads', async () => {
    const res = await pharmacist.post('/api/pharmacy/catalogue', {
      item: item(),
      priceFen: 1000,
      sourceDocument: '晋医保〔2026〕3号',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ pinyin: 'bhsaldpp lhx', chargeCode: 'XC08CAA001A001010100001', priceFen: 1000 });
    const dup = await pharmacist.post('/api/pharmacy/catalogue', { item: item() });
    expect(dup.json().code).toBe('DRUG_EXISTS');
    const found = (await pharmacist.get('/api/pharmacy/catalogue?q=aldp&essential=true')).json();
    expect(found.items.map((i: { ybCode: string }) => i.ybCode)).toContain('XC08CAA001A001010100001');
    const id = res.json().id as number;
    const edit = await pharmacist.put(
      `/api/pharmacy/catalogue/${id}`,
      item({ insuranceClass: 'class_b', selfPayBp: 500 }),
    );
    expect(edit.json()).toMatchObject({ outcome: 'updated', insuranceClass: 'class_b', selfPayBp: 500 });
    const ci = await env.asOwner(
      `SELECT insurance_class, self_pay_bp, unit FROM charge_items WHERE code = 'XC08CAA001A001010100001'`,
    );
    expect(ci[0]).toMatchObject({ insurance_class: 'class_b', self_pay_bp: 500, unit: '盒' });
    const village = await env.login('village.doctor');
    expect((await village.get('/api/pharmacy/catalogue')).statusCode).toBe(200);
    expect((await village.get(`/api/pharmacy/catalogue/${id}/prices`)).statusCode).toBe(200);
    expect(
      (await village.post('/api/pharmacy/catalogue', { item: item({ ybCode: 'XC08CAA001A001010100009' }) })).statusCode,
    ).toBe(403);
    expect(
      (
        await village.post(`/api/pharmacy/catalogue/${id}/prices`, {
          priceFen: 1,
          effectiveDate: '2026-08-01',
          sourceDocument: '文件',
        })
      ).statusCode,
    ).toBe(403);
    const xlsx = await pharmacist.get('/api/pharmacy/catalogue/export?q=aldp');
    expect(xlsx.statusCode).toBe(200);
    expect(readXlsx(xlsx.rawPayload)[1]).toContain('苯磺酸氨氯地平片');
  });
});

describe('who keeps the catalogue', () => {
  it('a pharmacist outside the central pharmacy reads it but may not change it', async () => {
    const [s] = await env.asOwner(`SELECT central_org_id FROM pharmacy_settings WHERE county_id = ${env.countyId}`);
    // move the central pharmacy elsewhere for a moment: the people's hospital pharmacist is then an outsider
    await env.asOwner(`UPDATE pharmacy_settings SET central_org_id = (SELECT min(id) FROM orgs
      WHERE county_id = ${env.countyId} AND kind = 'township_center') WHERE county_id = ${env.countyId}`);
    try {
      expect((await pharmacist.get('/api/pharmacy/catalogue')).statusCode).toBe(200);
      const res = await pharmacist.post('/api/pharmacy/catalogue', {
        item: item({ ybCode: 'XC08CAA001A001010100077' }),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('中心药房');
      const admin = await env.login('admin');
      expect((await admin.get('/api/pharmacy/suppliers')).statusCode).toBe(200);
    } finally {
      await env.asOwner(
        `UPDATE pharmacy_settings SET central_org_id = ${Number(s.central_org_id)} WHERE county_id = ${env.countyId}`,
      );
    }
  });
});

describe('one price', () => {
  it('switches at 00:00 Shanghai for the whole county; the line before midnight keeps its price', async () => {
    const id = (await pharmacist.get('/api/pharmacy/catalogue?q=XC08CAA001A001010100001')).json().items[0].id as number;
    const code = 'XC08CAA001A001010100001';
    const lastSecond = new Date('2026-06-30T23:59:59.999+08:00');
    const midnight = new Date('2026-07-01T00:00:00+08:00');
    // a line written before the change took the price in force then
    const before = await priceInForce(env.db, env.countyId, code, lastSecond);
    expect(before).toMatchObject({ unitPriceFen: 1000 });
    const past = await pharmacist.post(`/api/pharmacy/catalogue/${id}/prices`, {
      priceFen: 1200,
      effectiveDate: '2026-06-30',
      sourceDocument: '晋医保〔2026〕12号',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().code).toBe('PRICE_IN_PAST');
    const change = await pharmacist.post(`/api/pharmacy/catalogue/${id}/prices`, {
      priceFen: 1200,
      effectiveDate: '2026-07-01',
      sourceDocument: '晋医保〔2026〕12号',
    });
    expect(change.statusCode, change.body).toBe(200);
    expect(change.json()).toMatchObject({ outcome: 'created', validFrom: midnight.toISOString() });
    const again = await pharmacist.post(`/api/pharmacy/catalogue/${id}/prices`, {
      priceFen: 1200,
      effectiveDate: '2026-07-01',
      sourceDocument: '晋医保〔2026〕12号',
    });
    expect(again.json().outcome).toBe('unchanged');

    expect(await priceInForce(env.db, env.countyId, code, lastSecond)).toEqual(before);
    const after = await priceInForce(env.db, env.countyId, code, midnight);
    expect(after?.unitPriceFen).toBe(1200);
    expect(after?.priceId).not.toBe(before?.priceId);
    clock = new Date('2026-07-01T00:00:00.001+08:00');
    const history = (await pharmacist.get(`/api/pharmacy/catalogue/${id}/prices`)).json();
    expect(history.items).toMatchObject([
      { priceFen: 1200, state: 'current', validFrom: midnight.toISOString(), validTo: null },
      { id: before?.priceId, priceFen: 1000, state: 'ended', validTo: midnight.toISOString() },
    ]);
    expect((await pharmacist.get(`/api/pharmacy/catalogue/${id}`)).json().priceFen).toBe(1200);
  });
});

const header = IMPORT_COLUMNS.map((c) => c.header);
const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
const good = (code: string, name: string, extra: Record<string, string> = {}) =>
  row({
    类别: '药品',
    医保编码: code,
    通用名: name,
    剂型: '片剂',
    规格: '0.5g',
    包装单位: '盒',
    最小单位: '片',
    包装数量: '48',
    可拆零: '是',
    生产企业: '中美上海施贵宝制药有限公司',
    批准文号: '国药准字H20023370',
    医保类别: '甲类',
    基药: '是',
    集采: '否',
    可配备层级: '县/乡/村',
    '价格(元)': '9.80',
    价格依据文件: '晋医保〔2026〕12号',
    ...extra,
  });

describe('import', () => {
  it('a GB18030 CSV with bad rows: good rows applied, each bad row reported; the same file again changes nothing', async () => {
    const iconv = (await import('iconv-lite')).default;
    const lines = [
      header,
      good('XA10BAA001A001010100001', '盐酸二甲双胍片'),
      good('XA10BAA001A0010101', '格列齐德片'),
      good('XC10AAA001A001010100001', '阿托伐他汀钙片', { 医保类别: '乙类', '乙类自付比例(%)': '10' }),
      good('XA10BAA001A001010100001', '盐酸二甲双胍片（重复）'),
      good('XB01ACA001A001010100001', '阿司匹林肠溶片', { 医保类别: '甲类', '乙类自付比例(%)': '10' }),
      good('XJ01CAA001A001010100001', '阿莫西林胶囊', { 配送企业: '不存在的医药公司' }),
      good('XN02BAA001A001010100001', '对乙酰氨基酚片', { 包装数量: '十' }),
      good('CA0101010101010101010', '一次性注射器', { 类别: '耗材' }),
      good('C0101010101010101010', '一次性使用输液器, 带针', {
        类别: '耗材',
        剂型: '输液器',
        最小单位: '套',
        包装数量: '1',
      }),
    ].map((cells) => cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','));
    const file = iconv.encode(lines.join('\r\n'), 'gb18030');
    expect(file.toString('utf8')).toContain('\uFFFD');
    const body = { fileName: '目录.csv', contentBase64: file.toString('base64') };
    const res = await pharmacist.post('/api/pharmacy/catalogue/import', body);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ rowsTotal: 9, created: 3, rejected: 6, nothingChanged: false });
    const byRow = new Map(r.rows.map((x: { row: number }) => [x.row, x]));
    expect(byRow.get(2)).toMatchObject({ outcome: 'created', price: 'created' });
    expect(byRow.get(3)).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('23 位') });
    expect(byRow.get(4)).toMatchObject({ outcome: 'created' });
    expect(byRow.get(5)).toMatchObject({ outcome: 'rejected', reason: '与第 2 行医保编码重复' });
    expect(byRow.get(6)).toMatchObject({ outcome: 'rejected', reason: '只有乙类品种才有先行自付比例' });
    expect(byRow.get(7)).toMatchObject({ reason: expect.stringContaining('配送企业') });
    expect(byRow.get(8)).toMatchObject({ reason: expect.stringContaining('包装数量') });
    expect(byRow.get(9)).toMatchObject({ reason: expect.stringContaining('20 位') });
    expect(byRow.get(10)).toMatchObject({ outcome: 'created', name: '一次性使用输液器, 带针' });
    const metformin = await env.asOwner(
      `SELECT d.pinyin, p.price_fen FROM drugs d JOIN charge_prices p ON p.item_code = d.charge_code WHERE d.yb_code = 'XA10BAA001A001010100001'`,
    );
    expect(metformin).toEqual([{ pinyin: 'ysejsgp', price_fen: 980 }]);

    const again = (await pharmacist.post('/api/pharmacy/catalogue/import', body)).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 6, nothingChanged: true });
    expect(again.sameFileAs).toMatchObject({ importId: r.importId });
    expect(
      (await env.asOwner(`SELECT count(*)::int AS n FROM charge_prices WHERE item_code = 'XA10BAA001A001010100001'`))[0]
        .n,
    ).toBe(1);
  });

  it('an .xlsx (the template layout): creates, updates one field, schedules a dated price', async () => {
    const template = await pharmacist.get('/api/pharmacy/catalogue/import/template');
    expect(readXlsx(template.rawPayload)[0]).toEqual(header);
    const rows = [
      good('XA10BAA001A001010100001', '盐酸二甲双胍片', { 集采: '是', '价格(元)': '8.50', 价格生效日期: '2026-08-01' }),
      good('XR05CBA001A001010100001', '氨溴索片', { 医保类别: '乙类', '乙类自付比例(%)': '5' }),
    ];
    const file = await toXlsx(
      rows,
      header.map((h, i) => ({ header: h, value: (r: string[]) => r[i] })),
      'x',
    );
    const res = await pharmacist.post('/api/pharmacy/catalogue/import', {
      fileName: 'catalogue.xlsx',
      contentBase64: file.body.toString('base64'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, updated: 1, rejected: 0 });
    const prices = await env.asOwner(
      `SELECT price_fen, valid_from FROM charge_prices WHERE item_code = 'XA10BAA001A001010100001' ORDER BY valid_from`,
    );
    expect(prices.map((p) => p.price_fen)).toEqual([980, 850]);
    expect(new Date(String(prices[1].valid_from)).toISOString()).toBe('2026-07-31T16:00:00.000Z');
    const village = await env.login('village.doctor');
    expect(
      (await village.post('/api/pharmacy/catalogue/import', { fileName: 'a.csv', contentBase64: 'YQ==' })).statusCode,
    ).toBe(403);
  });
});
