/**
 * (c) Curve (DOMAIN.md "Curve model"; a decision where it leaves room): one point per unit with
 * at least `minCases` cases in the "after" year (every year when the data has no year): x = its
 * CMI, y = ln(mean cost per case), as the source fits it, with every SPSS curve model; the best
 * R^2 gives expected cost = e^(fitted value), and actual / expected outside 1 +- `flagTolerance`
 * flags the unit. Mean cost and CMI are over the same cases (rows with a weight and a cost).
 * Prepayment (DOMAIN.md "Expected cost and prepayment", prepayment.ts): expected mean cost x the
 * unit's cases of that year as the expected volume, and the total over the units that have one.
 */
import { CaseTable } from "../../engine/caseTable";
import { Interned } from "../../engine/codes";
import { CurveFit, curveLine, fitCurves } from "../../engine/curveFit";
import { sortedOrder } from "../../engine/grouping";
import { prepayments } from "../../engine/prepayment";
import { skipCounter } from "../common";
import { unavailable } from "./sections";
import { TrendsSettings } from "./settings";
import { CurveSection, CurveUnitRow, TrendsSkip, Unavailable } from "./types";

/** Cases, weight and cost added up per unit over the rows of the curve, the others counted by reason. */
interface UnitTotals {
  cases: Float64Array;
  weight: Float64Array;
  cost: Float64Array;
  used: number;
  skipped: Partial<Record<TrendsSkip, number>>;
}

function unitTotals(
  table: CaseTable,
  unit: Interned,
  cases: Float64Array,
  cost: Float64Array,
  weightById: Float64Array,
  year: { id: number } | undefined,
): UnitTotals {
  const skipped: Partial<Record<TrendsSkip, number>> = {};
  const bump = skipCounter(skipped);
  const ids = table.groups.ids;
  const yearIds = table.years?.ids;
  const nUnits = unit.codes.length;
  const totals = { cases: new Float64Array(nUnits), weight: new Float64Array(nUnits), cost: new Float64Array(nUnits) };
  let used = 0;
  for (let i = 0; i < cases.length; i++) {
    const k = cases[i];
    if (!(k > 0)) continue;
    if (year && yearIds) {
      if (yearIds[i] < 0) {
        bump("noYear");
        continue;
      }
      if (yearIds[i] !== year.id) {
        bump("otherYear");
        continue;
      }
    }
    const weight = weightById[ids[i]];
    if (weight !== weight) {
      bump("noWeight");
      continue;
    }
    if (cost[i] !== cost[i]) {
      bump("noCost");
      continue;
    }
    const u = unit.ids[i];
    if (u < 0) {
      bump("emptyUnit");
      continue;
    }
    totals.cases[u] += k;
    totals.weight[u] += k * weight;
    totals.cost[u] += k * cost[i];
    used++;
  }
  return { ...totals, used, skipped };
}

/** One row per unit with cases, by unit code; a unit is fitted with at least minCases cases and a positive mean cost. */
function unitRows(unit: Interned, totals: UnitTotals, minCases: number): CurveUnitRow[] {
  const units: CurveUnitRow[] = [];
  for (const u of sortedOrder(unit.codes)) {
    const n = totals.cases[u];
    if (n === 0) continue;
    const meanCost = totals.cost[u] / n;
    units.push({
      unit: unit.codes[u],
      cases: n,
      cmi: totals.weight[u] / n,
      meanCost,
      lnCost: meanCost > 0 ? Math.log(meanCost) : NaN,
      expected: NaN,
      ratio: NaN,
      prepayment: NaN,
      fitted: n >= minCases && meanCost > 0,
      flag: "notFitted",
    });
  }
  return units;
}

/** Section (c) from the rows' cases (0 when left out); unavailable without a total cost column. */
export function curve(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  weightById: Float64Array,
  year: { id: number; name: string } | undefined,
): CurveSection | Unavailable {
  const cost = table.numbers.totalCost;
  if (!cost) {
    return unavailable(
      "the data has no total cost column (住院总费用), so there is no mean cost per case to fit",
      "数据中没有住院总费用列，无法计算例均费用并拟合曲线",
    );
  }
  const totals = unitTotals(table, unit, cases, cost, weightById, year);
  const units = unitRows(unit, totals, settings.minCases);
  const fit = units.filter((r) => r.fitted);
  const { fits, failures } = fitCurves(
    Float64Array.from(fit, (r) => r.cmi),
    Float64Array.from(fit, (r) => r.lnCost),
  );
  const best = fits[0];
  for (const r of fit) r.flag = "noModel";
  let line: [number, number][] = [];
  if (best) {
    const expected = prepayments(
      best,
      units.map((r) => r.cmi),
      units.map((r) => r.cases),
      true,
    );
    units.forEach((r, i) => {
      r.expected = expected[i].expectedCost;
      r.prepayment = expected[i].prepayment;
      r.ratio = r.meanCost / r.expected;
      if (!Number.isFinite(r.ratio)) r.expected = r.ratio = r.prepayment = NaN;
      if (r.fitted)
        r.flag =
          r.ratio > 1 + settings.flagTolerance ? "high" : r.ratio < 1 - settings.flagTolerance ? "low" : "inLine";
    });
    line = fittedLine(best, fit);
  }
  const rows = { used: totals.used, skipped: totals.skipped };
  const priced = units.filter((r) => Number.isFinite(r.prepayment));
  const prepayment = {
    total: priced.reduce((sum, r) => sum + r.prepayment, 0),
    units: priced.length,
    cases: priced.reduce((sum, r) => sum + r.cases, 0),
  };
  return { available: true, year: year?.name, units, models: fits, failures, line, prepayment, rows };
}

/**
 * The best model's curve in money, sampled over the fitted units' CMI, keeping the points
 * inside the units' cost range: the renderers size the axes on the points, not on the line.
 */
function fittedLine(best: CurveFit, units: CurveUnitRow[]): [number, number][] {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const r of units) {
    x0 = Math.min(x0, r.cmi);
    x1 = Math.max(x1, r.cmi);
    y0 = Math.min(y0, r.meanCost);
    y1 = Math.max(y1, r.meanCost);
  }
  const sampled = curveLine(best, x0, x1, 60);
  const out: [number, number][] = [];
  sampled.x.forEach((x, i) => {
    const y = Math.exp(sampled.y[i]);
    // A point on a unit (the ends of an exact fit) counts as inside despite rounding.
    if (y >= y0 * (1 - 1e-9) && y <= y1 * (1 + 1e-9)) out.push([x, y]);
  });
  return out;
}
