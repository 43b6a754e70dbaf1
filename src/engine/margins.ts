/**
 * Costing and margins (DRG 成本核算与盈亏).
 *
 * Cost layers per case:
 *     variable = drugs + materials
 *     direct   = variable + allocated direct costs
 *     business = direct + allocated auxiliary (医辅) costs      (medical business cost)
 *     full     = business + allocated administrative costs        (full medical cost)
 * Revenue = insurance settlement + patient payment. Contribution at a layer = revenue - cost
 * of that layer: marginal (边际贡献), direct (直接结余贡献), gross (毛结余贡献), net (净结余贡献).
 * Rate = contribution / revenue; variable cost rate = 1 - marginal contribution rate.
 *
 * Example: revenue 10,000 (8,000 insurance + 2,000 self-pay), drugs 3,000, materials 2,000:
 * marginal contribution 10,000 - 5,000 = 5,000, rate 0.5.
 */
import { Interned } from "./codes";
import { SkippedRows, noSkips, sortedOrder } from "./grouping";

export type MarginLayer = "marginal" | "direct" | "gross" | "net";
export const MARGIN_LAYERS: readonly MarginLayer[] = ["marginal", "direct", "gross", "net"];

export interface CostParts {
  drug: Float64Array;
  material: Float64Array;
  allocatedDirect?: Float64Array;
  allocatedAux?: Float64Array;
  allocatedAdmin?: Float64Array;
}

/** The cost parts a layer adds up (the layer's columns, in order). */
export function layerParts(layer: MarginLayer): (keyof CostParts)[] {
  const parts: (keyof CostParts)[] = ["drug", "material"];
  if (layer === "marginal") return parts;
  parts.push("allocatedDirect");
  if (layer === "direct") return parts;
  parts.push("allocatedAux");
  if (layer === "gross") return parts;
  parts.push("allocatedAdmin");
  return parts;
}

/** Cost per row at a layer; a blank part counts as 0. Missing allocation columns are an error for the caller. */
export function layerCost(parts: CostParts, layer: MarginLayer): Float64Array {
  const names = layerParts(layer);
  const n = parts.drug.length;
  const out = new Float64Array(n);
  for (const name of names) {
    const column = parts[name];
    if (!column) continue;
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (v === v) out[i] += v;
    }
  }
  return out;
}

/** Adds columns across, a blank cell (NaN) counting as 0: revenue = insurance + self-pay. */
export function addAcross(columns: readonly Float64Array[]): Float64Array {
  const n = columns.length > 0 ? columns[0].length : 0;
  const out = new Float64Array(n);
  for (const column of columns) {
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (v === v) out[i] += v;
    }
  }
  return out;
}

export interface MarginInput {
  /** Revenue per case (per-case average for aggregate rows). */
  revenue: Float64Array;
  /** Cost per case at the chosen layer. */
  cost: Float64Array;
  counts?: Float64Array;
  by?: Interned;
}

export interface MarginRow {
  key: string;
  cases: number;
  revenue: number;
  cost: number;
  contribution: number;
  /** contribution / revenue; NaN when revenue is 0. */
  rate: number;
}

export interface MarginResult {
  overall: MarginRow;
  rows?: MarginRow[];
  skipped: SkippedRows;
}

export function marginContribution(input: MarginInput): MarginResult {
  const { revenue, cost, counts, by } = input;
  const n = revenue.length;
  const skipped = noSkips();
  const nKeys = by ? by.codes.length : 0;
  const keyRevenue = new Float64Array(nKeys);
  const keyCost = new Float64Array(nKeys);
  const keyCases = new Float64Array(nKeys);
  const keyIds = by?.ids;
  let totalRevenue = 0;
  let totalCost = 0;
  let cases = 0;
  for (let i = 0; i < n; i++) {
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      skipped.noCases++;
      continue;
    }
    const r = c * revenue[i];
    const k = c * cost[i];
    if (keyIds) {
      const key = keyIds[i];
      if (key < 0) {
        skipped.emptyKey++;
        continue;
      }
      keyRevenue[key] += r;
      keyCost[key] += k;
      keyCases[key] += c;
    }
    totalRevenue += r;
    totalCost += k;
    cases += c;
  }
  const row = (key: string, c: number, r: number, k: number): MarginRow => ({
    key,
    cases: c,
    revenue: r,
    cost: k,
    contribution: r - k,
    rate: r !== 0 ? (r - k) / r : NaN,
  });
  let rows: MarginRow[] | undefined;
  if (by) {
    rows = [];
    for (const key of sortedOrder(by.codes)) {
      if (keyCases[key] > 0) rows.push(row(by.codes[key], keyCases[key], keyRevenue[key], keyCost[key]));
    }
  }
  return { overall: row("", cases, totalRevenue, totalCost), rows, skipped };
}
