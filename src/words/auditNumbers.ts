/** How the audit's finding sentences and spill rows write weights, totals, factors and changes. */

/**
 * Weights as text with six significant digits, more when two different weights of the list
 * would otherwise read the same. Non-finite values give "".
 *
 *     formatWeights([0.5372, 0.7392])   // ["0.5372", "0.7392"]
 *     formatWeights([1.0000001, 1])      // ["1.0000001", "1"]
 */
export function formatWeights(weights: readonly number[]): string[] {
  let out: string[] = [];
  for (let p = 6; p <= 17; p++) {
    out = weights.map((w) => (Number.isFinite(w) ? String(Number(w.toPrecision(p))) : ""));
    let distinct = true;
    for (let i = 0; i < weights.length && distinct; i++) {
      for (let j = i + 1; j < weights.length; j++) {
        if (weights[i] !== weights[j] && out[i] === out[j]) {
          distinct = false;
          break;
        }
      }
    }
    if (distinct) break;
  }
  return out;
}

/** A total weight with at most four decimals: 80.12345 -> "80.1235"; "-" when not finite. */
export function fmtTotal(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toFixed(4))) : "-";
}

/** A factor with eight significant digits: 80 / 78 -> "1.025641"; "-" when not finite. */
export function fmtFactor(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(8))) : "-";
}

/** A relative change with a sign and two decimals: 0.2 -> "+20.00%"; "-" when not finite. */
export function fmtPercent(r: number): string {
  if (!Number.isFinite(r)) return "-";
  const p = (r * 100).toFixed(2);
  return (r > 0 ? "+" : "") + p + "%";
}
