/**
 * Which names a report's sheets get in the open workbook. A sheet of the same name as a report
 * sheet is never touched unless it is an earlier CaseMix report (it carries our marker, a
 * sheet-scoped named item `CaseMix_Report`) and the caller asked to replace it; otherwise the
 * whole report gets one suffix " (2)", " (3)", ... (the layout's naming policy).
 */
import { commonSuffix, reportNames, suffixedName } from "../layout/sheetNames";
import { ExistingPolicy, ExistingSheet } from "./options";

/* global Excel */

/** The sheet-scoped named item that marks a sheet as a CaseMix report. */
export const REPORT_MARKER = "CaseMix_Report";

export interface Counter {
  syncs: number;
}

/** The names of the workbook's sheets (one request). */
export async function readSheetNames(context: Excel.RequestContext, counter: Counter): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  counter.syncs++;
  return sheets.items.map((s) => s.name);
}

/** The existing sheets named like one of `names` (case-insensitive), and whether each is ours (one request, if any). */
export async function markedSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  all: readonly string[],
  counter: Counter,
): Promise<ExistingSheet[]> {
  const byLower = new Map<string, string>();
  for (const name of all) byLower.set(name.toLowerCase(), name);
  const found: string[] = [];
  for (const name of names) {
    const existing = byLower.get(name.toLowerCase());
    if (existing !== undefined && !found.includes(existing)) found.push(existing);
  }
  if (found.length === 0) return [];
  // Only sheets known to exist are asked for their marker: no call on a null object.
  const markers = found.map((name) => {
    const marker = context.workbook.worksheets.getItem(name).names.getItemOrNullObject(REPORT_MARKER);
    marker.load("name");
    return marker;
  });
  await context.sync();
  counter.syncs++;
  return found.map((name, i) => ({ name, ours: !markers[i].isNullObject }));
}

/**
 * Same-named sheets for a report, whether each is ours, and the suffix " (k)" the report
 * would get if written beside them (two requests at most).
 */
export async function sheetConflicts(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<{ existing: ExistingSheet[]; suffix: number }> {
  const counter = { syncs: 0 };
  const all = await readSheetNames(context, counter);
  const wanted = reportNames(names);
  const existing = await markedSheets(context, wanted, all, counter);
  return { existing, suffix: existing.length > 0 ? commonSuffix(wanted, all) : 1 };
}

/** Hands out names of the form "prefix N" not yet taken (case-insensitive), marking each taken. */
function spareNames(takenLower: Set<string>): (prefix: string) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    let name: string;
    let n = counters.get(prefix) ?? 0;
    do name = `${prefix} ${++n}`;
    while (takenLower.has(name.toLowerCase()));
    counters.set(prefix, n);
    takenLower.add(name.toLowerCase());
    return name;
  };
}

/** Where one sheet of the model goes; `old` is the earlier report sheet it replaces. */
export interface NamedSheet {
  index: number;
  final: string;
  old?: string;
  temp: string;
  aside: string;
}

/**
 * The names of every sheet of the report: with replacement of our own earlier sheets, the new
 * sheets are written under temporary names and the old ones get spare names to step aside to;
 * otherwise, when a name is taken, one common suffix. Reads the names (and, when replacing, the
 * markers): one or two requests.
 */
export async function nameSheets(
  context: Excel.RequestContext,
  modelNames: readonly string[],
  policy: ExistingPolicy,
  counter: Counter,
): Promise<{ plans: NamedSheet[]; suffixedInstead: boolean }> {
  const wanted = reportNames(modelNames);
  const taken = await readSheetNames(context, counter);
  let replaceable = new Map<string, string>();
  let suffixedInstead = false;
  if (policy === "replace") {
    const existing = await markedSheets(context, wanted, taken, counter);
    if (existing.some((e) => !e.ours)) suffixedInstead = true;
    else replaceable = new Map(existing.map((e) => [e.name.toLowerCase(), e.name]));
  }
  const takenLower = new Set(taken.map((n) => n.toLowerCase()));
  const conflict = wanted.some((n) => takenLower.has(n.toLowerCase()));
  const k = conflict && replaceable.size === 0 ? commonSuffix(wanted, taken) : 1;
  const spare = spareNames(takenLower);
  const plans = wanted.map((name, index): NamedSheet => {
    const final = suffixedName(name, k);
    const old = replaceable.get(final.toLowerCase());
    if (old === undefined) return { index, final, temp: "", aside: "" };
    return { index, final, old, temp: spare("CaseMix tmp"), aside: spare("CaseMix old") };
  });
  return { plans, suffixedInstead };
}
