/**
 * The arguments of the functions built on the CMI-cost curve (CURVE_FIT, EXPECTED_COST,
 * PREPAYMENT): the points (x, y) it is fitted on, the model, log_y, and a column of units' CMI.
 */
import {
  completePairs,
  CURVE_MODEL_NAMES,
  CURVE_MODELS,
  CurveFit,
  CurveModel,
  fitCurve,
  fitCurves,
  parseCurveModel,
} from "../engine/curveFit";
import { isBlankCell, isTextCell, readNumberColumn } from "../engine/input";
import { CaseMixError } from "../engine/text";
import { alignRows, column, scalar } from "./args";

/** x and y lined up, header dropped, blank pairs dropped (padding rows not counted). */
export function readPoints(
  x: unknown,
  y: unknown,
): { x: Float64Array; y: Float64Array; blankPairs: number; padding: number } {
  const aligned = alignRows(
    [],
    [
      { name: "x", cells: column(x, "x") },
      { name: "y", cells: column(y, "y") },
    ],
  );
  const [xCells, yCells] = aligned.numbers;
  const xs = readNumberColumn(xCells, "x", { firstRow: aligned.firstRow, allowNegative: true });
  const ys = readNumberColumn(yCells, "y", { firstRow: aligned.firstRow, allowNegative: true });
  let padding = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i] !== xs[i] && ys[i] !== ys[i]) padding++;
  const pairs = completePairs(xs, ys);
  return { x: pairs.x, y: pairs.y, blankPairs: pairs.dropped - padding, padding };
}

export function modelArg(arg: unknown): CurveModel | undefined {
  const value = scalar(arg);
  if (isBlankCell(value)) return undefined;
  const word = String(value);
  if (/^\s*(best|最优|最佳)\s*$/i.test(word)) return undefined;
  const model = parseCurveModel(word);
  if (model) return model;
  throw new CaseMixError("value", {
    en: `model: "${word}" is not one of ${CURVE_MODELS.map((m) => CURVE_MODEL_NAMES[m].en).join(", ")}`,
    zh: `model："${word}" 不是可选模型之一（${CURVE_MODELS.map((m) => CURVE_MODEL_NAMES[m].zh).join("、")}）`,
  });
}

/** The best model by R squared, or the one asked for. */
export function chosenFit(x: Float64Array, y: Float64Array, model: CurveModel | undefined): CurveFit {
  if (model) return fitCurve(x, y, model);
  const { fits, failures } = fitCurves(x, y);
  if (fits.length > 0) return fits[0];
  throw new CaseMixError(failures[0] ? "num" : "value", failures[0]?.reason ?? { en: "no model", zh: "没有模型" });
}

export function booleanArg(arg: unknown, argName: string): boolean {
  const value = scalar(arg);
  if (isBlankCell(value)) return false;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  const s = String(value).trim().toUpperCase();
  if (["TRUE", "YES", "是", "1"].includes(s)) return true;
  if (["FALSE", "NO", "否", "0"].includes(s)) return false;
  throw new CaseMixError("value", {
    en: `${argName}: "${String(value)}" is not TRUE or FALSE`,
    zh: `${argName}："${String(value)}" 不是 TRUE 或 FALSE`,
  });
}

/**
 * A column of one value a unit (CMI, expected cases), or one number: a text first cell of a
 * longer column is a header (returned, to label the result). Blank cells are NaN.
 */
export function unitColumn(
  arg: unknown,
  argName: string,
  allowNegative: boolean,
): { values: Float64Array; header?: unknown } {
  const cells = column(arg, argName);
  const header = cells.length > 1 && isTextCell(cells[0]);
  const values = readNumberColumn(header ? cells.slice(1) : cells, argName, {
    firstRow: header ? 2 : 1,
    allowNegative,
  });
  return { values, header: header ? cells[0] : undefined };
}
