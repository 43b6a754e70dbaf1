/** The targets section of the trends report (targets.ts): CMI, LOS and cost targets per unit. */
import { TargetBenchmark } from "../../engine/standardizedTarget";
import { SectionRows, Unavailable } from "./sectionTypes";

/** One measure (LOS or cost per case) of a unit: actual mean, standardized, target and gap. */
export interface TargetValues {
  mean: number;
  /** mean / CMI; NaN when the CMI is 0 (shown blank). */
  standardized: number;
  /** CMI x the benchmark standardized value. */
  target: number;
  /** mean - target: above 0, longer or dearer than the target. */
  gap: number;
}

/** The CMI target of a unit (cmiTarget.ts), every input of the rule. */
export interface CmiTargetValues {
  /** One per period of `TargetsSection.cmi.periods`; NaN for a period without cases. */
  cmiByPeriod: number[];
  /** CMI change per period (least squares); NaN with fewer than two periods with cases. */
  slope: number;
  latest: number;
  latestPeriod: string;
  benchmark: number;
  benchmarkSource: "table" | "best";
  target: number;
}

export interface TargetUnitRow {
  unit: string;
  /** Cases of the LOS and cost targets (the target year: rows with a weight and the values). */
  cases: number;
  /** CMI over the same cases; NaN for a unit with cases in other periods only. */
  cmi: number;
  los?: TargetValues;
  cost?: TargetValues;
  cmiTarget?: CmiTargetValues;
}

/** The LOS or the cost part: the benchmark rule and the value it gave. */
export interface MeasurePart {
  available: true;
  rule: TargetBenchmark;
  /** The benchmark standardized value (days or money per weight point). */
  benchmark: number;
}

export interface CmiPart {
  available: true;
  /** The periods in order (the columns of cmiByPeriod). */
  periods: string[];
  share: number;
  /** File name or range address of the benchmark table, when one was given. */
  benchmarkName?: string;
  /** Rows of the CMI target part (every period). */
  rows: SectionRows;
}

export interface TargetsSection {
  available: true;
  /** The year of the LOS and cost targets (the "after" year), or undefined for every row. */
  year?: string;
  los: MeasurePart | Unavailable;
  cost: MeasurePart | Unavailable;
  cmi: CmiPart | Unavailable;
  /** Units by cases (largest first), then by code. */
  units: TargetUnitRow[];
  /** The whole hospital, by the same rules. */
  hospital: TargetUnitRow;
  /** Rows of the LOS and cost part (the target year). */
  rows: SectionRows;
}
