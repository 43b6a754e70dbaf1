/* global Excel */
/**
 * What the three views' sessions share: the texts, styles and run state of a view, the
 * workbook's tables and names for its source pickers, the Excel calls of a Build and the Build
 * flow itself (check the form, build, show the result lines with the time taken).
 */
import { Lang } from "../engine/text";
import { renderIntoWorkbook } from "../report/excelRun";
import { SourceList } from "./excelData";
import { useSourceList } from "./SourcePicker";
import { Texts, textsIn } from "./texts";
import { ReportRun, useReportRun } from "./useReportRun";
import { useViewStyles } from "./viewStyles";
import { ReportDeps } from "./writeReport";

/** What every source picker of a view takes from the view (see SourcePicker). */
export interface WorkbookSources {
  sources: SourceList;
  onRefresh: () => void;
  say: Texts;
}

export function useViewSession(lang: Lang) {
  const styles = useViewStyles();
  const say = textsIn(lang);
  const runState = useReportRun(say);
  const { sources, refresh } = useSourceList(say, runState.setError);
  const workbook: WorkbookSources = { sources, onRefresh: () => void refresh(), say };
  return { styles, say, runState, workbook };
}

export type ViewSession = ReturnType<typeof useViewSession>;

/** The Excel calls of a Build in the taskpane: the workbook, one undo group, the run's question, bar and cancel. */
export function excelDeps(run: ReportRun): ReportDeps {
  return {
    run: (batch) => Excel.run(batch),
    render: renderIntoWorkbook,
    ask: run.ask,
    onProgress: (label, progress) => run.setBusy({ label, progress }),
    isCancelled: run.isCancelled,
  };
}

/** A view's form checked: its settings, or every error in the user's language. */
export type CheckedForm<S> = { settings?: S; errors: readonly string[] };

/**
 * A view's Build: clears the last result, checks the form (its errors shown, nothing built),
 * builds, and shows the lines the build returns for the seconds taken (none: the build has
 * shown an error of its own).
 */
export function runBuild<S>(
  run: ReportRun,
  check: () => CheckedForm<S>,
  build: (settings: S) => Promise<((seconds: number) => string[]) | undefined>,
): Promise<void> {
  return run.run(async () => {
    run.setResult(undefined);
    const started = Date.now();
    const checked = check();
    if (checked.settings === undefined) {
      run.setError(checked.errors.join("\n"));
      return;
    }
    const lines = await build(checked.settings);
    if (lines) run.setResult(lines((Date.now() - started) / 1000));
  });
}
