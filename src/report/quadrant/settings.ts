/**
 * The settings of the four-quadrant and incentive report (DOMAIN.md "Four-quadrant analysis and
 * incentives"), their defaults and the columns they need.
 */
import { CATEGORY_COLUMNS } from "../../engine/exportLayouts";
import { ColumnName } from "../../engine/columns";
import { IncentiveMoney } from "../../engine/incentives";
import { MarginLayer } from "../../engine/margins";
import { Coefficients, DEFAULT_COEFFICIENTS, Quadrant, XCutRule, YCutRule } from "../../engine/quadrants";
import { WeightSource } from "../common";

export type UnitDimension = "department" | "doctor";
/** Where a group's revenue comes from: the settlement columns, or the expected DRG payment. */
export type RevenueSource = "settlement" | "payment";
export const REVENUE_SOURCES: readonly RevenueSource[] = ["settlement", "payment"];

/** The payment arguments of revenue "payment" (pointPayment.ts): money per weight point and the factors. */
export interface PaymentRevenue {
  rate: number;
  /** Settlement factor or money per point; 1 by default. */
  pointValue: number;
  /** Institution coefficient (机构系数); 1 by default. */
  coefficient: number;
}
export type UnitChoice = UnitDimension | "both";

export interface QuadrantSettings {
  layer: MarginLayer;
  xCut: XCutRule;
  yCut: YCutRule;
  minCases: number;
  coefficients: Coefficients;
  /** The user's own quadrant names, in the report's language. */
  labels?: Partial<Record<Quadrant, string>>;
  money: IncentiveMoney;
  unit: UnitChoice;
  weights: WeightSource;
  /** Analyse only the cases of this year (weights still come from every year). */
  year?: string;
  /** Revenue from the settlement columns (default) or the expected DRG payment. */
  revenue?: RevenueSource;
  /** With revenue "payment": its rate and factors. */
  payment?: PaymentRevenue;
}

export const DEFAULT_QUADRANT_SETTINGS: Readonly<QuadrantSettings> = {
  layer: "marginal",
  xCut: "cmi",
  // The hospital's own rate: with 0, most groups of a hospital that covers its variable costs sit
  // above the line (the sample splits 144/9/311/2 at the marginal layer; 77/76/232/81 at its rate).
  yCut: "hospital",
  minCases: 5,
  coefficients: { ...DEFAULT_COEFFICIENTS },
  money: { mode: "perPoint", moneyPerPoint: 1 },
  unit: "department",
  weights: { source: "data" },
  revenue: "settlement",
};

/** The units a choice stands for. */
export function unitDimensions(unit: UnitChoice): UnitDimension[] {
  return unit === "both" ? ["department", "doctor"] : [unit];
}

/** Columns the report cannot be built without, for these settings. */
export function requiredColumns(
  settings: Pick<QuadrantSettings, "layer" | "unit" | "weights" | "year" | "revenue">,
): ColumnName[] {
  // The expected payment needs the total cost (the outlier ratios), not the settlement columns.
  const payment = settings.revenue === "payment";
  const out: ColumnName[] = payment
    ? ["drg", "drugCost", "materialCost"]
    : ["drg", "insurancePaid", "selfPay", "drugCost", "materialCost"];
  if (settings.layer !== "marginal") out.push("allocatedDirect");
  if (settings.layer === "gross" || settings.layer === "net") out.push("allocatedAux");
  if (settings.layer === "net") out.push("allocatedAdmin");
  if (settings.weights.source === "data" || payment) out.push("totalCost");
  if (settings.weights.source === "standardized") out.push(...CATEGORY_COLUMNS);
  out.push(...unitDimensions(settings.unit));
  return out;
}

/** Columns the report reads (the required ones, the group name, counts and the year). */
export function reportColumns(
  settings: Pick<QuadrantSettings, "layer" | "unit" | "weights" | "year" | "revenue">,
): ColumnName[] {
  const out: ColumnName[] = [...requiredColumns(settings), "drgName", "cases", "year", "dischargeDate"];
  // A doctor's department (the one with most of the doctor's cases) is shown when the data has one.
  if (!out.includes("department")) out.push("department");
  // With the five categories read, the total is read too: records off it are counted.
  if (settings.weights.source === "standardized" && !out.includes("totalCost")) out.push("totalCost");
  return out;
}
