/**
 * Outlier trimming (去除极值) of the costs of one DRG group before its mean is taken.
 *
 * Methods (all with a case exactly on a bound kept):
 * - `none`: keep everything;
 * - `iqr`: keep Q1 - k x IQR <= cost <= Q3 + k x IQR (k default 1.5), quartiles as QUARTILE.INC;
 * - `sd`: keep mean - k x SD <= cost <= mean + k x SD (k default 3), SD as STDEV.S;
 * - `logsd`: the same on ln(cost) (k default 3), as the US CMS does for MS-DRG weights. A cost
 *   <= 0 cannot be logged: it takes no part in the mean and SD of the logs and is never inside
 *   the bounds (the caller keeps it only when trimming would otherwise empty the group);
 * - `percentile`: keep PERCENTILE.INC(pLow) <= cost <= PERCENTILE.INC(pHigh), defaults
 *   pLow = 0.05 and pHigh = 0.95 (fractions 0..1).
 *
 * With counts, a row stands for `count` identical cases: the mean, SD and quantiles are those
 * of the expanded data. For quantiles with non-integer counts the expanded data is read as a
 * step function: with W = sum of counts, h = (W - 1) p, the value at expanded position j is
 * the value of the first (sorted) row whose cumulative count exceeds j; for whole counts this
 * is exactly PERCENTILE.INC of the expanded rows.
 *
 *     trimBounds([10, 12, 13, 14, 100], undefined, { method: "iqr" })
 *     // Q1 = 12, Q3 = 14, IQR = 2: { low: 9, high: 17 }, so 100 is trimmed
 */
import { lookupWord } from "./lookup";
import { quantileSorted } from "./statistics";
import { CaseMixError } from "./text";

export type TrimMethod = "none" | "iqr" | "sd" | "logsd" | "percentile";

export const TRIM_METHODS: readonly TrimMethod[] = ["none", "iqr", "sd", "logsd", "percentile"];

export interface TrimOptions {
  method: TrimMethod;
  /** Width of the fence: iqr 1.5, sd 3, logsd 3 by default. */
  k?: number;
  /** percentile: lower cut, a fraction 0..1 (default 0.05). */
  pLow?: number;
  /** percentile: upper cut, a fraction 0..1 (default 0.95). */
  pHigh?: number;
}

/** Decision (DOMAIN.md): ln(cost) within mean +- 3 SD, as CMS. */
export const DEFAULT_TRIM: TrimOptions = { method: "logsd", k: 3 };

export const DEFAULT_K: Readonly<Record<TrimMethod, number>> = { none: 0, iqr: 1.5, sd: 3, logsd: 3, percentile: 0 };
export const DEFAULT_P_LOW = 0.05;
export const DEFAULT_P_HIGH = 0.95;

/**
 * Methods as small integers, for the hot loops (a number instead of a per-call object):
 * TRIM_CODE[method], in the order of TRIM_METHODS.
 *
 *     TRIM_CODE.logsd  // 3
 */
export const TRIM_CODE: Readonly<Record<TrimMethod, number>> = { none: 0, iqr: 1, sd: 2, logsd: 3, percentile: 4 };
export const TRIM_NONE = 0;
export const TRIM_IQR = 1;
export const TRIM_SD = 2;
export const TRIM_LOGSD = 3;
export const TRIM_PERCENTILE = 4;

/** Trim options with every default filled in and every value checked. */
export interface ResolvedTrim {
  method: TrimMethod;
  k: number;
  pLow: number;
  pHigh: number;
}

/**
 * Fills in the defaults and checks the values: k a number >= 0, 0 <= pLow <= pHigh <= 1.
 *
 *     resolveTrim({ method: "iqr" })  // { method: "iqr", k: 1.5, pLow: 0.05, pHigh: 0.95 }
 */
export function resolveTrim(options: TrimOptions | undefined): ResolvedTrim {
  const o = options ?? DEFAULT_TRIM;
  const method = o.method;
  if (!TRIM_METHODS.includes(method)) {
    throw new CaseMixError("value", {
      en: `trim: "${String(method)}" is not one of ${TRIM_METHODS.join(", ")}`,
      zh: `trim："${String(method)}" 不是可选值之一（${TRIM_METHODS.join("、")}）`,
    });
  }
  const k = o.k ?? DEFAULT_K[method];
  if (!(k >= 0 && k < Infinity)) {
    throw new CaseMixError("value", {
      en: `trim_k: ${k} must be a number of zero or more`,
      zh: `trim_k：${k} 应为大于或等于 0 的数`,
    });
  }
  const pLow = o.pLow ?? DEFAULT_P_LOW;
  const pHigh = o.pHigh ?? DEFAULT_P_HIGH;
  if (!(pLow >= 0 && pLow <= 1 && pHigh >= 0 && pHigh <= 1 && pLow <= pHigh)) {
    throw new CaseMixError("value", {
      en: `trim percentiles: low ${pLow} and high ${pHigh} must be fractions with 0 <= low <= high <= 1`,
      zh: `去除极值的百分位：下限 ${pLow}、上限 ${pHigh} 应为 0 到 1 之间的小数，且下限不大于上限`,
    });
  }
  return { method, k, pLow, pHigh };
}

/** Method names users type, English or Chinese, mapped to a method. */
const METHOD_WORDS: Record<string, TrimMethod> = {
  none: "none",
  no: "none",
  无: "none",
  不去除: "none",
  不剔除: "none",
  iqr: "iqr",
  四分位: "iqr",
  四分位距: "iqr",
  sd: "sd",
  标准差: "sd",
  logsd: "logsd",
  log: "logsd",
  对数标准差: "logsd",
  对数: "logsd",
  percentile: "percentile",
  百分位: "percentile",
  百分位数: "percentile",
};

/**
 * The trimming method a user typed (`logsd`, `IQR`, `四分位`, `对数标准差`...); blank gives
 * the default `logsd`.
 *
 *     parseTrimMethod("四分位")  // "iqr"
 */
export function parseTrimMethod(value: unknown, argName = "trim"): TrimMethod {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return DEFAULT_TRIM.method;
  }
  const s = String(value)
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, "");
  const hit = lookupWord(METHOD_WORDS, s);
  if (hit !== undefined) return hit;
  throw new CaseMixError("value", {
    en: `${argName}: "${String(value)}" is not one of ${TRIM_METHODS.join(", ")}`,
    zh: `${argName}："${String(value)}" 不是可选值之一（${TRIM_METHODS.join("、")}，或 不去除、四分位、标准差、对数标准差、百分位）`,
  });
}

/**
 * PERCENTILE.INC of ascending `sorted` where row r stands for `weights[r]` cases (without
 * weights: statistics.quantileSorted): h = (W - 1) p with W the total count,
 * result = x(floor h) + frac(h) (x(floor h + 1) - x(floor h)), x(j) read on the expanded data.
 *
 *     weightedQuantileSorted(Float64Array.of(1, 5), Float64Array.of(3, 1), 0.5)
 *     // expanded 1, 1, 1, 5: h = 1.5, x(1) = 1, x(2) = 1: 1
 */
export function weightedQuantileSorted(
  sorted: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  p: number,
  total?: number,
): number {
  if (weights === undefined) return quantileSorted(sorted, p);
  const m = sorted.length;
  if (m === 0) return NaN;
  let w = total;
  if (w === undefined) {
    w = 0;
    for (let r = 0; r < m; r++) w += weights[r];
  }
  let h = (w - 1) * Math.min(Math.max(p, 0), 1);
  if (!(h > 0)) h = 0;
  const lo = Math.floor(h);
  const frac = h - lo;
  // First row whose cumulative count exceeds lo, then the one exceeding lo + 1.
  let cum = 0;
  let r = 0;
  while (r < m - 1 && cum + weights[r] <= lo) cum += weights[r++];
  const xLo = sorted[r];
  if (frac === 0) return xLo;
  while (r < m - 1 && cum + weights[r] <= lo + 1) cum += weights[r++];
  const xHi = sorted[r];
  return xLo + frac * (xHi - xLo);
}

/**
 * The value a cost is compared with: the cost itself, or ln(cost) for logsd, NaN for a
 * cost <= 0 under logsd (NaN is never inside bounds and takes no part in the statistics).
 * Returns `costs` itself when nothing changes.
 */
export function comparisonValues(costs: Float64Array, log: boolean): Float64Array {
  if (!log) return costs;
  const n = costs.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = costs[i];
    t[i] = x > 0 ? Math.log(x) : NaN;
  }
  return t;
}

/**
 * sd / logsd bounds for many cells (groups, group x year) in three sequential passes over
 * the rows, no sorting: mean, then sample SD, of `t` over the rows of each active cell
 * (rows with `cellOf` -1 or a NaN `t` take no part), then mean -+ k SD into low/high.
 * A cell whose total count is <= 1 has no SD and gets -Infinity..Infinity.
 */
export function momentBoundsByCell(
  t: Float64Array,
  counts: ArrayLike<number> | undefined,
  cellOf: Int32Array,
  active: Uint8Array,
  k: number,
  low: Float64Array,
  high: Float64Array,
): void {
  const cells = active.length;
  const w = new Float64Array(cells);
  const sum = new Float64Array(cells);
  const n = cellOf.length;
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i];
    const x = t[i];
    if (cell < 0 || active[cell] === 0 || x !== x) continue;
    const c = counts === undefined ? 1 : counts[i];
    w[cell] += c;
    sum[cell] += c * x;
  }
  momentBoundsFromSums(t, counts, cellOf, active, k, w, sum, low, high);
}

/**
 * The second and third passes of momentBoundsByCell, given per cell the count `w` and the
 * sum `sum` of c x t over the rows that take part (the first pass, which a caller may have
 * merged into a pass of its own; left unchanged): sample SD about sum / w, then mean -+ k SD.
 */
export function momentBoundsFromSums(
  t: Float64Array,
  counts: ArrayLike<number> | undefined,
  cellOf: Int32Array,
  active: Uint8Array,
  k: number,
  w: Float64Array,
  sum: Float64Array,
  low: Float64Array,
  high: Float64Array,
): void {
  const cells = active.length;
  const n = cellOf.length;
  const mu = new Float64Array(cells);
  const ss = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) mu[cell] = w[cell] > 0 ? sum[cell] / w[cell] : sum[cell];
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i];
    const x = t[i];
    if (cell < 0 || active[cell] === 0 || x !== x) continue;
    const c = counts === undefined ? 1 : counts[i];
    const d = x - mu[cell];
    ss[cell] += c * d * d;
  }
  for (let cell = 0; cell < cells; cell++) {
    if (w[cell] > 1) {
      const sd = Math.sqrt(ss[cell] / (w[cell] - 1));
      low[cell] = mu[cell] - k * sd;
      high[cell] = mu[cell] + k * sd;
    } else {
      low[cell] = -Infinity;
      high[cell] = Infinity;
    }
  }
}

/**
 * iqr / percentile bounds of one cell from its ascending values `sorted` (with aligned
 * `weights`, or 1 each), into out[0] (low) and out[1] (high); `method` is a TRIM_CODE.
 */
export function quantileBounds(
  sorted: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  method: number,
  k: number,
  pLow: number,
  pHigh: number,
  out: Float64Array,
): void {
  if (method === TRIM_IQR) {
    const q1 = weightedQuantileSorted(sorted, weights, 0.25);
    const q3 = weightedQuantileSorted(sorted, weights, 0.75);
    const iqr = q3 - q1;
    out[0] = q1 - k * iqr;
    out[1] = q3 + k * iqr;
  } else if (method === TRIM_PERCENTILE) {
    out[0] = weightedQuantileSorted(sorted, weights, pLow);
    out[1] = weightedQuantileSorted(sorted, weights, pHigh);
  } else {
    out[0] = -Infinity;
    out[1] = Infinity;
  }
}

/**
 * Sorts `values[0..m)` ascending and moves `weights` along (quicksort, median of three,
 * insertion sort below 16 items); for counts, where a plain typed-array sort cannot carry
 * the weights.
 */
export function sortPairs(values: Float64Array, weights: Float64Array, m: number): void {
  const stack: number[] = [0, m - 1];
  while (stack.length > 0) {
    const hi0 = stack.pop() as number;
    const lo0 = stack.pop() as number;
    let lo = lo0;
    let hi = hi0;
    if (hi - lo < 16) {
      for (let i = lo + 1; i <= hi; i++) {
        const v = values[i];
        const w = weights[i];
        let j = i - 1;
        while (j >= lo && values[j] > v) {
          values[j + 1] = values[j];
          weights[j + 1] = weights[j];
          j--;
        }
        values[j + 1] = v;
        weights[j + 1] = w;
      }
      continue;
    }
    const mid = (lo + hi) >>> 1;
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    while (lo <= hi) {
      while (values[lo] < pivot) lo++;
      while (values[hi] > pivot) hi--;
      if (lo <= hi) {
        const tv = values[lo];
        values[lo] = values[hi];
        values[hi] = tv;
        const tw = weights[lo];
        weights[lo] = weights[hi];
        weights[hi] = tw;
        lo++;
        hi--;
      }
    }
    // Smaller part last so it is handled first and the stack stays shallow.
    if (hi - lo0 < hi0 - lo) {
      if (lo < hi0) stack.push(lo, hi0);
      if (lo0 < hi) stack.push(lo0, hi);
    } else {
      if (lo0 < hi) stack.push(lo0, hi);
      if (lo < hi0) stack.push(lo, hi0);
    }
  }
}

/**
 * Bounds [low, high] on cost for one group's values (each value repeated counts[i] times
 * when counts are given); a cost is kept when low <= cost <= high. For logsd the bounds are
 * exp(mean(ln) -+ k SD(ln)), and a cost <= 0 is outside whatever the bounds. With no
 * statistic to trim on (method none, fewer than two cases for sd/logsd) the bounds are
 * -Infinity..Infinity (0..Infinity for logsd).
 *
 *     trimBounds([1, 1, 3, 5, 5], undefined, { method: "sd", k: 1 })
 *     // mean 3, SD = sqrt(16 / 4) = 2: { low: 1, high: 5 }
 */
export function trimBounds(
  values: ArrayLike<number>,
  counts: ArrayLike<number> | undefined,
  options: TrimOptions,
): { low: number; high: number } {
  const trim = resolveTrim(options);
  const m = values.length;
  if (counts !== undefined && counts.length !== m) {
    throw new CaseMixError("value", {
      en: `counts has ${counts.length} values but costs has ${m}; they must be the same size`,
      zh: `counts 有 ${counts.length} 个值，而 costs 有 ${m} 个，两者大小必须相同`,
    });
  }
  const v = Float64Array.from(values);
  const w = counts === undefined ? undefined : Float64Array.from(counts);
  if (trim.method === "sd" || trim.method === "logsd") {
    const log = trim.method === "logsd";
    const low = new Float64Array(1);
    const high = new Float64Array(1);
    momentBoundsByCell(comparisonValues(v, log), w, new Int32Array(m), Uint8Array.of(1), trim.k, low, high);
    return log ? { low: Math.exp(low[0]), high: Math.exp(high[0]) } : { low: low[0], high: high[0] };
  }
  if (w === undefined) v.sort();
  else sortPairs(v, w, m);
  const out = new Float64Array(2);
  quantileBounds(v, w, TRIM_CODE[trim.method], trim.k, trim.pLow, trim.pHigh, out);
  return { low: out[0], high: out[1] };
}
