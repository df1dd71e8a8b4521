import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import type { ExamOrder } from '../exam-order.schema.ts';
import { EXAM_CATEGORY, EXAM_STATUS, examRequestMessages } from './exam-orders.i18n.ts';
import { urgencyText } from './referrals.i18n.ts';

/** 检查申请单 (A4): what the patient carries to the performing hospital; in the language of the screen. */
export function ExamRequest({ order }: { order: ExamOrder }) {
  const t = useT(examRequestMessages);
  const lang = useLang();
  const pick = (pair: readonly [string, string]) => pair[lang === 'zh' ? 0 : 1];
  return (
    <div className="oc-doc" data-testid="exam-request">
      <h1>{t('title')}</h1>
      <div className="oc-doc-sub">
        <span>{t('sub')}</span>
        <span>{t('id', { id: order.id })}</span>
        <span>{t('createdAt', { at: formatDateTime(order.createdAt) })}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('patient')}</th>
            <td>{order.residentName ?? '—'}</td>
            <th>{t('urgency')}</th>
            <td>
              {urgencyText(order.urgency, lang)}
              {order.priority ? t('priority') : ''}
            </td>
          </tr>
          <tr>
            <th>{t('item')}</th>
            <td>{t('itemLine', { name: order.itemName, code: order.itemCode })}</td>
            <th>{t('category')}</th>
            <td>{pick(EXAM_CATEGORY[order.category])}</td>
          </tr>
          <tr>
            <th>{t('price')}</th>
            <td>{formatMoney(order.priceFen)}</td>
            <th>{t('recognised')}</th>
            <td>{order.recognised ? t('yes') : t('no')}</td>
          </tr>
          <tr>
            <th>{t('orderingOrg')}</th>
            <td>{order.orderingOrg.name}</td>
            <th>{t('orderingDoctor')}</th>
            <td>{order.orderingStaffName}</td>
          </tr>
          <tr>
            <th>{t('performingOrg')}</th>
            <td>{order.performingOrg.name}</td>
            <th>{t('scheduledAt')}</th>
            <td>{order.scheduledAt ? formatDateTime(order.scheduledAt) : t('notScheduled')}</td>
          </tr>
          <tr>
            <th>{t('clinicalNote')}</th>
            <td colSpan={3}>{order.clinicalNote ?? '—'}</td>
          </tr>
          {order.referralId ? (
            <tr>
              <th>{t('referral')}</th>
              <td colSpan={3}>{order.referralId}</td>
            </tr>
          ) : null}
          <tr>
            <th>{t('status')}</th>
            <td colSpan={3}>{pick(EXAM_STATUS[order.status])}</td>
          </tr>
        </tbody>
      </table>
      <p className="oc-doc-note">{t('note')}</p>
      <div className="oc-doc-sign">
        <span>{t('signDoctor')}</span>
        <span>{t('signDept')}</span>
        <span>{t('signDate')}</span>
      </div>
    </div>
  );
}
