import { formatDate, formatDateTime } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import type { CarePlan, ReferralDetail } from '../referral.schema.ts';
import { referralSlipMessages, referralStatusText, referralWords, urgencyText } from './referrals.i18n.ts';

/**
 * 双向转诊单 (A4), the paper the patient carries: who sends whom where and why, the clinical
 * summary, consent and signatures. Identifiers appear masked, as on screen. It prints in the
 * language of the screen (Chinese unless the user switched to English).
 */
export function ReferralSlip({ referral: r }: { referral: ReferralDetail }) {
  const t = useT(referralSlipMessages);
  const w = useT(referralWords);
  const lang = useLang();
  const summary = (r.summary ?? {}) as { vitals?: Record<string, number>; history?: string; medications?: string };
  const v = summary.vitals ?? {};
  const vitals =
    [
      v.sbp && t('bloodPressure', { sbp: v.sbp, dbp: v.dbp ?? '-' }),
      v.heartRate && t('heartRate', { v: v.heartRate }),
      v.temperature && t('temperature', { v: v.temperature }),
      v.spo2 && t('spo2', { v: v.spo2 }),
    ]
      .filter(Boolean)
      .join(t('listSeparator')) || '—';
  const plan = r.carePlan as CarePlan | null;
  const direction = r.direction === 'up' ? (r.outOfCounty ? w('upOutOfCounty') : w('up')) : w('down');
  return (
    <div className="oc-doc" data-testid="referral-slip">
      <h1>{t('title', { direction })}</h1>
      <div className="oc-doc-sub">
        <span>{t('id', { id: r.id })}</span>
        <span>{t('status', { status: referralStatusText(r.status, lang) })}</span>
        <span>{t('issuedAt', { at: formatDateTime(r.submittedAt ?? r.createdAt) })}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('name')}</th>
            <td>{r.resident.name}</td>
            <th>{t('sexAge')}</th>
            <td>{t('sexAgeValue', { sex: r.resident.sex === 'M' ? t('male') : t('female'), age: r.resident.age })}</td>
          </tr>
          <tr>
            <th>{t('idNumber')}</th>
            <td>{r.resident.idNumber}</td>
            <th>{t('mobile')}</th>
            <td>{r.resident.mobile ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('birthDate')}</th>
            <td>{formatDate(r.resident.birthDate)}</td>
            <th>{t('village')}</th>
            <td>{r.resident.village ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('fromOrg')}</th>
            <td>{r.fromOrg.name}</td>
            <th>{t('fromStaff')}</th>
            <td>{r.fromStaff.name}</td>
          </tr>
          <tr>
            <th>{t('toOrg')}</th>
            <td>{r.toOrg.name}</td>
            <th>{t('toDepartment')}</th>
            <td>{r.toDepartment?.name ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('urgency')}</th>
            <td>
              {urgencyText(r.urgency, lang)}
              {r.priority ? t('priority') : ''}
            </td>
            <th>{t('diagnosis')}</th>
            <td>{t('diagnosisValue', { name: r.diagnosis.name, code: r.diagnosis.code })}</td>
          </tr>
          <tr>
            <th>{t('reason')}</th>
            <td colSpan={3}>{r.reason}</td>
          </tr>
          {r.outReason ? (
            <tr>
              <th>{t('outReason')}</th>
              <td colSpan={3}>{r.outReason}</td>
            </tr>
          ) : null}
          <tr>
            <th>{t('vitals')}</th>
            <td colSpan={3}>{vitals}</td>
          </tr>
          <tr>
            <th>{t('history')}</th>
            <td colSpan={3}>{summary.history ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('medications')}</th>
            <td colSpan={3}>{summary.medications ?? '—'}</td>
          </tr>
          {r.dischargeSummary ? (
            <tr>
              <th>{t('dischargeSummary')}</th>
              <td colSpan={3}>{r.dischargeSummary}</td>
            </tr>
          ) : null}
          {plan?.tasks ? (
            <tr>
              <th>{t('plan')}</th>
              <td colSpan={3}>
                {plan.goals ? <div>{t('goals', { goals: plan.goals })}</div> : null}
                {plan.tasks.map((task, i) => (
                  <div key={i}>
                    {i + 1}. {task.title}
                    {task.dueOn ? t('dueBy', { date: formatDate(task.dueOn) }) : ''}
                    {task.detail ? t('taskDetail', { detail: task.detail }) : ''}
                  </div>
                ))}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>{t('consent')}</th>
            <td colSpan={3}>
              {r.consentBy
                ? t('consentGiven', {
                    who: r.consentBy === 'patient' ? t('consentPatient') : t('consentGuardian'),
                    at: formatDateTime(r.consentAt),
                  })
                : t('notRecorded')}
            </td>
          </tr>
          {r.decisionNote ? (
            <tr>
              <th>{t('decisionNote')}</th>
              <td colSpan={3}>{r.decisionNote}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div className="oc-doc-sign">
        <span>{t('signFrom')}</span>
        <span>{t('signPatient')}</span>
        <span>{t('signTo')}</span>
      </div>
      <p className="oc-doc-note" style={{ marginTop: 16 }}>
        {t('note')}
      </p>
    </div>
  );
}
