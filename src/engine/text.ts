/**
 * Bilingual text and the engine's error type.
 *
 * Every user-visible string the engine produces is a `Text` with an English and a
 * Chinese version; the caller (custom functions, taskpane, command line) picks one
 * with the user's display language. Errors carry the Excel error kind they map to.
 */
import { basicCellValue } from "./cellValue";

export type Lang = "en" | "zh";

export interface Text {
  en: string;
  zh: string;
}

export function text(en: string, zh: string): Text {
  return { en, zh };
}

/** Picks the language from an Office display-language tag such as `zh-CN` or `en-US`. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return typeof locale === "string" && /^zh/i.test(locale) ? "zh" : "en";
}

/**
 * The Excel error a failure maps to: `value` (#VALUE!, bad input), `na` (#N/A, nothing to
 * look up), `div0` (#DIV/0!, an empty denominator), `num` (#NUM!, a number out of range).
 */
export type ErrorKind = "value" | "na" | "div0" | "num";

export class CaseMixError extends Error {
  readonly kind: ErrorKind;
  readonly text: Text;

  constructor(kind: ErrorKind, message: Text) {
    super(message.en);
    this.name = "CaseMixError";
    this.kind = kind;
    this.text = message;
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

export function fail(kind: ErrorKind, en: string, zh: string): never {
  throw new CaseMixError(kind, { en, zh });
}

/** Quotes a cell value for an error message, shortened so a message stays readable. */
export function quoteCell(raw: unknown): string {
  // A data-type cell is quoted as the value it shows, not as its JSON.
  const value = basicCellValue(raw);
  let s: string;
  if (value instanceof Error) s = value.message || value.name;
  else if (typeof value === "object" && value !== null) s = JSON.stringify(value) ?? String(value);
  else s = String(value);
  if (s.length > 40) s = s.slice(0, 37) + "...";
  return `"${s}"`;
}

/**
 * A count with its English noun in the singular or the plural: "1 case", "2 cases". Chinese
 * messages need no such helper (例, 个病组 do not change with the number).
 *
 *     countOf(1, "family", "families")  // "1 family"
 */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
