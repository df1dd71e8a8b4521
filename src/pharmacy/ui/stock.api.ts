import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';

/** What the stock, counter, recall and figures pages read (the shapes of src/pharmacy/*.service.ts). */
const n = z.number();
const s = z.string();
const sn = z.string().nullable();
const nn = z.number().nullable();

export const PHARMACY_KEY = ['pharmacy'] as const;

export const stockRow = z.object({
  id: n,
  orgId: n,
  orgName: s,
  drugId: n,
  drugName: s,
  spec: s,
  manufacturer: s,
  minUnit: s,
  packUnit: s,
  packQty: n,
  essential: z.boolean(),
  vbp: z.boolean(),
  batchNo: s,
  expiryDate: s,
  expiryState: z.enum(['expired', 'near_expiry', 'ok']),
  daysLeft: n,
  location: s,
  qtyIn: n,
  qtyOut: n,
  blocked: n,
  available: n,
  onHand: n,
  valueFen: n,
});
export type StockRow = z.infer<typeof stockRow>;
export const stockPage = pageOf(stockRow).extend({
  nearExpiryDays: n,
  counts: z.object({ near: n, expired: n, blocked: n }),
});

export const moveRow = z.object({
  id: n,
  kind: s,
  qty: n,
  refKind: sn,
  refId: nn,
  note: sn,
  at: s,
  orgName: s,
  drugName: s,
  minUnit: s,
  batchNo: s,
  staffName: sn,
});
export type MoveRow = z.infer<typeof moveRow>;
export const movePage = pageOf(moveRow);

export const availableItem = z.object({
  id: n,
  name: s,
  brandName: sn,
  spec: s,
  minUnit: s,
  packUnit: s,
  packQty: n,
  splitAllowed: z.boolean(),
  chargeCode: s,
  available: n,
});
export type AvailableItem = z.infer<typeof availableItem>;
export const availableList = z.object({ items: z.array(availableItem) });

export const dispenseView = z.object({
  id: n,
  orgId: n,
  orgName: s,
  residentId: n,
  residentName: s,
  sex: s,
  mobile: sn,
  prescriptionId: nn,
  totalFen: n,
  dispensedAt: s,
  deviceAt: sn,
  dispensedBy: s,
  note: sn,
  lines: z.array(
    z.object({
      id: n,
      drugId: n,
      name: s,
      brandName: sn,
      spec: s,
      minUnit: s,
      packUnit: s,
      packQty: n,
      qty: n,
      returnedQty: n,
      unitPriceFen: n,
      amountFen: n,
      usage: s,
      batchNo: s,
      expiryDate: s,
      traceCodes: z.array(s),
    }),
  ),
});
export type DispenseView = z.infer<typeof dispenseView>;

export const dispenseRow = z.object({
  id: n,
  dispensedAt: s,
  totalFen: n,
  prescriptionId: nn,
  residentName: s,
  mobile: sn,
  orgName: s,
  staffName: s,
  drugs: s,
});
export type DispenseRow = z.infer<typeof dispenseRow>;
export const dispensePage = pageOf(dispenseRow);

export const pendingList = z.object({
  items: z.array(
    z.object({
      id: n,
      prescribedAt: s,
      doctor: s,
      lines: z.array(z.object({ itemCode: s, itemName: s, drugId: nn, usage: s, qty: nn, minUnit: sn })),
    }),
  ),
});
export type Pending = z.infer<typeof pendingList>['items'][number];

export const shortageRow = z.object({
  id: n,
  status: s,
  packs: n,
  note: sn,
  createdAt: s,
  deliveredAt: sn,
  closedAt: sn,
  drugName: s,
  spec: s,
  packUnit: s,
  orgName: s,
  residentName: sn,
  next: z.array(s),
});
export type ShortageRow = z.infer<typeof shortageRow>;
export const shortagePage = pageOf(shortageRow);

export const recallRow = z.object({
  id: n,
  drugId: n,
  drugName: s,
  spec: s,
  manufacturer: s,
  batchNo: s,
  level: s,
  reason: s,
  status: s,
  blockedQty: n,
  startedAt: s,
  closedAt: sn,
  startedBy: s,
});
export type RecallRow = z.infer<typeof recallRow>;
export const recallList = z.object({ items: z.array(recallRow) });
export const recallDetail = recallRow.extend({
  minUnit: s,
  holders: z.array(z.object({ org_id: n, org_name: s, blocked: n, out: n, received: n })),
  residents: z.array(
    z.object({
      residentId: n,
      name: s,
      sex: s,
      mobile: sn,
      village: sn,
      orgId: n,
      orgName: s,
      qty: n,
      returnedQty: n,
      lastAt: s,
      outcome: sn,
      calledAt: sn,
    }),
  ),
});
export type RecallDetail = z.infer<typeof recallDetail>;

export const stocktakeList = z.object({
  items: z.array(z.object({ id: n, orgName: s, status: s, createdAt: s, decidedAt: sn })),
});
export const stocktakeSheet = z.object({
  id: n,
  orgId: n,
  orgName: s,
  status: s,
  createdAt: s,
  note: sn,
  lines: z.array(
    z.object({
      batchId: n,
      drugName: s,
      spec: s,
      minUnit: s,
      batchNo: s,
      expiryDate: s,
      location: s,
      systemQty: n,
      countedQty: nn,
      variance: nn,
      reason: sn,
    }),
  ),
});
export type StocktakeSheet = z.infer<typeof stocktakeSheet>;

export const drugFigures = z.object({
  year: n,
  definitions: z.record(s, s),
  county: z.object({
    amountFen: n,
    essentialFen: n,
    vbpFen: n,
    nearExpiryFen: n,
    stockValueFen: n,
    duplicateScans: n,
  }),
  byOrg: z.array(
    z.object({
      orgId: n,
      orgName: s,
      kind: s,
      amountFen: n,
      essentialFen: n,
      vbpFen: n,
      items: n,
      essentialItems: n,
      vbpItems: n,
      stockValueFen: n,
      nearExpiryFen: n,
      expiredFen: n,
      nearExpiryBatches: n,
      turnoverDays: nn,
      duplicateScans: n,
      codesDispensed: n,
      shortages: n,
      collected: n,
      meanCollectionHours: nn,
      noShow: n,
    }),
  ),
  monthly: z.array(z.object({ month: s, amountFen: n, essentialFen: n, vbpFen: n, drugShare: nn })),
  stockouts: z.array(z.object({ orgId: n, orgName: s, drugName: s, stockoutDays: n })),
});
export type DrugFigures = z.infer<typeof drugFigures>;
