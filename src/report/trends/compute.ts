/**
 * The trends and quality report computed from a case table (DOMAIN.md "Quality", "Curve model",
 * "CMI change decomposition"). Steps, so that an auditor can redo them:
 * 1. Rows: every row with a DRG group and a case count (1 per row without a 病例数 column).
 *    Blank rows, rows with an empty group and rows with a blank or zero count are left out
 *    and counted.
 * 2. Weights: computed from every row of the data (relativeWeights on 住院总费用, trimmed,
 *    years blended 1:2:7) or taken from a weight table. A group without a weight leaves its
 *    rows out of (b) and (c), counted.
 * 3. Periods: the year column (or the discharge date) gives each row a year; "before" and
 *    "after" are two of them, by default the two latest.
 * Then the sections: (a) quality.ts, (b) decomposition.ts, (c) curve.ts, (d) targets.ts (LOS,
 * cost and CMI targets, on a sheet of their own), (e) monitor.ts (every period: CMI, indices,
 * low-risk mortality, on the monitor sheet). A section the
 * data cannot give (no died column, fewer than two years, no cost column) is replaced by a
 * reason; the others are still built.
 */
import { CaseMixError } from "../../engine/text";
import { CaseTable } from "../../engine/caseTable";
import { compareCodes, Interned } from "../../engine/codes";
import { yearOrder } from "../../engine/relativeWeights";
import { weightsForCodes } from "../../engine/weightTable";
import { checkRequiredColumns } from "../caseColumns";
import { sourceColumns } from "../columnSources";
import { ReportContext, skipCounter, timedContext } from "../common";
import { reportWeights } from "../reportWeights";
import { curve } from "./curve";
import { monitor } from "./monitor";
import { decomposition } from "./decomposition";
import { resolvePeriods, rowPeriods } from "./periods";
import { quality } from "./quality";
import { TrendsSettings, trendsRequiredColumns } from "./settings";
import { targets } from "./targets";
import { TrendsReport, TrendsSkip } from "./types";

/** Cases per row, 0 for a row left out (the reason counted in `skipped`). */
function rowsWithCases(table: CaseTable, skipped: Partial<Record<TrendsSkip, number>>) {
  const bump = skipCounter(skipped);
  bump("blankRow", table.skipped.blankRows);
  bump("emptyGroup", table.skipped.emptyGroup);
  const ids = table.groups.ids;
  const counts = table.numbers.cases;
  const cases = new Float64Array(table.rowCount);
  let used = 0;
  for (let i = 0; i < cases.length; i++) {
    if (ids[i] < 0) continue;
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      bump("noCases");
      continue;
    }
    cases[i] = c;
    used++;
  }
  return { cases, used };
}

/** The groups of the rows used that have no weight, sorted. */
function missingWeightCodes(table: CaseTable, cases: Float64Array, weightById: Float64Array): string[] {
  const ids = table.groups.ids;
  const missing = new Set<number>();
  for (let i = 0; i < cases.length; i++)
    if (cases[i] > 0 && weightById[ids[i]] !== weightById[ids[i]]) missing.add(ids[i]);
  return [...missing].map((g) => table.groups.codes[g]).sort(compareCodes);
}

/**
 * Computes the report from a case table; see the module comment. Throws (with the column
 * names) when a required column is missing, when a year asked for is not in the data, and on
 * the engine's errors.
 */
export function computeTrendsReport(table: CaseTable, settings: TrendsSettings, context: ReportContext): TrendsReport {
  checkRequiredColumns(table, trendsRequiredColumns(settings));
  if (settings.weights.source === "standardized") {
    throw new CaseMixError("value", {
      en: "trends: the standardized five-category weight is offered by the quadrant report only; give a weight table or compute the weights from the data",
      zh: "趋势报告暂不支持标准化五类费用权重（仅四象限报告支持）；请给出权重表或由数据计算权重",
    });
  }
  const unit = table[settings.unit] as Interned;

  // 1. Rows.
  const skipped: Partial<Record<TrendsSkip, number>> = {};
  const { cases, used } = rowsWithCases(table, skipped);

  // 2. Weights, and 3. periods.
  const { weights, info } = reportWeights(table, settings.weights, settings.minCases);
  const weightById = weightsForCodes(table.groups.codes, weights);
  info.missingCodes = missingWeightCodes(table, cases, weightById);
  const years = table.years ? Array.from(yearOrder(table.years.codes), (y) => table.years!.codes[y]) : [];
  const periods = resolvePeriods(table, years, settings);
  const period = rowPeriods(table, cases, periods);
  const yearName = (id: number) => (table.years as Interned).codes[id];
  const afterYear = "available" in periods ? undefined : { id: periods.after, name: yearName(periods.after) };

  return {
    settings,
    context: timedContext(context),
    columns: sourceColumns(table),
    flagged: table.flagged,
    headerRow: table.headerRowNumber,
    rowsRead: table.rowCount,
    rowsUsed: used,
    skipped,
    years,
    weights: info,
    quality: quality(table, settings, unit, cases, period),
    decomposition:
      "available" in periods
        ? periods
        : decomposition(
            table,
            settings,
            unit,
            cases,
            period,
            weights,
            weightById,
            yearName(periods.before),
            yearName(periods.after),
          ),
    curve: curve(table, settings, unit, cases, weightById, afterYear),
    targets: targets(table, settings, unit, cases, weights, weightById, afterYear, table.years),
    monitor: monitor(table, settings, unit, cases, weights, weightById),
  };
}
