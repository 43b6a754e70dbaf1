/** How the audit's sheets write counts, shares, relative changes and lists of codes. */
import { Lang } from "../../engine/text";
import { listText } from "../common";

export const clauseSep = (lang: Lang): string => (lang === "zh" ? "；" : "; ");

/** A share as a plain percent without trailing zeros: 0.001 -> "0.1%". */
export function plainPercent(x: number): string {
  return `${Number((x * 100).toPrecision(6))}%`;
}

/** A count in the reader's locale, up to two decimals (aggregated rows may count fractions); "—" when not finite. */
export function countText(x: number, lang: Lang): string {
  return Number.isFinite(x) ? x.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }) : "—";
}

/** The first `max` codes, then "…". */
export function shortList(codes: readonly string[], lang: Lang, max = 30): string {
  return listText(codes.length > max ? [...codes.slice(0, max), "…"] : codes, lang);
}
