/**
 * Draws a `WorkbookModel` into an .xlsx file with ExcelJS, cell for cell where the Excel
 * renderer puts it, from the same layout (src/report/layout): names, styles, formats, widths,
 * page setup and chart plans. ExcelJS cannot write charts nor a print area of several ranges,
 * so they are added to the saved package afterwards (./package).
 */
import { placeBlocks, WorkbookModel } from "../model";
import { planBar, planLine, planSheetCharts } from "../layout/charts";
import { printAreas } from "../layout/pageSetup";
import { sheetNamesBeside } from "../layout/sheetNames";
import { excelJS } from "../lazyModules";
import { renderSheet, writeHelpers } from "./cells";
import { ChartJob, PrintAreaJob, addCharts } from "./package";

/** Renders the model into an .xlsx file held in memory. */
export async function renderXlsx(model: WorkbookModel): Promise<Buffer> {
  const wb = new (excelJS().Workbook)();
  wb.creator = "CaseMix";
  wb.created = new Date();
  const names = sheetNamesBeside(
    model.sheets.map((s) => s.name),
    [],
  ).names;
  const jobs: ChartJob[] = [];
  const areas: PrintAreaJob[] = [];
  model.sheets.forEach((sheet, i) => {
    const sheetName = names[i];
    const ws = wb.addWorksheet(sheetName);
    renderSheet(ws, sheet, model);
    const printed = printAreas(sheet);
    if (printed) areas.push({ sheetIndex: i, sheetName, areas: printed });
    const placements = placeBlocks(sheet);
    const charts = planSheetCharts(sheet, placements, model.lang);
    writeHelpers(ws, charts);
    for (const plan of charts.scatter) jobs.push({ sheetName, kind: "scatter", plan });
    for (const bar of sheet.barCharts ?? []) {
      const plan = planBar(sheet, placements, bar);
      if (plan) jobs.push({ sheetName, kind: "bar", plan });
    }
    for (const line of sheet.lineCharts ?? []) {
      const plan = planLine(sheet, placements, line);
      if (plan) jobs.push({ sheetName, kind: "line", plan });
    }
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  if (jobs.length === 0 && areas.length === 0) return buffer;
  return addCharts(buffer, jobs, model.lang === "zh" ? "zh-CN" : "en-US", areas);
}

/** Renders the model and writes it to a file. */
export async function writeXlsx(model: WorkbookModel, path: string): Promise<void> {
  const { writeFile } = await import("fs/promises");
  await writeFile(path, await renderXlsx(model));
}
