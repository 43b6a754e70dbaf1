/**
 * The settings of the DRG payment profit-and-loss report (DOMAIN.md "DRG payment: profit and
 * loss per group" and "Point payment"), their defaults and the columns they need.
 */
import { ColumnName } from "../../engine/columns";
import { CostParts, layerParts, MarginLayer } from "../../engine/margins";
import { DEFAULT_PAYMENT_RULES, PaymentRules } from "../../engine/pointPayment";
import { MissingWeightRule, WeightTable } from "../../engine/weightTable";

/**
 * The cost a group's expected revenue is set against: the case's total charges (住院总费用,
 * the cost the payment rules test) or a cost layer of the hospital's costing.
 */
export type PaymentLayer = "charges" | MarginLayer;
export const PAYMENT_LAYERS: readonly PaymentLayer[] = ["charges", "marginal", "direct", "gross", "net"];

export type PaymentUnit = "department" | "doctor";

export interface PaymentSettings {
  /** Money per weight point (费率). */
  rate: number;
  /** Settlement factor or money per point (pointPayment.ts); default 1. */
  pointValue: number;
  /** Institution coefficient (机构系数); default 1. */
  coefficient: number;
  rules: PaymentRules;
  /** Cases of a group without a weight (or without a regional mean): an error, or left out and counted. */
  missing: MissingWeightRule;
  layer: PaymentLayer;
  /** One unit table; undefined: department, and doctor as well when the data has the column. */
  unit?: PaymentUnit;
  weights: { table: WeightTable; name: string };
  /** A regional table of group mean costs for the high/low thresholds. */
  groupMeans?: { table: WeightTable; name: string };
  /** How many of the largest losses (and of the largest gains) the chart shows. */
  chartGroups: number;
}

export const DEFAULT_PAYMENT_SETTINGS: Readonly<Omit<PaymentSettings, "rate" | "weights">> = {
  pointValue: 1,
  coefficient: 1,
  rules: DEFAULT_PAYMENT_RULES,
  // A report lists what it leaves out; the function's default is "error".
  missing: "exclude",
  layer: "charges",
  chartGroups: 10,
};

const PART_COLUMNS: Record<keyof CostParts, ColumnName> = {
  drug: "drugCost",
  material: "materialCost",
  allocatedDirect: "allocatedDirect",
  allocatedAux: "allocatedAux",
  allocatedAdmin: "allocatedAdmin",
};

/** The cost columns of a layer: total charges, or the margin layer's parts (margins.ts layerParts). */
export function layerColumns(layer: PaymentLayer): ColumnName[] {
  return layer === "charges" ? ["totalCost"] : layerParts(layer).map((p) => PART_COLUMNS[p]);
}

/** Columns the report cannot be built without: the group, the total cost the rules test, the layer's cost. */
export function paymentRequiredColumns(settings: Pick<PaymentSettings, "layer" | "unit">): ColumnName[] {
  const out: ColumnName[] = ["drg", "totalCost"];
  for (const c of layerColumns(settings.layer)) if (!out.includes(c)) out.push(c);
  if (settings.unit) out.push(settings.unit);
  return out;
}

/** Columns the report reads: the required ones, the group name, units, counts and the settlement. */
export function paymentColumns(settings: Pick<PaymentSettings, "layer" | "unit">): ColumnName[] {
  const out = paymentRequiredColumns(settings);
  for (const c of ["drgName", "cases", "department", "doctor", "insurancePaid", "selfPay"] as ColumnName[])
    if (!out.includes(c)) out.push(c);
  return out;
}
