/** The computed trends and quality report: what `computeTrendsReport` returns, section by section. */
import { AdrgRow, DecompositionRow } from "../../engine/cmiDecomposition";
import { CurveFailure, CurveFit } from "../../engine/curveFit";
import { ReportBookkeeping } from "../common";
import { TrendsSettings } from "./settings";
import { SectionRows, TrendsSkip, Unavailable } from "./sectionTypes";
import { MonitorPart } from "./monitorTypes";
import { TargetsSection } from "./targetTypes";

export type { SectionRows, TrendsSkip, Unavailable } from "./sectionTypes";

export interface RiskGroupRow {
  group: string;
  name: string;
  cases: number;
  deaths: number;
  mortality: number;
  /** NaN without deaths. */
  z: number;
  level: number;
}

export interface LowRiskUnitRow {
  unit: string;
  cases: number;
  deaths: number;
  /** NaN without level-1 cases. */
  rate: number;
  /** In the two periods (NaN when not compared or no level-1 case). */
  rateBefore: number;
  rateAfter: number;
}

export interface QualitySection {
  available: true;
  levelSource: "data" | "benchmark";
  benchmarkName?: string;
  /** Groups of the level source, by code. */
  groups: RiskGroupRow[];
  /** Groups at level 0, 1, 2, 3, 4. */
  levelCounts: number[];
  meanLn: number;
  sdLn: number;
  units: LowRiskUnitRow[];
  overall: LowRiskUnitRow;
  /** Cases whose group the benchmark does not know (not low-risk). */
  casesWithoutLevel: number;
  diedEncoding?: string;
  rows: SectionRows;
}

export type Driver = "mix" | "severity" | "";

export interface DecompositionUnitRow extends DecompositionRow {
  /** The larger of the two terms (by size); "" when not both periods or no change. */
  driver: Driver;
}

export interface DecompositionSection {
  available: true;
  before: string;
  after: string;
  overall: DecompositionUnitRow;
  units: DecompositionUnitRow[];
  /** The top ADRGs by |mix + severity|, largest first. */
  adrgs: AdrgRow[];
  /** ADRGs with cases in either period. */
  adrgCount: number;
  /** Rows of each period used. */
  rowsBefore: number;
  rowsAfter: number;
  rows: SectionRows;
}

export type CurveFlag = "high" | "low" | "inLine" | "notFitted" | "noModel";

export interface CurveUnitRow {
  unit: string;
  cases: number;
  cmi: number;
  meanCost: number;
  /** ln(mean cost per case): the y of the fit. */
  lnCost: number;
  /** e^(best model at the unit's CMI); NaN without a model. */
  expected: number;
  ratio: number;
  /** expected x cases (this year's cases as the expected volume); NaN without a model. */
  prepayment: number;
  /** Units with fewer than minCases cases or no positive mean cost are not fitted. */
  fitted: boolean;
  flag: CurveFlag;
}

export interface CurveSection {
  available: true;
  /** The year of the cases (the "after" year), or undefined for every row. */
  year?: string;
  units: CurveUnitRow[];
  /** Best R^2 first. */
  models: CurveFit[];
  failures: CurveFailure[];
  /** The fitted line (CMI, money), sampled over the fitted units' CMI, inside their cost range. */
  line: [number, number][];
  /** The prepayment estimates added up, over the units that have one (and their cases). */
  prepayment: { total: number; units: number; cases: number };
  rows: SectionRows;
}

/** `rowsUsed` counts the rows with a group and cases (the others are in `skipped`). */
export interface TrendsReport extends ReportBookkeeping<TrendsSkip> {
  settings: TrendsSettings;
  /** Distinct years, oldest first. */
  years: string[];
  quality: QualitySection | Unavailable;
  decomposition: DecompositionSection | Unavailable;
  curve: CurveSection | Unavailable;
  targets: TargetsSection | Unavailable;
  /** CMI, indices and low-risk mortality per period (the monitor sheet). */
  monitor: MonitorPart;
}
