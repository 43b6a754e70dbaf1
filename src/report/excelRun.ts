/**
 * Running a render inside Excel: one undo group where the host can make one, waiting while the
 * user edits a cell, and a clean second run where the host refuses the group part way.
 *
 * Some hosts refuse a call inside a merged undo group (`UndoNotSupported`, seen for deleting
 * and renaming sheets) after earlier requests of the same run were applied. The run is then
 * repeated without the group, and it first rolls back what the refused run left, by the sheet
 * names that run planned (`RenderJournal`): the sheets it added go, earlier sheets it moved
 * aside get their names back. The user's own sheets are never named in a plan, so they are
 * never touched; the second run then writes the report as if the first had not happened.
 */
import { RenderJournal, RenderOptions, RenderResult, SheetPlan } from "./excel/options";
import { renderWorkbook } from "./excel/render";
import { ReplaceIncomplete } from "./excel/replace";
import { WorkbookModel } from "./model";

/* global Excel, Office */

/** True when the host supports the given ExcelApi requirement set (false outside Office). */
export function excelApiSupported(version: string): boolean {
  try {
    if (typeof Office !== "undefined" && Office.context?.requirements) {
      return Office.context.requirements.isSetSupported("ExcelApi", version);
    }
  } catch {
    return false;
  }
  return false;
}

/** True for the host's refusal to put a call into the undo group, also when a replace step wraps it. */
export function isUndoRefusal(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: string } | null)?.code;
  if (code(error) === "UndoNotSupported") return true;
  return error instanceof ReplaceIncomplete && code(error.cause) === "UndoNotSupported";
}

/**
 * Runs `batch` in `Excel.run`, with all its requests merged into one undo group where the host
 * supports it (ExcelApi 1.20, `mergeUndoGroup`), and delayed while the user is editing a cell
 * (ExcelApi 1.11, `delayForCellEdit`) instead of failing. If the host refuses the group
 * (`UndoNotSupported`), the batch runs again without it, after `recover` in that second run;
 * `grouped` says which run wrote.
 */
export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  recover?: (context: Excel.RequestContext) => Promise<void>,
): Promise<{ value: T; grouped: boolean }> {
  const waitForEdit = excelApiSupported("1.11");
  if (excelApiSupported("1.20")) {
    try {
      const options: Excel.RunOptions = { mergeUndoGroup: true, ...(waitForEdit ? { delayForCellEdit: true } : {}) };
      const value = await Excel.run(options, batch);
      return { value, grouped: true };
    } catch (error) {
      if (!isUndoRefusal(error)) throw error;
    }
    const value = await Excel.run({ delayForCellEdit: waitForEdit }, async (context) => {
      if (recover) await recover(context);
      return batch(context);
    });
    return { value, grouped: false };
  }
  const value = waitForEdit ? await Excel.run({ delayForCellEdit: true }, batch) : await Excel.run(batch);
  return { value, grouped: false };
}

/**
 * Undoes by name what a refused run of `plans` left: a new sheet under its temporary name, or
 * under its final name where its earlier namesake was moved aside, is deleted; a sheet moved
 * aside gets its name back; a sheet added under a name that was free is deleted. Where neither
 * the temporary nor the aside name exists, the final name holds either the untouched earlier
 * report or the finished new one, and is kept. Two requests: the names, then the changes.
 */
export async function rollBack(context: Excel.RequestContext, plans: SheetPlan[]): Promise<void> {
  if (plans.length === 0) return;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const has = (name: string) => name !== "" && present.has(name.toLowerCase());
  const renames: [string, string][] = [];
  for (const plan of plans) {
    if (plan.temp === "") {
      if (has(plan.final)) sheets.getItem(plan.final).delete();
    } else if (has(plan.temp)) {
      sheets.getItem(plan.temp).delete();
      if (has(plan.aside) && !has(plan.final)) renames.push([plan.aside, plan.final]);
    } else if (has(plan.aside)) {
      if (has(plan.final)) sheets.getItem(plan.final).delete();
      renames.push([plan.aside, plan.final]);
    }
  }
  for (const [from, to] of renames) sheets.getItem(from).name = to;
  await context.sync();
}

/** Renders a model into the open workbook in one undo group where supported. */
export async function renderIntoWorkbook(
  model: WorkbookModel,
  options: RenderOptions = {},
): Promise<RenderResult & { grouped: boolean }> {
  const journal: RenderJournal = { plans: [] };
  const { value, grouped } = await runExcel(
    (context) => renderWorkbook(context, model, { ...options, journal }),
    (context) => rollBack(context, journal.plans),
  );
  return { ...value, grouped };
}
