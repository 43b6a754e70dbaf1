/**
 * Relative weights (相对权重, RW) from costs:
 *
 *     RW_g = scale x (trimmed mean cost of group g) / (mean cost of all cases kept)
 *
 * Trimming (see trimming.ts) runs inside each group, or inside each group x year when years
 * are given, before the means; the all-case mean is the mean over the cases that survive
 * trimming in their groups. Rules, so that a user can redo the numbers in Excel:
 * - a case exactly on a bound is kept; trimming never removes every case of a group (it would:
 *   the group keeps all its cases);
 * - a group (group x year) with fewer than `minCases` cases is not trimmed; a group with fewer
 *   than `minCases` cases in all still gets a weight but `reliable` is 0;
 * - logsd: a cost <= 0 counts in `cases` but never survives trimming, unless that would empty
 *   the group (then every case of it is kept);
 * - a row with `counts` = n stands for n identical cases (its cost is the per-case average).
 *
 * Years (历史数据, 1:2:7): with year weights w_y (default 1, 2, 7 for exactly three years,
 * oldest first; equal otherwise), mean_g = sum_y w_y mean_{g,y} / sum_y w_y over the years in
 * which g has cases, and the all-case mean is blended the same way from each year's all-case
 * mean (over the years with cases).
 *
 *     relativeWeights({ groups: internCodes(["A", "A", "B"]), costs: Float64Array.of(10, 20, 30) },
 *                     { trim: { method: "none" } })
 *     // all-case mean 20; A: 15 / 20 = 0.75, B: 30 / 20 = 1.5
 */
import { Interned, compareCodes } from "./codes";
import { checkSameLength } from "./input";
import { CaseMixError } from "./text";
import {
  TRIM_CODE,
  TRIM_LOGSD,
  TRIM_NONE,
  TRIM_SD,
  TrimOptions,
  momentBoundsFromSums,
  quantileBounds,
  resolveTrim,
  sortPairs,
} from "./trimming";

export interface WeightInput {
  /** Group per row, from internCodes; rows with id -1 are skipped and counted. */
  groups: Interned;
  /** Cost per case (for aggregate rows: the per-case average); NaN = blank: row skipped, counted. */
  costs: Float64Array;
  /** Cases a row stands for (default 1 each); NaN (blank) or 0: row skipped, counted. */
  counts?: Float64Array;
  /** Year key per row (interned with normalizeKey); numbers order numerically, else ordinally. */
  years?: Interned;
}

export interface WeightOptions {
  /** Outlier trimming (default logsd, k = 3). */
  trim?: TrimOptions;
  /** Groups with fewer cases are flagged unreliable and not trimmed (default 5). */
  minCases?: number;
  /** One weight per distinct year key, oldest first (default 1, 2, 7 for three years, else equal). */
  yearWeights?: number[];
  /** Multiplies every weight (1; DIP scores x 100 or x 1000). */
  scale?: number;
  /** Row number of the first row, for messages (default 1). */
  firstRow?: number;
}

export interface SkippedWeightRows {
  /** Rows whose group cell is empty. */
  emptyGroup: number;
  /** Rows whose cost is blank. */
  missingCost: number;
  /** Rows whose case count is blank or 0. */
  zeroCount: number;
  /** Rows whose year cell is empty (only with years). */
  missingYear: number;
}

export interface GroupWeights {
  /** Groups with at least one case with a cost, sorted with compareCodes. */
  codes: string[];
  /** RW x scale. NaN only for a group whose cases all fall in years of weight 0. */
  weight: Float64Array;
  /** Cases with a valid cost. */
  cases: Float64Array;
  /** Cases kept after trimming. */
  kept: Float64Array;
  /** The (year-blended) trimmed mean cost of the group. */
  meanCost: Float64Array;
  /** 1 when cases >= minCases. */
  reliable: Uint8Array;
  /** The (year-blended) all-case trimmed mean cost. */
  allCaseMean: number;
  /**
   * Rows skipped, by reason; each row is counted once, under the first reason in the order
   * emptyGroup, missingYear, missingCost, zeroCount.
   */
  skipped: SkippedWeightRows;
  /** Every distinct year key, oldest first, with the weights applied (only with years). */
  years?: string[];
  yearWeights?: number[];
  /** Set by normalizeWeights: the factor applied and the target mean weight. */
  normalization?: { factor: number; target: number };
}

export const DEFAULT_MIN_CASES = 5;
export const DEFAULT_YEAR_WEIGHTS_3 = [1, 2, 7];

/** Checks `scale` and `minCases`; shared with the standardized weights. */
export function checkWeightOptions(scale: number, minCases: number): void {
  if (!(scale > 0 && scale < Infinity)) {
    throw new CaseMixError("value", {
      en: `scale: ${scale} must be a number above 0`,
      zh: `scale：${scale} 应为大于 0 的数`,
    });
  }
  if (!(minCases >= 0 && minCases < Infinity)) {
    throw new CaseMixError("value", {
      en: `min_cases: ${minCases} must be a number of zero or more`,
      zh: `min_cases：${minCases} 应为大于或等于 0 的数`,
    });
  }
}

/**
 * Case count of row i: 1 without counts; NaN or 0 means "skip" (returned as 0). A negative or
 * infinite count is an error naming the row.
 */
export function rowCount(counts: Float64Array | undefined, i: number, firstRow: number): number {
  if (counts === undefined) return 1;
  const c = counts[i];
  if (c !== c) return 0;
  if (c < 0 || c === Infinity) {
    throw new CaseMixError("value", {
      en: `counts row ${i + firstRow}: ${c} is not a case count; it must be a number of zero or more`,
      zh: `counts 第 ${i + firstRow} 行：${c} 不是有效的病例数，应为大于或等于 0 的数`,
    });
  }
  return c;
}

/** Throws when a cost is infinite (a blank cost is NaN and is skipped instead). */
function infiniteCost(i: number, firstRow: number, x: number): CaseMixError {
  return new CaseMixError("value", {
    en: `costs row ${i + firstRow}: ${x} is not a finite number`,
    zh: `costs 第 ${i + firstRow} 行：${x} 不是有限的数`,
  });
}

/**
 * Year keys oldest first: numerically when every key reads as a number, else ordinally.
 *
 *     yearOrder(["2023", "2021", "2022"])  // Int32Array [1, 2, 0]
 */
export function yearOrder(keys: readonly string[]): Int32Array {
  const order = Int32Array.from(keys.keys());
  const numeric = keys.every((k) => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(k));
  if (numeric) return order.sort((a, b) => Number(keys[a]) - Number(keys[b]) || compareCodes(keys[a], keys[b]));
  return order.sort((a, b) => compareCodes(keys[a], keys[b]));
}

/**
 * The year weights to apply, oldest first: the given ones (checked: one per year, each a
 * number >= 0, not all 0), or 1, 2, 7 for exactly three years, or equal weights.
 */
export function resolveYearWeights(yearKeys: readonly string[], given: number[] | undefined): number[] {
  const n = yearKeys.length;
  if (given === undefined) {
    if (n === 3) return DEFAULT_YEAR_WEIGHTS_3.slice();
    return new Array<number>(n).fill(1);
  }
  if (given.length !== n) {
    const list = yearKeys.length > 0 ? ` (${yearKeys.join(", ")})` : "";
    const listZh = yearKeys.length > 0 ? `（${yearKeys.join("、")}）` : "";
    throw new CaseMixError("value", {
      en: `year_weights has ${given.length} value${given.length === 1 ? "" : "s"} but years has ${n} distinct year${n === 1 ? "" : "s"}${list}; give one weight per year, oldest first`,
      zh: `year_weights 有 ${given.length} 个值，而 years 有 ${n} 个不同年份${listZh}；请按从早到晚的顺序为每个年份给一个权重`,
    });
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = given[i];
    if (!(w >= 0 && w < Infinity)) {
      throw new CaseMixError("value", {
        en: `year_weights item ${i + 1}: ${w} must be a number of zero or more`,
        zh: `year_weights 第 ${i + 1} 项：${w} 应为大于或等于 0 的数`,
      });
    }
    total += w;
  }
  if (!(total > 0)) {
    throw new CaseMixError("value", {
      en: "year_weights: every weight is 0; at least one year must have a weight above 0",
      zh: "year_weights：所有权重都为 0，至少一个年份的权重应大于 0",
    });
  }
  return given.slice();
}

/**
 * Pass 1 over the rows, closure-free over typed arrays: the cell of each row (group x year
 * rank, -1 for a skipped row), cases and cost sums per cell and, for sd / logsd trimming, the
 * first pass of the moments merged in: the value compared (`t[i]`: ln(cost) for logsd, NaN
 * for a cost <= 0, which takes no part) and per cell its count and sum (`momentW`,
 * `momentSum`; for sd these are `cases` and `sumAll` themselves, so nothing more is summed).
 * skippedAcc receives: 0 empty group, 1 missing year, 2 missing cost, 3 zero count.
 * Returns -1, or the first row whose cost is infinite or whose count is negative or infinite
 * (the caller throws the message for it).
 */
function cellPass(
  ids: Int32Array,
  yearIds: Int32Array | undefined,
  rankOf: Int32Array,
  Y: number,
  costs: Float64Array,
  counts: Float64Array | undefined,
  logMoments: boolean,
  cellOf: Int32Array,
  cases: Float64Array,
  sumAll: Float64Array,
  t: Float64Array,
  momentW: Float64Array,
  momentSum: Float64Array,
  skippedAcc: Float64Array,
): number {
  let emptyGroup = 0;
  let missingYear = 0;
  let missingCost = 0;
  let zeroCount = 0;
  let bad = -1;
  const n = ids.length;
  for (let i = 0; i < n; i++) {
    cellOf[i] = -1;
    const g = ids[i];
    if (g < 0) {
      emptyGroup++;
      continue;
    }
    let y = 0;
    if (yearIds !== undefined) {
      const yid = yearIds[i];
      if (yid < 0) {
        missingYear++;
        continue;
      }
      y = rankOf[yid];
    }
    const x = costs[i];
    if (x !== x) {
      missingCost++;
      continue;
    }
    if (x === Infinity || x === -Infinity) {
      bad = i;
      break;
    }
    let c = 1;
    if (counts !== undefined) {
      c = counts[i];
      if (c !== c || c === 0) {
        zeroCount++;
        continue;
      }
      if (c < 0 || c === Infinity) {
        bad = i;
        break;
      }
    }
    const cell = g * Y + y;
    cellOf[i] = cell;
    cases[cell] += c;
    sumAll[cell] += c * x;
    if (logMoments) {
      if (x > 0) {
        const lx = Math.log(x);
        t[i] = lx;
        momentW[cell] += c;
        momentSum[cell] += c * lx;
      } else t[i] = NaN;
    }
  }
  skippedAcc[0] = emptyGroup;
  skippedAcc[1] = missingYear;
  skippedAcc[2] = missingCost;
  skippedAcc[3] = zeroCount;
  return bad;
}

/**
 * Trimmed sums per cell (group x year): `kept` cases and `keptSum` of their costs. Cells
 * with `trimmed[cell]` = 1 are trimmed; the others keep every case (kept/keptSum come in
 * holding every case and are left alone for a cell that trimming would empty). `method` is a
 * TRIM_CODE; `t` the values compared (the costs, or their logs for logsd).
 * sd / logsd: bounds from the per-cell moments (`momentW`, `momentSum` from cellPass), then
 * the sum of squares in one more pass. iqr / percentile: rows bucketed by cell (CSR:
 * offsets + one Int32Array of row indices), each cell's costs gathered into a scratch array
 * and sorted. Then one pass keeps the rows inside their cell's bounds.
 */
function trimCells(
  cellOf: Int32Array,
  costs: Float64Array,
  t: Float64Array,
  counts: Float64Array | undefined,
  trimmed: Uint8Array,
  method: number,
  k: number,
  pLow: number,
  pHigh: number,
  momentW: Float64Array,
  momentSum: Float64Array,
  kept: Float64Array,
  keptSum: Float64Array,
): void {
  const cellCount = trimmed.length;
  const low = new Float64Array(cellCount);
  const high = new Float64Array(cellCount);
  if (method === TRIM_SD || method === TRIM_LOGSD) {
    momentBoundsFromSums(t, counts, cellOf, trimmed, k, momentW, momentSum, low, high);
  } else {
    quantileBoundsByCell(cellOf, costs, counts, trimmed, method, k, pLow, pHigh, low, high);
  }
  const keptCases = new Float64Array(cellCount);
  const keptCost = new Float64Array(cellCount);
  keepKernel(cellOf, t, costs, counts, trimmed, low, high, keptCases, keptCost);
  for (let cell = 0; cell < cellCount; cell++) {
    if (trimmed[cell] && keptCases[cell] > 0) {
      kept[cell] = keptCases[cell];
      keptSum[cell] = keptCost[cell];
    }
  }
}

/** iqr / percentile bounds of every trimmed cell: its rows bucketed (CSR), sorted, read. */
function quantileBoundsByCell(
  cellOf: Int32Array,
  costs: Float64Array,
  counts: Float64Array | undefined,
  trimmed: Uint8Array,
  method: number,
  k: number,
  pLow: number,
  pHigh: number,
  low: Float64Array,
  high: Float64Array,
): void {
  const n = cellOf.length;
  const cellCount = trimmed.length;
  const offsets = new Int32Array(cellCount + 1);
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i];
    if (cell >= 0 && trimmed[cell]) offsets[cell + 1]++;
  }
  let maxRows = 0;
  for (let c = 0; c < cellCount; c++) {
    if (offsets[c + 1] > maxRows) maxRows = offsets[c + 1];
    offsets[c + 1] += offsets[c];
  }
  const rows = new Int32Array(offsets[cellCount]);
  const fill = offsets.slice(0, cellCount);
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i];
    if (cell >= 0 && trimmed[cell]) rows[fill[cell]++] = i;
  }
  const values = new Float64Array(maxRows);
  const weights = counts === undefined ? undefined : new Float64Array(maxRows);
  const bounds = new Float64Array(2);
  for (let cell = 0; cell < cellCount; cell++) {
    if (!trimmed[cell]) continue;
    const start = offsets[cell];
    const m = offsets[cell + 1] - start;
    for (let r = 0; r < m; r++) values[r] = costs[rows[start + r]];
    if (weights === undefined || counts === undefined) values.subarray(0, m).sort();
    else {
      for (let r = 0; r < m; r++) weights[r] = counts[rows[start + r]];
      sortPairs(values, weights, m);
    }
    quantileBounds(values.subarray(0, m), weights?.subarray(0, m), method, k, pLow, pHigh, bounds);
    low[cell] = bounds[0];
    high[cell] = bounds[1];
  }
}

/** Cases and cost sums per trimmed cell over the rows whose `t` lies within the cell's bounds. */
function keepKernel(
  cellOf: Int32Array,
  t: Float64Array,
  costs: Float64Array,
  counts: Float64Array | undefined,
  trimmed: Uint8Array,
  low: Float64Array,
  high: Float64Array,
  keptCases: Float64Array,
  keptCost: Float64Array,
): void {
  const n = cellOf.length;
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i];
    if (cell < 0 || trimmed[cell] === 0) continue;
    const x = t[i];
    if (x >= low[cell] && x <= high[cell]) {
      const c = counts === undefined ? 1 : counts[i];
      keptCases[cell] += c;
      keptCost[cell] += c * costs[i];
    }
  }
}

/**
 * Relative weight of each group: RW_g = scale x mean_g / mean_all on trimmed costs, blended
 * over years when given. See the module comment for the rules. Throws "div0" when no row has
 * a group, a cost and a case count, or when the all-case mean cost is 0.
 *
 *     // A: 10, 12, 13, 14, 100 (iqr trims 100: mean 12.25); B: 20 x 5 (mean 20)
 *     // all-case mean (49 + 100) / 9 = 16.56, RW_A = 12.25 / 16.56 = 0.740, RW_B = 1.208
 */
export function relativeWeights(input: WeightInput, options: WeightOptions = {}): GroupWeights {
  const { groups, costs, counts, years } = input;
  const n = groups.ids.length;
  checkSameLength({ name: "groups", length: n }, { name: "costs", length: costs.length });
  if (counts !== undefined) checkSameLength({ name: "groups", length: n }, { name: "counts", length: counts.length });
  if (years !== undefined) checkSameLength({ name: "groups", length: n }, { name: "years", length: years.ids.length });
  const trim = resolveTrim(options.trim);
  const minCases = options.minCases ?? DEFAULT_MIN_CASES;
  const scale = options.scale ?? 1;
  const firstRow = options.firstRow ?? 1;
  checkWeightOptions(scale, minCases);

  // Years: rank of each year id (oldest 0) and the weight per rank.
  const yearKeys = years === undefined ? [] : years.codes;
  const order = yearOrder(yearKeys);
  const Y = years === undefined ? 1 : Math.max(1, yearKeys.length);
  const sortedYears = Array.from(order, (id) => yearKeys[id]);
  let yearWeights: number[];
  if (years === undefined) {
    const given = options.yearWeights;
    if (given !== undefined && given.length !== 1) {
      throw new CaseMixError("value", {
        en: `year_weights has ${given.length} values but no years were given; give a years column, one weight per distinct year`,
        zh: `year_weights 有 ${given.length} 个值，但没有提供 years（年份）列；请提供年份列，并为每个不同年份给一个权重`,
      });
    }
    yearWeights = [1];
  } else {
    yearWeights = resolveYearWeights(sortedYears, options.yearWeights);
  }
  const rankOf = new Int32Array(Y);
  for (let r = 0; r < order.length; r++) rankOf[order[r]] = r;

  // Pass 1: cell of each row (group x year rank), cases and cost sums per cell, with the
  // first pass of the sd / logsd moments merged in.
  const method = TRIM_CODE[trim.method];
  const logMoments = method === TRIM_LOGSD;
  const G = groups.codes.length;
  const cellCount = G * Y;
  const cellOf = new Int32Array(n);
  const cases = new Float64Array(cellCount);
  const sumAll = new Float64Array(cellCount);
  const t = logMoments ? new Float64Array(n) : costs;
  const momentW = logMoments ? new Float64Array(cellCount) : cases;
  const momentSum = logMoments ? new Float64Array(cellCount) : sumAll;
  const skippedAcc = new Float64Array(4);
  const bad = cellPass(
    groups.ids,
    years?.ids,
    rankOf,
    Y,
    costs,
    counts,
    logMoments,
    cellOf,
    cases,
    sumAll,
    t,
    momentW,
    momentSum,
    skippedAcc,
  );
  if (bad >= 0) {
    const x = costs[bad];
    if (x === Infinity || x === -Infinity) throw infiniteCost(bad, firstRow, x);
    rowCount(counts, bad, firstRow); // throws: a negative or infinite count
  }
  const skipped: SkippedWeightRows = {
    emptyGroup: skippedAcc[0],
    missingCost: skippedAcc[2],
    zeroCount: skippedAcc[3],
    missingYear: skippedAcc[1],
  };

  // Trimming inside each cell with enough cases.
  const kept = cases.slice();
  const keptSum = sumAll.slice();
  if (method !== TRIM_NONE) {
    const trimmed = new Uint8Array(cellCount);
    let any = false;
    for (let cell = 0; cell < cellCount; cell++) {
      if (cases[cell] > 0 && cases[cell] >= minCases) {
        trimmed[cell] = 1;
        any = true;
      }
    }
    if (any)
      trimCells(
        cellOf,
        costs,
        t,
        counts,
        trimmed,
        method,
        trim.k,
        trim.pLow,
        trim.pHigh,
        momentW,
        momentSum,
        kept,
        keptSum,
      );
  }

  // Year all-case means, then the blended means.
  const yearKept = new Float64Array(Y);
  const yearSum = new Float64Array(Y);
  for (let cell = 0; cell < cellCount; cell++) {
    const y = cell % Y;
    yearKept[y] += kept[cell];
    yearSum[y] += keptSum[cell];
  }
  let allNum = 0;
  let allDen = 0;
  let anyCase = false;
  for (let y = 0; y < Y; y++) {
    if (yearKept[y] > 0) {
      anyCase = true;
      allNum += yearWeights[y] * (yearSum[y] / yearKept[y]);
      allDen += yearWeights[y];
    }
  }
  if (!anyCase) {
    throw new CaseMixError("div0", {
      en: "no weights: no row has a group, a cost and a case count, so there is no mean cost to divide by",
      zh: "无法计算权重：没有任何一行同时具有病组、费用和病例数，没有可作分母的平均费用",
    });
  }
  const allCaseMean = allNum / allDen;
  if (allCaseMean === Infinity) {
    // Costs times counts beyond a double: every weight would be a finite mean over Infinity, 0.
    throw new CaseMixError("num", {
      en: "no weights: the costs times the case counts add up to more than 1.8e308, the largest number Excel holds",
      zh: "无法计算权重：费用乘以病例数之和超过 1.8e308（Excel 能表示的最大数）",
    });
  }
  if (!(allCaseMean !== 0 && allCaseMean === allCaseMean)) {
    throw new CaseMixError("div0", {
      en:
        allDen === 0
          ? "no weights: every year that has cases has a year weight of 0"
          : "no weights: the mean cost of all cases is 0, so weights cannot be divided by it",
      zh:
        allDen === 0
          ? "无法计算权重：有病例的年份的年度权重都为 0"
          : "无法计算权重：全部病例的平均费用为 0，不能作分母",
    });
  }

  const present: number[] = [];
  const groupCases = new Float64Array(G);
  const groupKept = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    for (let y = 0; y < Y; y++) {
      groupCases[g] += cases[g * Y + y];
      groupKept[g] += kept[g * Y + y];
    }
    if (groupCases[g] > 0) present.push(g);
  }
  const codesOf = groups.codes;
  present.sort((a, b) => compareCodes(codesOf[a], codesOf[b]));
  const m = present.length;
  const out: GroupWeights = {
    codes: present.map((g) => codesOf[g]),
    weight: new Float64Array(m),
    cases: new Float64Array(m),
    kept: new Float64Array(m),
    meanCost: new Float64Array(m),
    reliable: new Uint8Array(m),
    allCaseMean,
    skipped,
  };
  for (let j = 0; j < m; j++) {
    const g = present[j];
    let num = 0;
    let den = 0;
    for (let y = 0; y < Y; y++) {
      const cell = g * Y + y;
      if (kept[cell] > 0) {
        num += yearWeights[y] * (keptSum[cell] / kept[cell]);
        den += yearWeights[y];
      }
    }
    const meanCost = num / den;
    out.meanCost[j] = meanCost;
    out.weight[j] = (scale * meanCost) / allCaseMean;
    out.cases[j] = groupCases[g];
    out.kept[j] = groupKept[g];
    out.reliable[j] = groupCases[g] >= minCases ? 1 : 0;
  }
  if (years !== undefined) {
    out.years = sortedYears;
    out.yearWeights = yearWeights;
  }
  return out;
}
