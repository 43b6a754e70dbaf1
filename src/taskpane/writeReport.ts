/**
 * The last steps every view's Build shares: find same-named sheets, ask the user what to do
 * with them, write the workbook model. The Excel calls come in as arguments (`ReportDeps`), so
 * the tests drive a whole build through the office-addin-mock context and the views pass
 * `Excel.run` and `renderIntoWorkbook` (new sheets only, one undo group).
 */
import { ExistingPolicy, ExistingSheet, RenderOptions, RenderResult } from "../report/excel/options";
import { sheetConflicts } from "../report/excel/sheetNames";
import { Lang } from "../engine/text";
import { WorkbookModel } from "../report/model";
import { VERSION } from "./version";
import { ReadCancelled } from "./excelData";
import { formatNumber, paneText } from "./i18n";

/** The Excel calls and the screen, as a build needs them. */
export interface ReportDeps {
  /** Runs a batch against the workbook (`Excel.run` in the taskpane, a mock context in tests). */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Writes the model: `renderIntoWorkbook` in the taskpane (one undo group). */
  render: (model: WorkbookModel, options: RenderOptions) => Promise<RenderResult & { grouped: boolean }>;
  /** Asks what to do with same-named sheets: replace (only offered when they are ours), suffix, or null to stop. */
  ask: (existing: ExistingSheet[], suffix: number) => Promise<ExistingPolicy | null>;
  onProgress?: (label: string, fraction: number) => void;
  isCancelled?: () => boolean;
  /** Lets the page repaint between requests (tests pass a resolved promise). */
  yieldToUi?: () => Promise<void>;
  /** When the report is built (default now): the time in its stamp and parameters. */
  time?: Date;
}

/** The progress words of the writing steps, in the view's language. */
export interface WritePhases {
  checking: string;
  writing: (percent: number) => string;
}

export interface Written {
  rendered: RenderResult & { grouped: boolean };
  /** Round trips to Excel: the conflict check (and its follow-up) and the render. */
  syncs: number;
}

/**
 * Checks for same-named sheets, asks when there are any, writes the model (progress from 50% to
 * 100%). Throws `ReadCancelled` when the user closes the question, `RenderCancelled` when
 * cancelled while writing.
 */
export async function writeReport(model: WorkbookModel, deps: ReportDeps, phases: WritePhases): Promise<Written> {
  const progress = deps.onProgress ?? (() => undefined);
  progress(phases.checking, 0.5);
  const conflicts = await deps.run((context) =>
    sheetConflicts(
      context,
      model.sheets.map((s) => s.name),
    ),
  );
  let policy: ExistingPolicy = "suffix";
  if (conflicts.existing.length > 0) {
    const answer = await deps.ask(conflicts.existing, conflicts.suffix);
    if (answer === null) throw new ReadCancelled();
    policy = answer;
  }
  const rendered = await deps.render(model, {
    existing: policy,
    stamp: `CaseMix ${VERSION}, ${(deps.time ?? new Date()).toISOString()}`,
    onProgress: (f) => progress(phases.writing(Math.round(f * 100)), 0.5 + 0.5 * f),
    isCancelled: deps.isCancelled ?? (() => false),
    yieldToUi: deps.yieldToUi,
  });
  return { rendered, syncs: (conflicts.existing.length > 0 ? 2 : 1) + rendered.syncs };
}

/** Lets the page repaint before a long computation. */
export const pauseForUi = (deps: Pick<ReportDeps, "yieldToUi">): Promise<void> =>
  (deps.yieldToUi ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0))))();

/** The closing lines of every view's result: sheets replaced or suffixed, how to undo, the time taken. */
export function outcomeLines(rendered: RenderResult & { grouped: boolean }, seconds: number, lang: Lang): string[] {
  const lines: string[] = [];
  if (rendered.sheets.some((s) => s.replaced)) lines.push(paneText(lang, "resultReplaced"));
  if (rendered.suffixedInstead) lines.push(paneText(lang, "resultSuffixed"));
  lines.push(paneText(lang, rendered.grouped ? "resultUndo" : "resultNoUndoGroup"));
  lines.push(paneText(lang, "resultTime", { seconds: formatNumber(lang, seconds, 1) }));
  return lines;
}
