/**
 * Expected cost and prepayment (医保预付额度测算, DOMAIN.md "Using CMI"): from the CMI-cost
 * curve fitted across units (`curveFit`), the expected mean cost per case of a unit is the
 * curve at its CMI, and its prepayment estimate is that times its expected cases.
 *
 *     expected_u   = f(CMI_u)              (e^f(CMI_u) when the curve was fitted on ln cost)
 *     prepayment_u = expected_u x cases_u
 *
 * Example: the linear curve cost = -1,950 + 12,250 x CMI (DOMAIN's curve example, methods.md
 * section 11); a unit of CMI 1.1 expecting 800 cases: expected 11,525, prepayment 9,220,000.
 */
import { CurveFit, predictCurve } from "./curveFit";

export interface PrepaymentRow {
  cmi: number;
  cases: number;
  /** Expected mean cost per case; NaN where the CMI is blank, or outside the curve's domain. */
  expectedCost: number;
  /** expectedCost x cases; NaN where either is blank. */
  prepayment: number;
}

/** The expected mean cost per case at a CMI: the curve, or e^curve when it was fitted on ln cost. */
export function expectedMeanCost(fit: Pick<CurveFit, "model" | "coefficients">, cmi: number, logY = false): number {
  const p = predictCurve(fit, cmi);
  return logY ? Math.exp(p) : p;
}

/** One row a unit: its CMI, expected cases, expected mean cost and prepayment. */
export function prepayments(
  fit: Pick<CurveFit, "model" | "coefficients">,
  cmi: ArrayLike<number>,
  cases: ArrayLike<number>,
  logY = false,
): PrepaymentRow[] {
  const rows: PrepaymentRow[] = [];
  for (let i = 0; i < cmi.length; i++) {
    const expectedCost = cmi[i] === cmi[i] ? expectedMeanCost(fit, cmi[i], logY) : NaN;
    rows.push({ cmi: cmi[i], cases: cases[i], expectedCost, prepayment: expectedCost * cases[i] });
  }
  return rows;
}
