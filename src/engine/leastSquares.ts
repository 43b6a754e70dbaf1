/**
 * Linear least squares by Householder QR: min ||X b - y||, without forming X'X (the normal
 * equations square the condition number; QR does not). The same method as R's `lm()`
 * (LINPACK dqrdc2), with R's rank tolerance: a column whose remaining norm falls below
 * 1e-7 of its original norm is collinear with the columns before it, and the fit is
 * reported as rank deficient instead of returning meaningless coefficients.
 *
 *     // y = 1 + 2x through (0, 1), (1, 3), (2, 5)
 *     leastSquares([Float64Array.of(1, 1, 1), Float64Array.of(0, 1, 2)], Float64Array.of(1, 3, 5))
 *     // { coefficients: [1, 2], residualSumOfSquares: 0, rank: 2 }
 */

export interface LeastSquaresFit {
  /** One per column of X; NaN when the fit is rank deficient. */
  coefficients: Float64Array;
  /** sum of (y_i - fitted_i)^2, computed from the residuals themselves. */
  residualSumOfSquares: number;
  /** Number of independent columns found; less than the column count means no unique fit. */
  rank: number;
}

/** R's default `tol` for `qr()` in `lm.fit`. */
export const RANK_TOLERANCE = 1e-7;

/** Euclidean norm of a[from..to), scaled so that squares neither overflow nor underflow. */
function norm2(a: Float64Array, from: number, to: number): number {
  let scale = 0;
  for (let i = from; i < to; i++) {
    const v = Math.abs(a[i]);
    if (v > scale) scale = v;
  }
  if (scale === 0) return 0;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const v = a[i] / scale;
    ss += v * v;
  }
  return scale * Math.sqrt(ss);
}

/**
 * Solves min ||X b - y|| for X given as columns (each of length n, n >= number of columns).
 * Householder step k: v = x - alpha e_k with alpha = -sign(x_k) ||x||, then every later
 * column a and y get a -= (2 v'a / v'v) v. R is upper triangular in the first p rows; the
 * coefficients come from back substitution R b = (Q'y)[0..p).
 */
export function leastSquares(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): LeastSquaresFit {
  const p = columns.length;
  const n = y.length;
  const a = new Float64Array(n * p);
  const originalNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    if (col.length !== n) throw new RangeError(`column ${j} has ${col.length} values, y has ${n}`);
    for (let i = 0; i < n; i++) a[j * n + i] = col[i];
    originalNorm[j] = norm2(a, j * n, j * n + n);
  }
  const qty = Float64Array.from(y);
  const nan = () => ({ coefficients: new Float64Array(p).fill(NaN), residualSumOfSquares: NaN });
  if (n < p) return { ...nan(), rank: n };

  for (let k = 0; k < p; k++) {
    const base = k * n;
    const alphaNorm = norm2(a, base + k, base + n);
    if (!(alphaNorm > RANK_TOLERANCE * originalNorm[k])) return { ...nan(), rank: k };
    const xk = a[base + k];
    const alpha = xk >= 0 ? -alphaNorm : alphaNorm;
    // v is stored in place of column k below the diagonal: v_k = x_k - alpha, v_i = x_i.
    a[base + k] = xk - alpha;
    let vv = 0;
    for (let i = k; i < n; i++) vv += a[base + i] * a[base + i];
    for (let j = k + 1; j < p; j++) {
      const cj = j * n;
      let s = 0;
      for (let i = k; i < n; i++) s += a[base + i] * a[cj + i];
      const f = (2 * s) / vv;
      for (let i = k; i < n; i++) a[cj + i] -= f * a[base + i];
    }
    let s = 0;
    for (let i = k; i < n; i++) s += a[base + i] * qty[i];
    const f = (2 * s) / vv;
    for (let i = k; i < n; i++) qty[i] -= f * a[base + i];
    a[base + k] = alpha; // R_kk
  }

  const b = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    let s = qty[k];
    for (let j = k + 1; j < p; j++) s -= a[j * n + k] * b[j];
    b[k] = s / a[k * n + k];
  }
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += columns[j][i] * b[j];
    const r = y[i] - fitted;
    rss += r * r;
  }
  return { coefficients: b, residualSumOfSquares: rss, rank: p };
}
