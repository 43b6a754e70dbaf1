/**
 * Draws a `WorkbookModel` into the open workbook through the Excel JavaScript API.
 *
 * Nothing is lost: the renderer only adds sheets (see ./sheetNames for the names and
 * ./replace for replacing an earlier CaseMix report): a failure while writing deletes only
 * the new sheets.
 *
 * Large data: the number of `context.sync()` calls is a constant (reading the sheet names,
 * the markers of same-named sheets, the last request, and when replacing the delete of the
 * old sheets) plus one per request of cell data (./requests):
 *
 *     syncs = fixed (at most 4) + budgetSyncs,  budgetSyncs ~ bytes of cell data / requestBudget
 *
 * Formats (number formats, fonts, conditional formats, column widths) are set on whole
 * column ranges, never per row, so their cost does not grow with the rows.
 */
import { WorkbookModel } from "../model";
import { RenderCancelled, RenderOptions, RenderResult } from "./options";
import { swapInto } from "./replace";
import { DEFAULT_REQUEST_BUDGET, Requests } from "./requests";
import { drawSheet } from "./sheet";
import { nameSheets } from "./sheetNames";

/* global Excel */

function tableRows(model: WorkbookModel): number {
  let n = 0;
  for (const sheet of model.sheets)
    for (const block of sheet.blocks) if (block.kind === "table") n += block.rows.length;
  return n;
}

/**
 * Writes the model as new sheets. Run it inside `Excel.run` (see `renderIntoWorkbook`, which
 * adds the undo group); `context` is the request context of that run.
 */
export async function renderWorkbook(
  context: Excel.RequestContext,
  model: WorkbookModel,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const counter = { syncs: 0 };
  const names = model.sheets.map((s) => s.name);
  const { plans, suffixedInstead } = await nameSheets(context, names, options.existing ?? "suffix", counter);
  if (options.journal) options.journal.plans = plans.map(({ final, temp, aside }) => ({ final, temp, aside }));

  const added: Excel.Worksheet[] = [];
  const cleanUp = async () => {
    for (const sheet of added) sheet.delete();
    added.length = 0;
    await context.sync();
    counter.syncs++;
  };
  const totalRows = tableRows(model);
  const budget = options.requestBudget ?? DEFAULT_REQUEST_BUDGET;
  const requests = new Requests(context, budget, totalRows, options, cleanUp);
  requests.counter = counter;

  try {
    const written: Excel.Worksheet[] = [];
    for (const plan of plans) {
      await requests.ops(1);
      const sheet = context.workbook.worksheets.add(plan.temp || plan.final);
      added.push(sheet);
      written.push(sheet);
      await drawSheet(sheet, model.sheets[plan.index], model, requests, options.stamp ?? "CaseMix");
    }
    requests.rowsDone = totalRows;
    if (plans.some((p) => p.old !== undefined)) {
      // The new report is complete: from here on no failure may delete it.
      await requests.sendIfAny();
      added.length = 0;
    }
    await swapInto(context, plans, written, counter);
    options.onProgress?.(1);
  } catch (error) {
    if (!(error instanceof RenderCancelled) && added.length > 0) {
      try {
        await cleanUp();
      } catch {
        // The context may be unusable after a failed request; the original error matters more.
      }
    }
    throw error;
  }
  return {
    sheets: plans.map((p) => ({ model: model.sheets[p.index].name, name: p.final, replaced: p.old !== undefined })),
    syncs: counter.syncs,
    budgetSyncs: requests.budgetSyncs,
    bytes: requests.total,
    suffixedInstead,
  };
}
