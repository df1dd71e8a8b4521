import { formatDate, formatDateTime, formatMoney } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import type { SettlementDetail } from './settlement.api.ts';
import {
  CATEGORY,
  HOSP_LEVEL,
  INS_CLASS,
  LAYER,
  METHOD,
  PAYER_WORDS,
  PERSON_CAT,
  SCHEME,
  settleMessages,
  SEX,
  word,
} from './settlement.i18n.ts';

/** the five payers in the order of the chain, with their national field */
export const PAYER_ROWS = [
  ['basic', 'hifp_pay'],
  ['serious', 'hifmi_pay'],
  ['supplementary', 'hifob_pay'],
  ['assistance', 'maf_pay'],
  ['doudi', 'oth_pay'],
] as const;

/**
 * 结算单: the printed statement on A4 — the hospital, the patient (ID masked), the bill by
 * category and insurance class, each payer's layer with its derivation, and what the
 * patient paid (deposit applied, refunded, collected).
 */
export function SettlementStatement({ s }: { s: SettlementDetail }) {
  const t = useT(settleMessages);
  const lang = useLang();
  const f = (k: string) => s.fields[k] ?? 0;
  const byCategory = new Map<string, number>();
  for (const c of s.categories) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + c.amountFen);
  const byClass = new Map<string, number>();
  for (const c of s.categories) byClass.set(c.insuranceClass, (byClass.get(c.insuranceClass) ?? 0) + c.amountFen);
  return (
    <div className="oc-doc" data-testid="settlement-statement">
      <h1>
        {s.orgName} {s.setting === 'inpatient' ? t('statementTitle') : t('statementTitleOutpatient')}
      </h1>
      <div className="oc-doc-sub">
        <span>
          {t('statementNo')}：{s.settlementNo}
        </span>
        <span>
          {t('settledOn')}：{formatDate(s.settledOn)}
        </span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('resident')}</th>
            <td>{s.resident.name}</td>
            <th>{t('sex')}</th>
            <td>{word(SEX, s.resident.sex, lang)}</td>
            <th>{t('idNumber')}</th>
            <td>{s.resident.idNumberMasked}</td>
          </tr>
          <tr>
            <th>{t('scheme')}</th>
            <td>{word(SCHEME, s.scheme, lang)}</td>
            <th>{t('personCat')}</th>
            <td>
              {word(PERSON_CAT, s.personCat, lang)}
              {s.payLater ? `（${t('payLater')}）` : ''}
            </td>
            <th>{t('hospLevel')}</th>
            <td>{word(HOSP_LEVEL, s.hospLevel, lang)}</td>
          </tr>
          {s.setting === 'inpatient' ? (
            <tr>
              <th>{t('department')}</th>
              <td>{s.departmentName ?? '—'}</td>
              <th>{t('admittedAt')}</th>
              <td>{formatDateTime(s.admittedAt)}</td>
              <th>{t('dischargedAt')}</th>
              <td>
                {formatDateTime(s.dischargedAt)}（{t('los')} {s.lengthOfStayDays ?? '—'}）
              </td>
            </tr>
          ) : null}
          <tr>
            <th>{t('diagnosis')}</th>
            <td colSpan={5}>
              {s.diagnoses.map((d) => `${d.code} ${d.name}`).join('；') || '—'}
              {s.package ? ` · ${t('package')}：${s.package.code} ${s.package.name}` : ''}
            </td>
          </tr>
        </tbody>
      </table>
      <table>
        <tbody>
          <tr>
            {[...byCategory.entries()].map(([c]) => (
              <th key={c} style={{ width: 'auto', textAlign: 'center' }}>
                {word(CATEGORY, c, lang)}
              </th>
            ))}
            <th style={{ width: 'auto', textAlign: 'center' }}>{t('total')}</th>
          </tr>
          <tr>
            {[...byCategory.entries()].map(([c, v]) => (
              <td key={c} style={{ textAlign: 'right' }}>
                {formatMoney(v)}
              </td>
            ))}
            <td style={{ textAlign: 'right' }}>{formatMoney(f('medfee_sumamt'))}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <tbody>
          <tr>
            {['class_a', 'class_b', 'self_pay'].map((c) => (
              <th key={c}>{word(INS_CLASS, c, lang)}</th>
            ))}
            <th>{word(LAYER, 'deductible', lang)}</th>
            <th>{t('hospitalPart')}</th>
          </tr>
          <tr>
            {['class_a', 'class_b', 'self_pay'].map((c) => (
              <td key={c} style={{ textAlign: 'right' }}>
                {formatMoney(byClass.get(c) ?? 0)}
              </td>
            ))}
            <td style={{ textAlign: 'right' }}>{formatMoney(f('act_pay_dedc'))}</td>
            <td style={{ textAlign: 'right' }}>{formatMoney(f('hosp_part_amt'))}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <tbody>
          <tr>
            <th>{t('payer')}</th>
            <th style={{ width: '18%' }}>{t('amount')}</th>
            <th style={{ width: 'auto' }}>{t('note')}</th>
          </tr>
          {PAYER_ROWS.map(([payer, field]) => (
            <tr key={payer}>
              <td>{word(PAYER_WORDS, payer, lang)}</td>
              <td style={{ textAlign: 'right' }}>{formatMoney(f(field))}</td>
              <td>{s.lines.find((l) => l.layer === payer)?.note ?? ''}</td>
            </tr>
          ))}
          <tr>
            <td>
              <b>{t('patientPays')}</b>
            </td>
            <td style={{ textAlign: 'right' }}>
              <b data-testid="statement-patient">{formatMoney(f('psn_part_amt'))}</b>
            </td>
            <td>
              {t('applied')} {formatMoney(s.depositFen)}；{t('refund')} {formatMoney(s.refundFen)}；{t('collect')}{' '}
              {formatMoney(s.collectedFen)}
            </td>
          </tr>
          <tr>
            <td>{t('advance')}</td>
            <td style={{ textAlign: 'right' }}>{formatMoney(f('fund_pay_sumamt'))}</td>
            <td>
              {s.cash
                .map((c) => `${c.receiptNo} ${word(METHOD, c.method, lang)} ${formatMoney(c.amountFen)}`)
                .join('；')}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="oc-doc-note">
        {t('statementNote')}
        {s.policy ? ` · ${t('policyVersion')}：V${s.policy.versionNo} ${s.policy.title}` : ''}
        {s.policy?.demo ? `（${t('demoPolicy')}）` : ''}
      </p>
      <div className="oc-doc-sign">
        <span>
          {t('clerkSign')}：{s.confirmedBy ?? ''}
        </span>
        <span>{t('patientSign')}：</span>
      </div>
    </div>
  );
}
