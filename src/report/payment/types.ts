/** The computed DRG payment profit-and-loss report: what `computePaymentReport` returns. */
import { GroupBalance } from "../../engine/paymentGroups";
import { ReportBookkeeping } from "../common";
import { PaymentSettings, PaymentUnit } from "./settings";

/** Why rows were left out, each row counted once. */
export type PaymentSkip = "blankRow" | "emptyGroup" | "noWeight" | "noMean" | "emptyUnit";

export interface PaymentGroupRow extends GroupBalance {
  name: string;
}

export interface PaymentUnitTable {
  dimension: PaymentUnit;
  /** By balance, largest loss first; `group` holds the unit. */
  rows: GroupBalance[];
  total: GroupBalance;
  /** Paid cases with an empty unit cell, left out of this table only. */
  emptyUnitRows: number;
}

/** A high- or low-cost case (高倍率 / 低倍率) and how it was scored. */
export interface OutlierCase {
  /** Row number in the source. */
  row: number;
  group: string;
  department: string;
  kind: "high" | "low";
  /** Total cost (住院总费用), the cost the rules test. */
  cost: number;
  /** The group mean the ratio used (the hospital's own or the regional table's). */
  groupMean: number;
  /** cost / group mean. */
  ratio: number;
  /** The multiplier of the case's band (high) or the low multiplier, and that times the mean. */
  multiplier: number;
  threshold: number;
  basePoints: number;
  points: number;
  payment: number;
}

/** The hospital's expected revenue against what the settlement columns say was received. */
export interface SettlementCheck {
  /** Sum of the insurance settlement (医保结算) of the paid cases. */
  insurance: number;
  /** Sum of the patient payment, when the data has the column. */
  patient?: number;
  /** insurance + patient: the actual revenue. */
  actual: number;
  expected: number;
  /** expected - actual. */
  difference: number;
}

export interface PaymentReport extends ReportBookkeeping<PaymentSkip> {
  settings: PaymentSettings;
  /** rate x point value x coefficient: what one weight point brings. */
  moneyPerWeight: number;
  /** By balance, largest loss first (ties by code). */
  groups: PaymentGroupRow[];
  total: GroupBalance;
  units: PaymentUnitTable[];
  settlement?: SettlementCheck;
  /** In the order of `groups`, then high before low, then by row. */
  outliers: OutlierCase[];
  /** Groups with a weight but no regional mean (left out with missing = "exclude"). */
  missingMeanCodes: string[];
}
