import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';

/** What the settlement pages read, parsed (the API's shapes, see src/settlement/*.service.ts). */
const n = z.number();
const s = z.string();
const sn = z.string().nullable();

export const deskRow = z.object({
  id: n,
  kind: z.enum(['stay', 'visit']),
  orgName: s,
  residentId: n,
  residentName: s,
  idNumberMasked: s,
  personCat: s,
  scheme: s,
  checked: z.boolean(),
  payLater: z.boolean().nullable(),
  admittedAt: sn,
  dischargedAt: sn,
  diagnosis: z.object({ code: s, name: s }).nullable(),
  totalFen: n,
  depositFen: n,
  settlementId: n.nullable(),
  settlementNo: sn,
  settlementStatus: sn,
  patientFen: n.nullable(),
});
export type DeskRow = z.infer<typeof deskRow>;
export const deskPage = pageOf(deskRow);

export const FIELD_KEYS = [
  'medfee_sumamt',
  'fulamt_ownpay_amt',
  'preselfpay_amt',
  'inscp_scp_amt',
  'act_pay_dedc',
  'hifp_pay',
  'pool_prop_selfpay',
  'hifmi_pay',
  'hifob_pay',
  'maf_pay',
  'oth_pay',
  'hosp_part_amt',
  'fund_pay_sumamt',
  'psn_part_amt',
  'acct_pay',
  'psn_cash_pay',
] as const;

export const settlementDetail = z.object({
  id: n,
  settlementNo: s,
  kind: s,
  status: s,
  setting: s,
  settledOn: s,
  orgName: s,
  orgCode: s,
  hospLevel: s,
  stayId: n.nullable(),
  visitId: n.nullable(),
  resident: z.object({ id: n, name: s, idNumberMasked: s, mobileMasked: sn, sex: s, birthDate: s }),
  scheme: s,
  personCat: s,
  payLater: z.boolean(),
  admittedAt: sn,
  dischargedAt: sn,
  lengthOfStayDays: n.nullable(),
  departmentName: sn,
  diagnoses: z.array(z.object({ code: s, name: s })),
  policy: z.object({ versionNo: n, title: s, demo: z.boolean() }).nullable(),
  package: z.object({ code: s, name: s }).nullable(),
  fields: z.record(z.string(), n),
  depositFen: n,
  refundFen: n,
  collectedFen: n,
  inputHash: sn,
  calcError: sn,
  lines: z.array(z.object({ layer: s, baseFen: n, ratioBp: n.nullable(), amountFen: n, note: s })),
  categories: z.array(z.object({ category: s, insuranceClass: s, amountFen: n })),
  cash: z.array(z.object({ kind: s, amountFen: n, method: s, receiptNo: s, at: s })),
  confirmedAt: sn,
  confirmedBy: sn,
  reversedByNo: sn,
  reversesNo: sn,
  reason: sn,
});
export type SettlementDetail = z.infer<typeof settlementDetail>;

export const financeCheck = z.object({
  stayId: n,
  scheme: s,
  personCat: s,
  payLater: z.boolean(),
  depositAskedFen: n,
  checkedAt: s,
});
export const depositResult = z.object({ receiptNo: s, balanceFen: n });
export const verifyResult = z.object({
  reproduced: z.boolean(),
  inputHashMatches: z.boolean(),
  differences: z.array(z.object({ field: s, stored: n, recalculated: n })),
});

export const dayReport = z.object({
  day: s,
  clerks: z.array(
    z.object({
      clerkId: n,
      clerkName: s,
      lines: z.array(z.object({ kind: s, method: s, count: n, amountFen: n })),
      netFen: n,
      settlements: n,
      totalFen: n,
      fundFen: n,
      patientFen: n,
    }),
  ),
});

export const receivableRow = z.object({
  id: n,
  payer: s,
  payerLabel: s,
  amountFen: n,
  status: s,
  paidFen: n.nullable(),
  rejectReason: sn,
  openedOn: s,
  ageDays: n,
  settlementNo: s,
  settlementId: n,
  orgName: s,
  batchNo: sn,
});
export type ReceivableRow = z.infer<typeof receivableRow>;
export const receivablePage = pageOf(receivableRow).extend({ sumFen: n });
export const receivableSummary = z.object({
  items: z.array(
    z.object({
      orgId: n,
      orgName: s,
      payer: s,
      payerLabel: s,
      openFen: n,
      claimedFen: n,
      outstandingFen: n,
      over30Count: n,
      over30Fen: n,
    }),
  ),
});
export const batchRow = z.object({
  id: n,
  batchNo: s,
  orgName: s,
  payer: s,
  payerLabel: s,
  periodFrom: s,
  periodTo: s,
  status: s,
  items: n,
  claimedFen: n,
  paidFen: n.nullable(),
  rejected: n,
  partlyPaid: n,
  createdAt: s,
});
export type BatchRow = z.infer<typeof batchRow>;
export const batchList = z.object({ items: z.array(batchRow) });
export const batchDetail = z.object({
  items: z.array(
    z.object({ id: n, settlementNo: s, amountFen: n, status: s, paidFen: n.nullable(), rejectReason: sn, openedOn: s }),
  ),
});
export const importResult = z.object({
  returnId: n,
  matched: n,
  difference: n,
  rejected: n,
  unknown: n,
  missingFromFile: z.array(s),
  lines: z.array(z.object({ line: n, settlementNo: s, outcome: s, claimedFen: n.nullable(), paidFen: n, reason: s })),
});
