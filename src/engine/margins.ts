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
  /**
   * Revenue per case (per-case average for aggregate rows): a column, or columns added across
   * (insurance + self-pay) as `addAcross` adds them, a blank (NaN) counting as 0.
   */
  revenue: Float64Array | readonly Float64Array[];
  /** Cost per case at the chosen layer: a column, or the layer's columns (see `revenue`). */
  cost: Float64Array | readonly Float64Array[];
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

/**
 * The sums of marginContribution in one pass, closure-free: per row the revenue and cost
 * (columns added across as addAcross does; one column taken as it is) times the cases. acc
 * receives 0 revenue, 1 cost, 2 cases, 3 no-case rows, 4 empty-key rows.
 */
function marginKernel(
  revenue: readonly Float64Array[],
  cost: readonly Float64Array[],
  counts: Float64Array | undefined,
  keyIds: Int32Array | undefined,
  keyRevenue: Float64Array,
  keyCost: Float64Array,
  keyCases: Float64Array,
  acc: Float64Array,
): void {
  const n = revenue[0].length;
  const oneRevenue = revenue.length === 1;
  const oneCost = cost.length === 1;
  let totalRevenue = 0;
  let totalCost = 0;
  let cases = 0;
  let noCases = 0;
  let emptyKey = 0;
  for (let i = 0; i < n; i++) {
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      noCases++;
      continue;
    }
    let rv = 0;
    if (oneRevenue) rv = revenue[0][i];
    else
      for (let j = 0; j < revenue.length; j++) {
        const v = revenue[j][i];
        if (v === v) rv += v;
      }
    let kv = 0;
    if (oneCost) kv = cost[0][i];
    else
      for (let j = 0; j < cost.length; j++) {
        const v = cost[j][i];
        if (v === v) kv += v;
      }
    const r = c * rv;
    const k = c * kv;
    if (keyIds) {
      const key = keyIds[i];
      if (key < 0) {
        emptyKey++;
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
  acc[0] = totalRevenue;
  acc[1] = totalCost;
  acc[2] = cases;
  acc[3] = noCases;
  acc[4] = emptyKey;
}

export function marginContribution(input: MarginInput): MarginResult {
  const { counts, by } = input;
  const revenue = input.revenue instanceof Float64Array ? [input.revenue] : input.revenue;
  const cost = input.cost instanceof Float64Array ? [input.cost] : input.cost;
  const nKeys = by ? by.codes.length : 0;
  const keyRevenue = new Float64Array(nKeys);
  const keyCost = new Float64Array(nKeys);
  const keyCases = new Float64Array(nKeys);
  const acc = new Float64Array(5);
  if (revenue.length > 0 && cost.length > 0)
    marginKernel(revenue, cost, counts, by?.ids, keyRevenue, keyCost, keyCases, acc);
  const [totalRevenue, totalCost, cases] = acc;
  const skipped = noSkips();
  skipped.noCases = acc[3];
  skipped.emptyKey = acc[4];
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
