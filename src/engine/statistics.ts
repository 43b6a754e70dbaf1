/**
 * Statistics helpers with the same definitions as Excel, so users can check them by hand.
 *
 *     quantileInc([1, 2, 3, 4], 0.25)   // 1.75, as QUARTILE.INC({1,2,3,4}, 1)
 *     sampleSd([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138..., as STDEV.S
 */

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? NaN : sum(values) / values.length;
}

/** Sample standard deviation (STDEV.S); NaN for fewer than two values. */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/**
 * Quantile of ascending-sorted values as PERCENTILE.INC / QUARTILE.INC:
 * h = (n - 1) p, result = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

export function quantileInc(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return quantileSorted(sorted, p);
}

export function median(values: ArrayLike<number>): number {
  return quantileInc(values, 0.5);
}
