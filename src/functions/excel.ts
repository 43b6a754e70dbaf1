/**
 * The boundary between Excel and the engine: turning engine failures into Excel errors in
 * the user's language, and engine numbers into cells that never show NaN or Infinity.
 *
 * `CustomFunctions` exists only inside Excel's runtime; elsewhere (jest, the browser test)
 * errors are plain objects of the same shape, so the adapters run unchanged.
 */
import { CaseMixError, ErrorKind, Lang, langFromLocale } from "../engine/text";

/* global CustomFunctions, Office */

export interface ExcelError {
  code: string;
  message?: string;
}

const ERROR_CODE: Record<ErrorKind, string> = {
  value: "#VALUE!",
  na: "#N/A",
  div0: "#DIV/0!",
  num: "#NUM!",
};

let languageOverride: Lang | undefined;

/** For tests and the command line: force the language of messages. */
export function setLanguage(lang: Lang | undefined): void {
  languageOverride = lang;
}

export function currentLanguage(): Lang {
  if (languageOverride) return languageOverride;
  try {
    if (typeof Office !== "undefined" && Office.context && Office.context.displayLanguage) {
      return langFromLocale(Office.context.displayLanguage);
    }
  } catch {
    // Office.context is not ready outside a host: fall back to English.
  }
  return "en";
}

/** An Excel error value with a message, as a thrown result or as one cell of a spill. */
export function excelError(kind: ErrorKind, message?: string): ExcelError {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    const code = ERROR_CODE[kind] as CustomFunctions.ErrorCode;
    // Excel accepts a message only with #VALUE! and #N/A.
    return kind === "value" || kind === "na"
      ? new CustomFunctions.Error(code, message)
      : new CustomFunctions.Error(code);
  }
  return message === undefined ? { code: ERROR_CODE[kind] } : { code: ERROR_CODE[kind], message };
}

export function isExcelError(value: unknown): value is ExcelError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ExcelError).code === "string" &&
    (value as ExcelError).code.startsWith("#")
  );
}

/** A number as a cell: NaN and infinities become the given error (default #DIV/0!). */
export function numberCell(value: number, whenInvalid: ErrorKind = "div0"): number | ExcelError {
  return Number.isFinite(value) ? value : excelError(whenInvalid);
}

/**
 * A mean or ratio as a cell: NaN (nothing to divide by, 0 / 0) is #DIV/0!, and an infinity,
 * which only a sum beyond a double gives (the divisors are case counts or sums of them), is
 * #NUM!: a number out of range, not a division by zero.
 */
export function meanCell(value: number): number | ExcelError {
  if (Number.isFinite(value)) return value;
  return excelError(value === value ? "num" : "div0");
}

/**
 * Runs an adapter body: engine errors become Excel errors with the message in the user's
 * language; anything unexpected becomes #VALUE! with its message rather than a crash.
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}

export function toExcelError(error: unknown): ExcelError {
  if (error instanceof CaseMixError) return excelError(error.kind, error.messageIn(currentLanguage()));
  if (isExcelError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const lang = currentLanguage();
  return excelError("value", lang === "zh" ? `计算失败：${detail}` : `calculation failed: ${detail}`);
}
