import { formatDate, formatDateTime } from '../../web/format.ts';
import type { CarePlan, ReferralDetail } from '../referral.schema.ts';
import { STATUS_LABELS, URGENCY_LABELS } from '../referral.states.ts';

/**
 * 双向转诊单 (A4), the paper the patient carries: who sends whom where and why, the clinical
 * summary, consent and signatures. Identifiers appear masked, as on screen.
 */
export function ReferralSlip({ referral: r }: { referral: ReferralDetail }) {
  const summary = (r.summary ?? {}) as { vitals?: Record<string, number>; history?: string; medications?: string };
  const v = summary.vitals ?? {};
  const vitals =
    [
      v.sbp && `血压 ${v.sbp}/${v.dbp ?? '-'} mmHg`,
      v.heartRate && `心率 ${v.heartRate} 次/分`,
      v.temperature && `体温 ${v.temperature}℃`,
      v.spo2 && `血氧 ${v.spo2}%`,
    ]
      .filter(Boolean)
      .join('，') || '—';
  const plan = r.carePlan as CarePlan | null;
  const direction = r.direction === 'up' ? (r.outOfCounty ? '上转（县外）' : '上转') : '下转';
  return (
    <div className="oc-doc" data-testid="referral-slip">
      <h1>双向转诊单（{direction}）</h1>
      <div className="oc-doc-sub">
        <span>单号：{r.id}</span>
        <span>状态：{STATUS_LABELS[r.status]}</span>
        <span>开具时间：{formatDateTime(r.submittedAt ?? r.createdAt)}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>患者姓名</th>
            <td>{r.resident.name}</td>
            <th>性别 / 年龄</th>
            <td>
              {r.resident.sex === 'M' ? '男' : '女'} / {r.resident.age} 岁
            </td>
          </tr>
          <tr>
            <th>身份证号</th>
            <td>{r.resident.idNumber}</td>
            <th>联系电话</th>
            <td>{r.resident.mobile ?? '—'}</td>
          </tr>
          <tr>
            <th>出生日期</th>
            <td>{formatDate(r.resident.birthDate)}</td>
            <th>住址（村）</th>
            <td>{r.resident.village ?? '—'}</td>
          </tr>
          <tr>
            <th>转出机构</th>
            <td>{r.fromOrg.name}</td>
            <th>转出医生</th>
            <td>{r.fromStaff.name}</td>
          </tr>
          <tr>
            <th>转入机构</th>
            <td>{r.toOrg.name}</td>
            <th>转入科室</th>
            <td>{r.toDepartment?.name ?? '—'}</td>
          </tr>
          <tr>
            <th>紧急程度</th>
            <td>
              {URGENCY_LABELS[r.urgency]}
              {r.priority ? '（三优先）' : ''}
            </td>
            <th>初步诊断</th>
            <td>
              {r.diagnosis.name}（{r.diagnosis.code}）
            </td>
          </tr>
          <tr>
            <th>转诊原因</th>
            <td colSpan={3}>{r.reason}</td>
          </tr>
          {r.outReason ? (
            <tr>
              <th>外转原因</th>
              <td colSpan={3}>{r.outReason}</td>
            </tr>
          ) : null}
          <tr>
            <th>生命体征</th>
            <td colSpan={3}>{vitals}</td>
          </tr>
          <tr>
            <th>病史摘要</th>
            <td colSpan={3}>{summary.history ?? '—'}</td>
          </tr>
          <tr>
            <th>目前用药</th>
            <td colSpan={3}>{summary.medications ?? '—'}</td>
          </tr>
          {r.dischargeSummary ? (
            <tr>
              <th>出院小结</th>
              <td colSpan={3}>{r.dischargeSummary}</td>
            </tr>
          ) : null}
          {plan?.tasks ? (
            <tr>
              <th>康复 / 随访计划</th>
              <td colSpan={3}>
                {plan.goals ? <div>目标：{plan.goals}</div> : null}
                {plan.tasks.map((task, i) => (
                  <div key={i}>
                    {i + 1}. {task.title}
                    {task.dueOn ? `（${formatDate(task.dueOn)} 前）` : ''}
                    {task.detail ? `：${task.detail}` : ''}
                  </div>
                ))}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>知情同意</th>
            <td colSpan={3}>
              {r.consentBy
                ? `${r.consentBy === 'patient' ? '患者本人' : '监护人'}已知情同意（${formatDateTime(r.consentAt)}）`
                : '未记录'}
            </td>
          </tr>
          {r.decisionNote ? (
            <tr>
              <th>接收意见</th>
              <td colSpan={3}>{r.decisionNote}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div className="oc-doc-sign">
        <span>转出医生签名：__________</span>
        <span>患者/家属签名：__________</span>
        <span>接收医生签名：__________</span>
      </div>
      <p className="oc-doc-note" style={{ marginTop: 16 }}>
        请患者持本单及既往检查资料到转入机构就诊；医共体内检查结果互认。本单由县域医共体一体化平台生成，单号可在平台查询。
      </p>
    </div>
  );
}
