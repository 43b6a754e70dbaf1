/* global Excel */
/**
 * The state of a view's runs (reading a source, building a report): the progress, the error or
 * notice of the last run, the result lines, the question about same-named sheets, and cancel.
 */
import * as React from "react";
import { ExistingPolicy, ExistingSheet, RenderCancelled } from "../report/excel/options";
import { errorText } from "./build";
import { DataSource, ReadCancelled, readPercent, readSource, SourceData } from "./excelData";
import { Texts } from "./texts";

export type Busy = { label: string; progress: number } | null;
export type Conflict = {
  ours: boolean;
  sheets: string[];
  suffix: string;
  resolve: (policy: ExistingPolicy | null) => void;
} | null;

export interface ReportRun {
  busy: Busy;
  error: string | undefined;
  notice: string | undefined;
  result: string[] | undefined;
  conflict: Conflict;
  cancelling: boolean;
  setBusy: (busy: Busy) => void;
  setError: (error: string | undefined) => void;
  setResult: (result: string[] | undefined) => void;
  /** Runs a step: clears the last error and notice; a cancel becomes the notice, a failure the error. */
  run: (body: () => Promise<void>) => Promise<void>;
  isCancelled: () => boolean;
  cancel: () => void;
  /** Shows the question about same-named sheets; resolves with the answer (null: stop). */
  ask: (existing: ExistingSheet[], suffix: number) => Promise<ExistingPolicy | null>;
  answer: (policy: ExistingPolicy | null) => void;
}

export function useReportRun(say: Texts): ReportRun {
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<string | undefined>();
  const [notice, setNotice] = React.useState<string | undefined>();
  const [result, setResult] = React.useState<string[] | undefined>();
  const [conflict, setConflict] = React.useState<Conflict>(null);
  const [cancelling, setCancelling] = React.useState(false);
  const cancelRef = React.useRef(false);

  async function run(body: () => Promise<void>) {
    cancelRef.current = false;
    setCancelling(false);
    setError(undefined);
    setNotice(undefined);
    try {
      await body();
    } catch (e) {
      if (e instanceof ReadCancelled || e instanceof RenderCancelled) setNotice(say.pane("cancelled"));
      else setError(errorText(e, say.lang));
    } finally {
      setBusy(null);
    }
  }

  const cancel = () => {
    cancelRef.current = true;
    setCancelling(true);
  };

  const ask = (existing: ExistingSheet[], suffix: number) =>
    new Promise<ExistingPolicy | null>((resolve) =>
      setConflict({
        ours: existing.every((e) => e.ours),
        sheets: existing.map((e) => e.name),
        suffix: `(${suffix})`,
        resolve,
      }),
    );

  const answer = (policy: ExistingPolicy | null) => {
    conflict?.resolve(policy);
    setConflict(null);
  };

  return {
    busy,
    error,
    notice,
    result,
    conflict,
    cancelling,
    setBusy,
    setError,
    setResult,
    run,
    isCancelled: () => cancelRef.current,
    cancel,
    ask,
    answer,
  };
}

/** How a read shows itself: the share of the bar it fills, its label, whether the label shows at once. */
export interface ReadProgress {
  /** The share of the bar the read fills (default all of it). */
  share?: number;
  /** Shows the label before the first block arrives. */
  announce?: boolean;
  /** The label at `percent` read (default "Reading data… percent%"). */
  label?: (percent: number) => string;
}

/**
 * Reads a source of the workbook, the bar showing "Reading data… done of total rows" over the
 * first `share` of the run.
 */
export async function readWithProgress(
  run: ReportRun,
  say: Texts,
  target: DataSource,
  options: ReadProgress = {},
): Promise<SourceData> {
  const share = options.share ?? 1;
  const label = options.label ?? ((percent: number) => say.pane("phaseReading", { percent }));
  if (options.announce) run.setBusy({ label: label(0), progress: 0 });
  return Excel.run((context) =>
    readSource(context, target, {
      onProgress: (done, total) =>
        run.setBusy({
          label: label(readPercent(done, total)),
          progress: share * (total > 0 ? done / total : 1),
        }),
      isCancelled: run.isCancelled,
    }),
  );
}
