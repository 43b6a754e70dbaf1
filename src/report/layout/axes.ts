/**
 * Axis bounds of the scatter charts, one algorithm for both renderers: the bounds take in every
 * point and the cut line with 4% of the span to spare, rounded outward to a multiple of a
 * 1-2-5 step of about an eighth of the span (the tick step, set on the axis too), never padded
 * across 0 (a range of values >= 0 starts at 0 at the lowest). A logarithmic axis (base 2)
 * runs between the powers of two around the positive values.
 *
 * Before, the Excel renderer padded 5% and rounded to two significant digits of each bound
 * (0.38 to 2.1: ticks Excel then chose itself), the .xlsx renderer used this step rounding but
 * started every x axis at 0; the step rounding won (round ticks that line up with the bounds),
 * the x axis of a CMI trend (0.8 to 1.5) no longer starts at 0.
 */

export interface AxisBounds {
  min: number;
  max: number;
  /** The tick step (undefined on a logarithmic axis, whose ticks are the powers of the base). */
  step?: number;
  /** Base of a logarithmic axis. */
  logBase?: number;
}

/** A 1-2-5 step of about an eighth of the span: 0.16 -> 0.02, 1.6 -> 0.2, 7,000 -> 1,000. */
export function niceStep(span: number): number {
  // Spans below 1e-11 (all values equal and denormal) get a step of 1e-12 rather than 0.
  const raw = Math.max(span / 8 || 1, 1e-12);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Round away binary noise (0.30000000000000004). */
const tidy = (x: number) => Number(x.toPrecision(12));

/** Bounds of a linear axis holding `values` and the cut line (non-finite values are left out). */
export function axisBounds(values: readonly number[], cut?: number): AxisBounds {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of cut !== undefined && Number.isFinite(cut) ? [...values, cut] : values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return { min: 0, max: 1, step: 0.2 };
  // A span below a billionth of the values (a few units in the last place) would give a step
  // finer than the doubles themselves, and bounds rounded past the values: widen it to that.
  const least = 1e-9 * Math.max(Math.abs(lo), Math.abs(hi));
  const span = hi - lo > 0 ? Math.max(hi - lo, least) : 0;
  const step = niceStep(span || Math.abs(hi) || 1);
  const pad = span * 0.04 || step;
  let min = Math.floor((lo - pad) / step) * step;
  let max = Math.ceil((hi + pad) / step) * step;
  if (lo >= 0 && min < 0) min = 0;
  if (hi <= 0 && max > 0) max = 0;
  if (min === max) max = min + step;
  return { min: tidy(min), max: tidy(max), step: tidy(step) };
}

/** Bounds of a base-2 logarithmic axis: the powers of two around the positive values and the cut. */
export function logAxisBounds(values: readonly number[], cut?: number): AxisBounds {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of cut !== undefined ? [...values, cut] : values) {
    if (!(v > 0 && v < Infinity)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return { min: 0.25, max: 4, logBase: 2 };
  const min = Math.pow(2, Math.floor(Math.log2(lo)));
  let max = Math.pow(2, Math.ceil(Math.log2(hi)));
  if (max <= min) max = min * 2;
  return { min, max, logBase: 2 };
}
