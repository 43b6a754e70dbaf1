/**
 * Sheet names, one policy for both renderers. A name is cleaned to what Excel accepts; when a
 * name of the report is taken, the whole report gets one suffix " (k)", the smallest k that
 * frees every name, so the sheets of one report stay together ("四象限分析 (2)", "参数 (2)")
 * instead of each sheet taking its own number.
 *
 * Where the renderers differed: the characters Excel refuses became "_" in Excel and " " in
 * the .xlsx; "_" won (it keeps "a:b" as visibly two parts, a space can double up with one
 * beside it). An empty name became "CaseMix" in Excel and "Sheet" in the .xlsx; "CaseMix" won
 * (it says where the sheet came from and does not look like Excel's own "Sheet1"). Leading and
 * trailing apostrophes, which Excel refuses, were removed only in Excel; now in both.
 */

/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;

/** A valid sheet name: no []:*?/\ characters, no apostrophe at either end, at most 31 characters, not blank. */
export function cleanSheetName(name: string): string {
  let s = name
    .replace(/[[\]:*?/\\]/g, "_")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (s === "") s = "CaseMix";
  // Excel keeps "History" for its change tracking.
  if (s.toLowerCase() === "history") s += "_";
  return s.slice(0, MAX_SHEET_NAME).replace(/'+$/, "");
}

/** The name with a suffix " (k)", shortened so the whole stays within 31 characters. */
export function suffixedName(name: string, k: number): string {
  if (k <= 1) return cleanSheetName(name);
  const suffix = ` (${k})`;
  return cleanSheetName(name).slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/**
 * The smallest k >= 2 such that every report name with the suffix " (k)" is free; one suffix
 * for the whole report so its sheets stay together.
 *
 *     commonSuffix(["四象限分析", "参数"], ["四象限分析"])  // 2
 */
export function commonSuffix(names: readonly string[], taken: readonly string[]): number {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let k = 2; ; k++) {
    if (names.every((n) => !used.has(suffixedName(n, k).toLowerCase()))) return k;
  }
}

/**
 * The cleaned names of a report's sheets, each unique inside the report: a name repeated in
 * the report (case-insensitive) gets " (2)", " (3)", ... there.
 */
export function reportNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const base = cleanSheetName(raw);
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = suffixedName(base, k);
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * The names a report's sheets get beside the `taken` ones: the cleaned names, or all of them
 * with one common suffix when any is taken.
 *
 *     sheetNamesBeside(["四象限分析", "参数"], ["参数"])  // { names: ["四象限分析 (2)", "参数 (2)"], suffix: 2 }
 */
export function sheetNamesBeside(
  names: readonly string[],
  taken: readonly string[],
): { names: string[]; suffix: number } {
  const wanted = reportNames(names);
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!wanted.some((n) => used.has(n.toLowerCase()))) return { names: wanted, suffix: 1 };
  const k = commonSuffix(wanted, taken);
  return { names: wanted.map((n) => suffixedName(n, k)), suffix: k };
}
