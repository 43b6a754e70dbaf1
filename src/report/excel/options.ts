/** What a render into the open workbook is asked to do and what it reports back. */

export type ExistingPolicy = "replace" | "suffix";

export interface RenderOptions {
  /** What to do when a report sheet name is taken (default "suffix"). */
  existing?: ExistingPolicy;
  /** Bytes of cell data per request (default 4,000,000). */
  requestBudget?: number;
  /** Called after each request with the share of rows written (0..1). */
  onProgress?: (fraction: number) => void;
  /** Checked between requests; when true the sheets added so far are deleted again. */
  isCancelled?: () => boolean;
  /** Written into the marker's comment, e.g. "CaseMix 0.1.0, 2025-01-31 10:00". */
  stamp?: string;
  /** Lets the page repaint between requests (default: a zero-delay timer). */
  yieldToUi?: () => Promise<void>;
  /** Filled with the sheet names this render plans, so a failed run can be rolled back by name. */
  journal?: RenderJournal;
}

/** The names one render gives its sheets: final, temporary and (for replaced sheets) aside. */
export interface SheetPlan {
  final: string;
  /** Set when an earlier report of the final name is replaced: the new sheet is written here. */
  temp: string;
  /** Set with `temp`: where the earlier sheet steps aside before it is deleted. */
  aside: string;
}

export interface RenderJournal {
  plans: SheetPlan[];
}

export interface RenderedSheet {
  /** The name in the model. */
  model: string;
  /** The name written. */
  name: string;
  /** True when an earlier CaseMix report of that name was replaced. */
  replaced: boolean;
}

export interface RenderResult {
  sheets: RenderedSheet[];
  /** context.sync() calls made. */
  syncs: number;
  /** Of those, the ones made because a request's cell-data budget was full. */
  budgetSyncs: number;
  /** Estimated bytes of cell data written. */
  bytes: number;
  /** True when "replace" was asked but a same-named sheet is not ours, so the report got a suffix. */
  suffixedInstead: boolean;
}

export interface ExistingSheet {
  name: string;
  /** True when the sheet carries the CaseMix marker. */
  ours: boolean;
}

/** Thrown when the user cancels; the sheets added by the build have been deleted. */
export class RenderCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "RenderCancelled";
  }
}
