/**
 * Trend functions: DRG.CURVE_FIT (曲线估计), DRG.EXPECTED_COST (预期费用) and
 * DRG.CMI_DECOMPOSE (CMI 变化分解). Thin adapters: Excel arguments -> engine `curveFit`,
 * `cmiDecomposition` -> cells.
 */
import { decomposeCmi, DecompositionRow } from "../engine/cmiDecomposition";
import { internCodes, normalizeKey } from "../engine/codes";
import { CURVE_MODEL_NAMES, fitCurve, fitCurves } from "../engine/curveFit";
import { expectedMeanCost } from "../engine/prepayment";
import { checkNoErrorValues, isBlankCell } from "../engine/input";
import { CaseMixError, Lang } from "../engine/text";
import { alignRows, AlignedColumn, columns, nonEmpty, optionArg } from "./args";
import { booleanArg, chosenFit, modelArg, readPoints, unitColumn } from "./curveArgs";
import { currentLanguage, excelError, guard, meanCell, numberCell } from "./excel";
import { missingWeightPart, readTableArg, skippedNote } from "./inputs";

// ---------------------------------------------------------------------------------------
// Curve model
// ---------------------------------------------------------------------------------------

function blankPairsNote(blankPairs: number, width: number, lang: Lang): unknown[] | undefined {
  return skippedNote({ emptyGroup: 0, emptyKey: 0, noCases: 0, missingValue: blankPairs }, 0, width, lang, {
    en: "x or y",
    zh: " x 或 y ",
  });
}

/**
 * Curve estimation (曲线估计) of y on x with the SPSS model family: linear, logarithmic, inverse, quadratic, cubic, compound (y = b0 b1^x), power (y = b0 x^b1), S (y = e^(b0 + b1/x)), growth (y = e^(b0 + b1 x)), exponential (y = b0 e^(b1 x)).
 * Least squares by Householder QR. The last five are fitted on ln y as SPSS does, and their R squared and F are on that log scale.
 * Without `model`, spills one row a model, best R squared first: model, b0, b1, b2, b3 (blank when unused), R squared, F, n; a model the data do not allow (x <= 0 for ln x, y <= 0 for ln y, ...) comes last with #N/A and the reason.
 * With `model`, one row of its coefficients b0, b1 (, b2, b3).
 * @customfunction CURVE_FIT
 * @param x The explanatory variable of each unit, e.g. CMI (one column; a header row is skipped).
 * @param y The outcome of each unit, e.g. mean cost per case.
 * @param [model] Optional: one model's name (English or Chinese, e.g. "cubic" or "三次") to return its coefficients.
 * @returns A table of models, or one model's coefficients.
 */
export function curveFit(x: any[][], y: any[][], model?: string): any[][] {
  return guard(() => {
    const chosen = modelArg(model);
    const points = readPoints(x, y);
    if (chosen) return [fitCurve(points.x, points.y, chosen).coefficients.map((b) => numberCell(b, "num"))];
    const lang = currentLanguage();
    const { fits, failures } = fitCurves(points.x, points.y);
    const rows: unknown[][] = fits.map((fit) => {
      const b = fit.coefficients;
      return [
        CURVE_MODEL_NAMES[fit.model][lang],
        ...[0, 1, 2, 3].map((j) => (j < b.length ? numberCell(b[j], "num") : "")),
        numberCell(fit.rSquared, "num"),
        numberCell(fit.f, "num"),
        fit.n,
      ];
    });
    for (const failure of failures) {
      rows.push([
        CURVE_MODEL_NAMES[failure.model][lang],
        excelError("na", failure.reason[lang]),
        "",
        "",
        "",
        "",
        "",
        points.x.length,
      ]);
    }
    const note = blankPairsNote(points.blankPairs, 8, lang);
    if (note) rows.push(note);
    return nonEmpty(rows);
  }) as any[][];
}

/**
 * Expected mean cost per case (预期例均费用) of units from their CMI, with a curve fitted on units' CMI (x) and mean cost (y): the best model by R squared unless `model` names one.
 * The models are evaluated in their SPSS form, so the result is money even for models fitted on ln y. When y holds ln(cost), as in the source's analysis, set log_y to TRUE to get money back (e^prediction).
 * Actual / expected flags units whose cost is out of line with their case mix. A column of CMI gives a column in line with it (a header cell becomes a label, blank cells stay blank).
 * @customfunction EXPECTED_COST
 * @param cmi The CMI to predict for: one number or a column (one unit a row).
 * @param x CMI of the units the curve is fitted on.
 * @param y Mean cost per case of those units (or ln of it, with log_y TRUE).
 * @param [model] Optional: the model (e.g. "cubic", "三次"); default the best by R squared.
 * @param [log_y] Optional: TRUE when y is ln(cost); the prediction is then e^(fitted value).
 * @returns Expected mean cost per case.
 */
export function expectedCost(cmi: any[][], x: any[][], y: any[][], model?: string, log_y?: boolean): any[][] {
  return guard(() => {
    const chosen = modelArg(model);
    const logY = booleanArg(log_y, "log_y");
    const points = readPoints(x, y);
    const fit = chosenFit(points.x, points.y, chosen);
    const { values, header } = unitColumn(cmi, "cmi", true);
    const predict = (v: number) => numberCell(expectedMeanCost(fit, v, logY), "num");
    if (values.length === 1 && header === undefined) {
      if (values[0] !== values[0]) throw new CaseMixError("value", { en: "cmi is blank", zh: "cmi 为空" });
      return [[predict(values[0])]];
    }
    const rows: unknown[][] = [];
    if (header !== undefined) rows.push([currentLanguage() === "zh" ? "预期费用" : "expected cost"]);
    for (const v of values) rows.push([v !== v ? "" : predict(v)]);
    return nonEmpty(rows);
  }) as any[][];
}

// ---------------------------------------------------------------------------------------
// CMI change decomposition
// ---------------------------------------------------------------------------------------

/** A period's range: one column of groups, or two (group, unit); header row dropped. */
function readPeriod(arg: unknown, argName: string): { groups: unknown[]; units?: unknown[] } {
  const cols = columns(arg, argName);
  if (cols.length === 0) return { groups: [] };
  if (cols.length > 2) {
    throw new CaseMixError("value", {
      en: `${argName} must have one column (group) or two (group, unit); it has ${cols.length}`,
      zh: `${argName} 应为一列（病组）或两列（病组、单位）；它有 ${cols.length} 列`,
    });
  }
  const codeColumns: AlignedColumn[] = cols.map((cells, j) => ({
    name: j === 0 ? argName : `${argName} (unit)`,
    cells,
  }));
  const aligned = alignRows(codeColumns, []);
  aligned.codes.forEach((cells, j) => checkNoErrorValues(cells, codeColumns[j].name, aligned.firstRow));
  return { groups: aligned.codes[0], units: aligned.codes[1] };
}

/**
 * CMI change decomposition (CMI 变化分解) between two periods with one weight table: CMI = sum over ADRGs of share x mean weight;
 * mix = sum (p1 - p0) x w0 (a different mix of ADRGs), severity = sum p1 x (w1 - w0) (heavier groups inside the same ADRGs, the pattern of coding intensity, 高套编码). mix + severity = change exactly; an ADRG present in one period only falls wholly in mix. ADRG = the first three characters of the group code.
 * by "total" (default with one-column ranges): one row: CMI before, CMI after, change, mix, severity.
 * by "adrg": one row per ADRG: ADRG, cases before, cases after, mean weight before, mean weight after, mix part, severity part; then a total row.
 * by "unit" (default when both ranges have two columns, group then unit such as department): one row per unit: unit, cases before, cases after, CMI before, CMI after, change, mix, severity.
 * @customfunction CMI_DECOMPOSE
 * @param groups_before Group codes of the cases of the first period (one column), or two columns: group code and unit (department, doctor, hospital).
 * @param groups_after Group codes of the cases of the second period, in the same shape as groups_before.
 * @param weight_table Weight table used for both periods: first column group code, second column weight.
 * @param [by] Optional: "total", "adrg" or "unit".
 * @param [missing] Optional: "error" (default) stops at a group without a weight; "exclude" leaves its cases out of both periods and reports them.
 * @returns The decomposition, per ADRG, or per unit.
 */
export function cmiDecompose(
  groups_before: any[][],
  groups_after: any[][],
  weight_table: any[][],
  by?: string,
  missing?: string,
): any[][] {
  return guard(() => {
    const before = readPeriod(groups_before, "groups_before");
    const after = readPeriod(groups_after, "groups_after");
    const hasUnits = before.units !== undefined && after.units !== undefined;
    if ((before.units === undefined) !== (after.units === undefined)) {
      throw new CaseMixError("value", {
        en: "groups_before and groups_after must have the same number of columns (group, or group and unit)",
        zh: "groups_before 与 groups_after 的列数必须相同（病组，或病组和单位）",
      });
    }
    const view = optionArg(by, "by", ["total", "adrg", "unit"] as const, hasUnits ? "unit" : "total");
    if (view === "unit" && !hasUnits) {
      throw new CaseMixError("value", {
        en: 'by "unit" needs two columns in groups_before and groups_after: group code, then unit',
        zh: 'by 为 "unit" 时，groups_before 与 groups_after 需要两列：病组编码和单位',
      });
    }
    const rule = optionArg(missing, "missing", ["error", "exclude"] as const, "error");
    const table = readTableArg(weight_table, "weight_table");
    const n0 = before.groups.length;
    const groups = internCodes([...before.groups, ...after.groups]);
    const period = new Int8Array(n0 + after.groups.length);
    period.fill(1, n0);
    const units = view === "unit" ? internCodes([...before.units!, ...after.units!], normalizeKey) : undefined;
    const result = decomposeCmi({ groups, period, by: units }, table, { missing: rule });
    const lang = currentLanguage();
    const blankIfNaN = (v: number) => (v !== v ? "" : meanCell(v));
    const undefinedCell = (v: number) => numberCell(v, "na");

    // Padding: rows blank in every column of a period's range.
    let padding = 0;
    const countPadding = (p: { groups: unknown[]; units?: unknown[] }) => {
      for (let i = 0; i < p.groups.length; i++) {
        if (isBlankCell(p.groups[i]) && (!p.units || isBlankCell(p.units[i]))) padding++;
      }
    };
    countPadding(before);
    countPadding(after);

    if (view === "total") {
      const o = result.overall;
      return [
        [
          blankIfNaN(o.cmiBefore),
          blankIfNaN(o.cmiAfter),
          undefinedCell(o.change),
          undefinedCell(o.mix),
          undefinedCell(o.severity),
        ],
      ];
    }
    let rows: unknown[][];
    let width: number;
    if (view === "adrg") {
      width = 7;
      rows = result.adrgs.map((a) => [
        a.adrg,
        a.casesBefore,
        a.casesAfter,
        blankIfNaN(a.weightBefore),
        blankIfNaN(a.weightAfter),
        numberCell(a.mix),
        numberCell(a.severity),
      ]);
      const o = result.overall;
      rows.push([
        lang === "zh" ? "（合计）" : "(total)",
        o.casesBefore,
        o.casesAfter,
        blankIfNaN(o.cmiBefore),
        blankIfNaN(o.cmiAfter),
        undefinedCell(o.mix),
        undefinedCell(o.severity),
      ]);
    } else {
      width = 8;
      rows = result.rows!.map((r: DecompositionRow) => [
        r.key,
        r.casesBefore,
        r.casesAfter,
        blankIfNaN(r.cmiBefore),
        blankIfNaN(r.cmiAfter),
        undefinedCell(r.change),
        undefinedCell(r.mix),
        undefinedCell(r.severity),
      ]);
    }
    const note = skippedNote(
      result.skipped,
      padding,
      width,
      lang,
      undefined,
      missingWeightPart(result.excludedCases, result.missingCodes),
    );
    if (note) rows.push(note);
    return nonEmpty(rows);
  }) as any[][];
}
