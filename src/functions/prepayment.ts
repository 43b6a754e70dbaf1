/**
 * The insurance prepayment estimate: DRG.PREPAYMENT (医保预付额度测算). Thin adapter: Excel
 * arguments -> engine `curveFit`, `prepayments` -> cells.
 */
import { checkSameLength, isTextCell, readNumberColumn } from "../engine/input";
import { prepayments } from "../engine/prepayment";
import { CaseMixError } from "../engine/text";
import { column, nonEmpty } from "./args";
import { currentLanguage, guard, numberCell } from "./excel";
import { booleanArg, chosenFit, modelArg, readPoints } from "./curveArgs";

/** The CMI and expected cases of each unit, lined up; a text first row (in either) is a header. */
function readUnits(cmi: unknown, cases: unknown): { cmi: Float64Array; cases: Float64Array; header: boolean } {
  const cmiCells = column(cmi, "cmi");
  const caseCells = column(cases, "cases");
  checkSameLength({ name: "cmi", length: cmiCells.length }, { name: "cases", length: caseCells.length });
  const header = cmiCells.length > 1 && (isTextCell(cmiCells[0]) || isTextCell(caseCells[0]));
  const from = header ? 1 : 0;
  const firstRow = from + 1;
  return {
    cmi: readNumberColumn(cmiCells.slice(from), "cmi", { firstRow, allowNegative: true }),
    cases: readNumberColumn(caseCells.slice(from), "cases", { firstRow }),
    header,
  };
}

/**
 * Insurance prepayment estimate (医保预付额度测算): the expected mean cost per case of each unit from the CMI-cost curve fitted on (x, y) across units, at the unit's CMI, times its expected cases.
 * The best model by R squared unless `model` names one; with log_y TRUE, y is ln(cost) and the expected cost is e^(fitted value).
 * One CMI and one number of cases give the prepayment; columns of CMI and cases (one unit a row) give a column pair in line with them: expected mean cost, prepayment (a header row becomes labels, a blank cell leaves its row blank).
 * @customfunction PREPAYMENT
 * @param cmi The CMI of each unit (hospital, department) for the period ahead: one number or a column.
 * @param cases The expected cases of each unit, in line with cmi.
 * @param x CMI of the units the curve is fitted on.
 * @param y Mean cost per case of those units (or ln of it, with log_y TRUE).
 * @param [model] Optional: the model (e.g. "cubic", "三次"); default the best by R squared.
 * @param [log_y] Optional: TRUE when y is ln(cost); the expected cost is then e^(fitted value).
 * @returns The prepayment, or per unit the expected mean cost and the prepayment.
 */
export function prepayment(
  cmi: any[][],
  cases: any[][],
  x: any[][],
  y: any[][],
  model?: string,
  log_y?: boolean,
): any[][] {
  return guard(() => {
    const chosen = modelArg(model);
    const logY = booleanArg(log_y, "log_y");
    const points = readPoints(x, y);
    const fit = chosenFit(points.x, points.y, chosen);
    const units = readUnits(cmi, cases);
    const rows = prepayments(fit, units.cmi, units.cases, logY);
    if (rows.length === 1 && !units.header) {
      const r = rows[0];
      if (r.cmi !== r.cmi || r.cases !== r.cases) {
        throw new CaseMixError("value", { en: "cmi or cases is blank", zh: "cmi 或 cases 为空" });
      }
      return [[numberCell(r.prepayment, "num")]];
    }
    const out: unknown[][] = [];
    if (units.header)
      out.push(currentLanguage() === "zh" ? ["预期例均费用", "预付额度"] : ["expected cost", "prepayment"]);
    for (const r of rows) {
      const expected = r.cmi !== r.cmi ? "" : numberCell(r.expectedCost, "num");
      out.push([expected, r.cmi !== r.cmi || r.cases !== r.cases ? "" : numberCell(r.prepayment, "num")]);
    }
    return nonEmpty(out);
  }) as any[][];
}
