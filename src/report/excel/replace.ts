/**
 * Replacing an earlier report without ever losing one. The new sheets are written in full
 * under temporary names first; then one request moves the old sheets aside (spare names) and
 * gives the new ones their names, and only a last request deletes the old ones. A request can
 * fail after part of it was applied, so each step leaves at least one complete report: a
 * failure at the swap or the delete deletes nothing and says where both reports are.
 */
import { CaseMixError } from "../../engine/text";
import { SheetPlan } from "./options";
import { Counter, NamedSheet } from "./sheetNames";

/* global Excel */

/**
 * A replacement that failed after the new report was complete: nothing was deleted at the
 * swap, and at the delete the new report is in place. The message says where each report is.
 */
export class ReplaceIncomplete extends CaseMixError {
  constructor(
    readonly stage: "swap" | "delete",
    plans: SheetPlan[],
    readonly cause: unknown,
  ) {
    const list = (names: string[]) => names.map((n) => `“${n}”`).join(", ");
    const temps = list(plans.map((p) => p.temp));
    const finals = list(plans.map((p) => p.final));
    const asides = list(plans.map((p) => p.aside));
    super(
      "value",
      stage === "swap"
        ? {
            en: `The new report was written completely, but Excel failed while renaming the sheets, so nothing was deleted: the new report is under ${finals} or ${temps}, the earlier one under its old names or ${asides}. Delete the copy you do not need.`,
            zh: `新报表已完整写入，但 Excel 在重命名工作表时出错，因此未删除任何内容：新报表位于 ${finals} 或 ${temps}，之前的报表位于原名称或 ${asides}。请删除不需要的一份。`,
          }
        : {
            en: `The new report is in place under ${finals}. Excel failed while deleting the earlier report, which may still be there as ${asides}: delete those sheets if you no longer need them.`,
            zh: `新报表已写入 ${finals}。Excel 在删除之前的报表时出错，之前的报表可能仍保留为 ${asides}：如不再需要，请手动删除这些工作表。`,
          },
    );
    this.name = "ReplaceIncomplete";
  }
}

/** Sends the request; when a replacement is under way, a failure becomes `ReplaceIncomplete`. */
async function syncOrExplain(
  context: Excel.RequestContext,
  counter: Counter,
  replacing: SheetPlan[],
  stage: "swap" | "delete",
): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (replacing.length === 0) throw error;
    throw new ReplaceIncomplete(stage, replacing, error);
  } finally {
    counter.syncs++;
  }
}

/**
 * The last requests: the old sheets step aside and the new ones (`written`, in plan order)
 * take their names, the first sheet is shown; then, with the new report in place, the old
 * sheets go.
 */
export async function swapInto(
  context: Excel.RequestContext,
  plans: readonly NamedSheet[],
  written: readonly Excel.Worksheet[],
  counter: Counter,
): Promise<void> {
  const replacing = plans.filter((p) => p.old !== undefined);
  plans.forEach((plan, i) => {
    if (plan.old === undefined) return;
    context.workbook.worksheets.getItem(plan.old).name = plan.aside;
    written[i].name = plan.final;
  });
  if (written.length > 0) written[0].activate();
  await syncOrExplain(context, counter, replacing, "swap");
  if (replacing.length === 0) return;
  for (const plan of replacing) context.workbook.worksheets.getItem(plan.aside).delete();
  await syncOrExplain(context, counter, replacing, "delete");
}
