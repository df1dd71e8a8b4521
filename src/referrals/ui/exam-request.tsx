import { formatDateTime, formatMoney } from '../../web/format.ts';
import type { ExamOrder } from '../exam-order.schema.ts';
import { URGENCY_LABELS } from '../referral.states.ts';

export const EXAM_STATUS_LABELS: Record<ExamOrder['status'], string> = {
  ordered: '已开单',
  scheduled: '已预约',
  performed: '已检查',
  reported: '已出报告',
  cancelled: '已撤销',
};
const CATEGORIES: Record<ExamOrder['category'], string> = {
  lab: '检验',
  imaging: '影像',
  ecg: '心电',
  ultrasound: '超声',
};

/** 检查申请单 (A4): what the patient carries to the performing hospital. */
export function ExamRequest({ order }: { order: ExamOrder }) {
  return (
    <div className="oc-doc" data-testid="exam-request">
      <h1>检查申请单</h1>
      <div className="oc-doc-sub">
        <span>一单通 · 医共体统一目录</span>
        <span>单号：{order.id}</span>
        <span>开单时间：{formatDateTime(order.createdAt)}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>患者</th>
            <td>{order.residentName ?? '—'}</td>
            <th>紧急程度</th>
            <td>
              {URGENCY_LABELS[order.urgency]}
              {order.priority ? '（三优先）' : ''}
            </td>
          </tr>
          <tr>
            <th>检查项目</th>
            <td>
              {order.itemName}（{order.itemCode}）
            </td>
            <th>类别</th>
            <td>{CATEGORIES[order.category]}</td>
          </tr>
          <tr>
            <th>统一价格</th>
            <td>{formatMoney(order.priceFen)}</td>
            <th>结果互认</th>
            <td>{order.recognised ? '是' : '否'}</td>
          </tr>
          <tr>
            <th>开单机构</th>
            <td>{order.orderingOrg.name}</td>
            <th>开单医生</th>
            <td>{order.orderingStaffName}</td>
          </tr>
          <tr>
            <th>执行机构</th>
            <td>{order.performingOrg.name}</td>
            <th>预约时间</th>
            <td>{order.scheduledAt ? formatDateTime(order.scheduledAt) : '待预约'}</td>
          </tr>
          <tr>
            <th>临床说明</th>
            <td colSpan={3}>{order.clinicalNote ?? '—'}</td>
          </tr>
          {order.referralId ? (
            <tr>
              <th>关联转诊单</th>
              <td colSpan={3}>{order.referralId}</td>
            </tr>
          ) : null}
          <tr>
            <th>状态</th>
            <td colSpan={3}>{EXAM_STATUS_LABELS[order.status]}</td>
          </tr>
        </tbody>
      </table>
      <p className="oc-doc-note">
        凭此单到执行机构检查；结果由执行机构出具并回传开单医生，医共体内结果互认的项目不重复检查。
      </p>
      <div className="oc-doc-sign">
        <span>开单医生签名：__________</span>
        <span>执行科室签收：__________</span>
        <span>日期：____年__月__日</span>
      </div>
    </div>
  );
}
