import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chromiumStatus, dialog, login, openFromMenu, shot } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 14 journey (catalogue and one price): the central pharmacist imports a GB18030 CSV on
 * 药品目录 and reads the row report (one bad row rejected with its reason), adds an item through
 * the 新增品种 form; then on a 375 px
 * phone finds an item by its pinyin initials, opens it and schedules a price change from
 * tomorrow 00:00, which the price history shows as planned.
 */
const status = chromiumStatus();

const HEADER =
  '类别,医保编码,通用名,剂型,规格,包装单位,最小单位,包装数量,可拆零,生产企业,医保类别,基药,集采,可配备层级,价格(元)';
const CSV = [
  HEADER,
  '药品,XA10BAA001A001010109901,盐酸二甲双胍片,片剂,0.5g,盒,片,48,是,中美上海施贵宝制药有限公司,甲类,是,是,县/乡/村,9.80',
  '药品,XC08CAA001A001010109902,苯磺酸氨氯地平片,片剂,5mg,盒,片,28,是,辉瑞制药有限公司,甲类,是,是,县/乡/村,12.60',
  '药品,XB01AC,阿司匹林肠溶片,肠溶片,100mg,盒,片,30,是,拜耳医药保健有限公司,甲类,是,否,县/乡/村,15.80',
].join('\r\n');

describe.runIf(status.available)('drug catalogue in the browser', () => {
  const journey = useJourney();

  it('imports a GB18030 CSV with a row report, adds an item, then schedules a price change on the phone', async () => {
    const { page } = await journey.newPage(1280, 900);
    await login(page, journey.url(), 'pharmacist');
    await openFromMenu(page, '药品目录');
    await page.getByRole('button', { name: '导入目录' }).click();
    const imp = dialog(page, '导入目录');
    await imp.locator('input[type=file]').setInputFiles({
      name: '目录.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(CSV, 'gb18030'),
    });
    await imp.getByText('共 3 行：新增 2，更新 0，未变 0，拒绝 1').waitFor();
    await expect(imp.getByText(/23 位/).first().isVisible()).resolves.toBe(true);
    await shot(page, 'catalogue-import');

    await imp
      .getByRole('button', { name: 'Close' })
      .click()
      .catch(() => page.keyboard.press('Escape'));
    await page.getByRole('button', { name: '新增品种' }).click();
    const form = dialog(page, '新增品种');
    await form.getByLabel('医保编码', { exact: true }).fill('XR05CBA001A001010109903');
    await form.getByLabel('通用名', { exact: true }).fill('盐酸氨溴索片');
    await form.getByLabel('剂型', { exact: true }).fill('片剂');
    await form.getByLabel('规格', { exact: true }).fill('30mg');
    await form.getByLabel('包装单位', { exact: true }).fill('盒');
    await form.getByLabel('最小单位', { exact: true }).fill('片');
    await form.getByLabel('包装数量（最小单位/包装）', { exact: true }).fill('20');
    await form.getByLabel('生产企业', { exact: true }).fill('山西太行药业股份有限公司');
    await form.getByRole('button', { name: '新增品种' }).click();
    await page.getByText('已保存').waitFor();
    await page.locator('[data-yb-code="XR05CBA001A001010109903"]').waitFor();

    const phone = (await journey.newPage(375, 812, true)).page;
    await login(phone, journey.url(), 'pharmacist');
    await phone.goto(`${journey.url()}/pharmacy/catalogue?q=ysejsgp`);
    const card = phone.locator('[data-yb-code="XA10BAA001A001010109901"]');
    await card.waitFor();
    await card.click();
    const drawer = dialog(phone, '盐酸二甲双胍片');
    await drawer.getByText('执行中').waitFor();
    await drawer.getByRole('button', { name: '调价' }).click();
    const change = dialog(phone, '调价');
    await change.getByLabel('新价格（元/包装单位）').fill('8.5');
    await change.getByLabel('调价依据文件').fill('晋医保〔2026〕12号');
    await change.getByRole('button', { name: '调价' }).click();
    await drawer.getByText('待执行').waitFor();
    await drawer.getByText('晋医保〔2026〕12号').waitFor();
    await shot(phone, 'catalogue-price-phone');
    expect(journey.errors()).toEqual([]);
  }, 180_000);
});
