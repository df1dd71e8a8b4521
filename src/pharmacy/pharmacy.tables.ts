import type { ColumnType, Generated } from 'kysely';

// ---- drugs and supplies (issue 14): catalogue, stock ledger, procurement, distribution, dispensing ----

/** bigint columns come back as numbers (src/platform/db.ts) */
type Count = ColumnType<number, number | undefined, number>;

export const DRUG_KINDS = ['drug', 'consumable'] as const;
export type DrugKind = (typeof DRUG_KINDS)[number];
export const INSURANCE_CLASSES = ['class_a', 'class_b', 'self_pay'] as const;
export type DrugInsuranceClass = (typeof INSURANCE_CLASSES)[number];
export const STOCK_LEVELS = ['county', 'township', 'village'] as const;
export type StockLevel = (typeof STOCK_LEVELS)[number];
export const MOVE_KINDS = [
  'receive',
  'transfer_out',
  'transfer_in',
  'dispense',
  'return',
  'loss',
  'block',
  'unblock',
  'recall_out',
  'stocktake_adj',
] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];
export type MoveRef = 'receipt' | 'distribution' | 'dispense' | 'recall' | 'stocktake' | 'loss' | 'opening';
export const PO_STATUSES = [
  'draft',
  'approved',
  'sent',
  'partially_received',
  'received',
  'closed',
  'cancelled',
] as const;
export type PoStatus = (typeof PO_STATUSES)[number];
export const DIST_STATUSES = [
  'requested',
  'approved',
  'picked',
  'shipped',
  'received',
  'discrepancy',
  'resolved',
  'cancelled',
] as const;
export type DistStatus = (typeof DIST_STATUSES)[number];
export const REQUEST_STATUSES = ['submitted', 'consolidated', 'distributed', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const SHORTAGE_STATUSES = ['registered', 'sourcing', 'delivered', 'collected', 'no_show'] as const;
export type ShortageStatus = (typeof SHORTAGE_STATUSES)[number];
export const RECALL_OUTCOMES = ['reached', 'unreachable', 'returned', 'consumed'] as const;
export type RecallOutcome = (typeof RECALL_OUTCOMES)[number];

export interface PharmacySettingsTable {
  county_id: number;
  central_org_id: number;
  near_expiry_days: Generated<number>;
  price_switch_time: Generated<string>;
  receipt_due_hours: Generated<number>;
  updated_at: Generated<Date>;
}
export interface DrugSuppliersTable {
  id: Generated<number>;
  county_id: number;
  name: string;
  credit_code: string | null;
  contact: string | null;
  phone: string | null;
  active: Generated<boolean>;
}
export interface DrugsTable {
  id: Generated<number>;
  county_id: number;
  kind: DrugKind;
  yb_code: string;
  charge_code: string;
  generic_name: string;
  brand_name: string | null;
  pinyin: Generated<string>;
  dosage_form: string;
  spec: string;
  pack_unit: string;
  min_unit: string;
  pack_qty: number;
  split_allowed: Generated<boolean>;
  manufacturer: string;
  approval_no: string | null;
  insurance_class: DrugInsuranceClass;
  self_pay_bp: Generated<number>;
  essential: Generated<boolean>;
  vbp: Generated<boolean>;
  levels: StockLevel[];
  supplier_id: number | null;
  active: Generated<boolean>;
  updated_at: Generated<Date>;
}
export interface DrugImportsTable {
  id: Generated<number>;
  county_id: number;
  file_name: string;
  file_hash: string;
  rows_total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  report: unknown;
  staff_id: number;
  at: Generated<Date>;
}
export interface StockLevelsTable {
  county_id: number;
  org_id: number;
  drug_id: number;
  min_packs: number;
  max_packs: number;
}
export interface StockBatchesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  drug_id: number;
  batch_no: string;
  expiry_date: string;
  location: Generated<string>;
  supplier_id: number | null;
  cost_fen: Generated<number>;
  qty_in: Count;
  qty_out: Count;
  qty_blocked: Count;
  created_at: Generated<Date>;
}
export interface StockMovesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  batch_id: number;
  kind: MoveKind;
  qty: number;
  ref_kind: MoveRef | null;
  ref_id: number | null;
  note: string | null;
  staff_id: number | null;
  at: Generated<Date>;
}
export interface StockRequestsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  client_id: string;
  source: 'manual' | 'proposed';
  status: Generated<RequestStatus>;
  note: string | null;
  created_by: number;
  created_at: Generated<Date>;
  device_at: Date | null;
  decided_by: number | null;
  decided_at: Date | null;
  reject_reason: string | null;
}
export interface StockRequestLinesTable {
  id: Generated<number>;
  request_id: number;
  org_id: number;
  drug_id: number;
  packs: number;
  po_line_id: number | null;
}
export interface PurchaseOrdersTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  supplier_id: number;
  order_no: string;
  status: Generated<PoStatus>;
  total_fen: Count;
  note: string | null;
  created_by: number;
  created_at: Generated<Date>;
  approved_by: number | null;
  approved_at: Date | null;
  sent_at: Date | null;
  closed_at: Date | null;
}
export interface PurchaseOrderLinesTable {
  id: Generated<number>;
  po_id: number;
  org_id: number;
  drug_id: number;
  packs: number;
  cost_fen: number;
  received_packs: Generated<number>;
}
export interface PoReceiptsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  po_id: number;
  client_id: string;
  received_by: number;
  received_at: Generated<Date>;
}
export interface PoReceiptLinesTable {
  id: Generated<number>;
  receipt_id: number;
  org_id: number;
  po_line_id: number;
  batch_id: number;
  packs: number;
}
export interface DistributionsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  to_org_id: number;
  kind: Generated<'distribution' | 'transfer'>;
  request_id: number | null;
  status: Generated<DistStatus>;
  dist_no: string;
  note: string | null;
  created_by: number;
  created_at: Generated<Date>;
  approved_at: Date | null;
  picked_at: Date | null;
  shipped_at: Date | null;
  received_at: Date | null;
  received_by: number | null;
  resolved_at: Date | null;
  resolved_by: number | null;
  resolution: string | null;
}
export interface DistributionLinesTable {
  id: Generated<number>;
  distribution_id: number;
  org_id: number;
  drug_id: number;
  packs: number;
}
export interface DistributionPicksTable {
  id: Generated<number>;
  line_id: number;
  org_id: number;
  batch_id: number;
  qty: number;
  received_qty: number | null;
  to_batch_id: number | null;
  discrepancy_note: string | null;
}
export interface StocktakesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  status: Generated<'counting' | 'submitted' | 'approved' | 'rejected'>;
  created_by: number;
  created_at: Generated<Date>;
  submitted_at: Date | null;
  decided_by: number | null;
  decided_at: Date | null;
  note: string | null;
}
export interface StocktakeLinesTable {
  stocktake_id: number;
  org_id: number;
  batch_id: number;
  system_qty: Count;
  counted_qty: Count | null;
  reason: string | null;
}
export interface DispensesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  resident_id: number;
  prescription_id: number | null;
  client_id: string;
  request_hash: string;
  total_fen: Count;
  dispensed_by: number;
  dispensed_at: Generated<Date>;
  device_at: Date | null;
  note: string | null;
}
export interface DispenseLinesTable {
  id: Generated<number>;
  dispense_id: number;
  county_id: number;
  org_id: number;
  resident_id: number;
  drug_id: number;
  batch_id: number;
  qty: number;
  returned_qty: Generated<number>;
  unit_price_fen: number;
  price_id: number | null;
  pack_qty: number;
  amount_fen: Count;
  usage: string;
  dispensed_at: Date;
}
export interface DispenseReturnsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  line_id: number;
  qty: number;
  reason: string;
  restock: boolean;
  client_id: string;
  staff_id: number;
  at: Generated<Date>;
}
export interface TraceCodesTable {
  county_id: number;
  code: string;
  org_id: number;
  drug_id: number;
  batch_id: number | null;
  status: 'in_stock' | 'dispensed' | 'returned' | 'blocked';
  dispense_line_id: number | null;
  received_at: Date | null;
  dispensed_at: Date | null;
}
export interface TraceCodeFlagsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  code: string;
  drug_id: number | null;
  first_line_id: number | null;
  first_org_id: number | null;
  resident_id: number | null;
  staff_id: number;
  at: Generated<Date>;
  reviewed_at: Date | null;
  review_note: string | null;
}
export interface DrugRecallsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  drug_id: number;
  batch_no: string;
  level: '1' | '2' | '3';
  reason: string;
  status: Generated<'open' | 'closed'>;
  blocked_qty: Count;
  started_by: number;
  started_at: Generated<Date>;
  closed_at: Date | null;
}
export interface DrugRecallCallsTable {
  id: Generated<number>;
  recall_id: number;
  county_id: number;
  org_id: number;
  resident_id: number;
  outcome: RecallOutcome;
  note: string | null;
  staff_id: number;
  at: Generated<Date>;
}
export interface DrugShortagesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  resident_id: number | null;
  drug_id: number;
  packs: number;
  client_id: string;
  status: Generated<ShortageStatus>;
  note: string | null;
  created_by: number;
  created_at: Generated<Date>;
  device_at: Date | null;
  sourcing_at: Date | null;
  delivered_at: Date | null;
  closed_at: Date | null;
}

declare module '../platform/db-types.ts' {
  interface DB {
    pharmacy_settings: PharmacySettingsTable;
    drug_suppliers: DrugSuppliersTable;
    drugs: DrugsTable;
    drug_imports: DrugImportsTable;
    stock_levels: StockLevelsTable;
    stock_batches: StockBatchesTable;
    stock_moves: StockMovesTable;
    stock_requests: StockRequestsTable;
    stock_request_lines: StockRequestLinesTable;
    purchase_orders: PurchaseOrdersTable;
    purchase_order_lines: PurchaseOrderLinesTable;
    po_receipts: PoReceiptsTable;
    po_receipt_lines: PoReceiptLinesTable;
    distributions: DistributionsTable;
    distribution_lines: DistributionLinesTable;
    distribution_picks: DistributionPicksTable;
    stocktakes: StocktakesTable;
    stocktake_lines: StocktakeLinesTable;
    dispenses: DispensesTable;
    dispense_lines: DispenseLinesTable;
    dispense_returns: DispenseReturnsTable;
    trace_codes: TraceCodesTable;
    trace_code_flags: TraceCodeFlagsTable;
    drug_recalls: DrugRecallsTable;
    drug_recall_calls: DrugRecallCallsTable;
    drug_shortages: DrugShortagesTable;
  }
}
