/**
 * CMI targets per department (CMI 值目标设定, DOMAIN.md "Using CMI"): a transparent rule the
 * user can change, with every input shown so that a department head can check it.
 *
 *     CMI_{u,t}  = the unit's CMI in period t (caseMix by unit and period)
 *     slope_u    = least-squares slope of CMI_{u,t} on t = 1, 2, ... (the position of the period
 *                  among all periods given, in display order), over the periods with cases
 *     latest_u   = CMI of the unit's latest period with cases
 *     benchmark_u = the unit's value in a benchmark table, or else its own best period's CMI
 *     target_u   = latest_u + share x max(0, benchmark_u - latest_u)      (share default 0.3)
 *
 * Example: a unit with CMI 0.9, 1.1, 1.0 in 2022, 2023, 2024: slope = ((-1)(-0.1) + 0 + (1)(0)) / 2
 * = 0.05 per period; latest 1.0; without a table the benchmark is its best period, 1.1; target
 * 1.0 + 0.3 x (1.1 - 1.0) = 1.03. With a benchmark of 0.95 the target stays at 1.0.
 */
import { caseMix } from "./caseMix";
import { Interned } from "./codes";
import { SkippedRows, sortedOrder } from "./grouping";
import { leastSquares } from "./leastSquares";
import { CaseMixError } from "./text";
import { MissingWeightRule, WeightTable } from "./weightTable";

export const DEFAULT_TARGET_SHARE = 0.3;

export interface CmiTargetInput {
  groups: Interned;
  periods: Interned;
  by: Interned;
  counts?: Float64Array;
}

export interface CmiTargetOptions {
  /** Unit -> benchmark CMI (the same department elsewhere); without it, each unit's best period. */
  benchmark?: WeightTable;
  /** Share of the gap to the benchmark to close, 0 to 1 (default 0.3). */
  share?: number;
  missing?: MissingWeightRule;
  tableName?: string;
}

export interface CmiTargetRow {
  key: string;
  cases: number;
  /** Per period (in `periods` order): the unit's CMI, NaN when it has no case then. */
  cmiByPeriod: number[];
  /** CMI change per period; NaN with fewer than two periods with cases. */
  slope: number;
  latest: number;
  latestPeriod: string;
  benchmark: number;
  /** "table": from the benchmark table; "best": the unit's own best period. */
  benchmarkSource: "table" | "best";
  share: number;
  target: number;
}

export interface CmiTargetResult {
  /** The periods in display order (the columns of cmiByPeriod). */
  periods: string[];
  rows: CmiTargetRow[];
  excludedCases: number;
  missingCodes: string[];
  /** Rows skipped; `emptyKey` counts rows with an empty unit or an empty period. */
  skipped: SkippedRows;
}

/** Least-squares slope of y on x (Excel's SLOPE); NaN for fewer than two distinct x. */
export function trendSlope(x: readonly number[], y: readonly number[]): number {
  if (x.length < 2) return NaN;
  const fit = leastSquares([new Float64Array(x.length).fill(1), Float64Array.from(x)], Float64Array.from(y));
  return fit.rank < 2 ? NaN : fit.coefficients[1];
}

function checkShare(share: number): void {
  if (!(share >= 0 && share <= 1)) {
    throw new CaseMixError("value", {
      en: `share must be between 0 and 1, the part of the gap to the benchmark to close (got ${share})`,
      zh: `share 应在 0 与 1 之间，表示向标杆缩小差距的比例（当前为 ${share}）`,
    });
  }
}

/** The (unit, period) pairs as one key column, so that caseMix gives the CMI of each pair. */
function unitPeriodKeys(by: Interned, periods: Interned): Interned {
  const P = periods.codes.length;
  const ids = new Int32Array(by.ids.length);
  for (let i = 0; i < ids.length; i++) {
    const u = by.ids[i];
    const t = periods.ids[i];
    ids[i] = u < 0 || t < 0 ? -1 : u * P + t;
  }
  // Keys are never shown: caseMix only needs one distinct string a pair.
  const codes = Array.from({ length: by.codes.length * P }, (_, k) => String(k));
  return { ids, codes, empty: 0 };
}

export function cmiTargets(input: CmiTargetInput, table: WeightTable, options: CmiTargetOptions = {}): CmiTargetResult {
  const share = options.share ?? DEFAULT_TARGET_SHARE;
  checkShare(share);
  const { by, periods } = input;
  const P = periods.codes.length;
  const mix = caseMix({ groups: input.groups, counts: input.counts, by: unitPeriodKeys(by, periods) }, table, {
    missing: options.missing,
    tableName: options.tableName,
  });
  const cases = new Float64Array(by.codes.length * P);
  const cmi = new Float64Array(by.codes.length * P).fill(NaN);
  for (const row of mix.rows ?? []) {
    const k = Number(row.key);
    cases[k] = row.cases;
    if (row.cases > 0) cmi[k] = row.cmi;
  }
  const periodOrder = Array.from(sortedOrder(periods.codes));
  const rows: CmiTargetRow[] = [];
  for (const u of sortedOrder(by.codes)) {
    const byPeriod = periodOrder.map((t) => cmi[u * P + t]);
    const seen = byPeriod.map((_, j) => j).filter((j) => byPeriod[j] === byPeriod[j]);
    if (seen.length === 0) continue;
    const last = seen[seen.length - 1];
    const latest = byPeriod[last];
    const best = Math.max(...seen.map((j) => byPeriod[j]));
    const fromTable = options.benchmark ? options.benchmark.weightOf(by.codes[u]) : NaN;
    const benchmark = fromTable === fromTable ? fromTable : best;
    rows.push({
      key: by.codes[u],
      cases: periodOrder.reduce((s, t) => s + cases[u * P + t], 0),
      cmiByPeriod: byPeriod,
      slope: trendSlope(
        seen.map((j) => j + 1),
        seen.map((j) => byPeriod[j]),
      ),
      latest,
      latestPeriod: periods.codes[periodOrder[last]],
      benchmark,
      benchmarkSource: fromTable === fromTable ? "table" : "best",
      share,
      target: latest + share * Math.max(0, benchmark - latest),
    });
  }
  return {
    periods: periodOrder.map((t) => periods.codes[t]),
    rows,
    excludedCases: mix.excludedCases,
    missingCodes: mix.missingCodes,
    skipped: mix.skipped,
  };
}
