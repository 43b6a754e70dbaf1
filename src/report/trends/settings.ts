/** The settings of the trends and quality report, their defaults and the columns they need. */
import { ColumnName } from "../../engine/columns";
import { DEFAULT_TARGET_SHARE } from "../../engine/cmiTarget";
import { GroupRisk } from "../../engine/mortalityRisk";
import { TargetBenchmark } from "../../engine/standardizedTarget";
import { WeightTable } from "../../engine/weightTable";
import { WeightSource } from "../common";
import { TrendsPeriod } from "./monitorTypes";

export type TrendsUnit = "department" | "doctor";

/** Where the mortality risk levels come from. */
export type LevelSource =
  { source: "data" } | { source: "benchmark"; /** File name or range address. */ name: string; risk: GroupRisk };

export interface TrendsSettings {
  unit: TrendsUnit;
  weights: WeightSource;
  /** The year compared from (default: the one before the latest). */
  before?: string;
  /** The year compared to (default: the latest). */
  after?: string;
  levels: LevelSource;
  /** Units with fewer cases are listed but not fitted; also the weights' minimum (default 5). */
  minCases: number;
  /** actual / expected above 1 + t or below 1 - t is flagged (default 0.2). */
  flagTolerance: number;
  /** ADRGs listed as top contributors to the CMI change (default 10). */
  topAdrgs: number;
  /** Share of the gap to the benchmark CMI that a CMI target closes, 0 to 1 (default 0.3). */
  targetShare: number;
  /** The benchmark standardized LOS (default the hospital's own: total days / total weight). */
  losBenchmark: TargetBenchmark;
  /** The benchmark standardized cost per case (default the hospital's own). */
  costBenchmark: TargetBenchmark;
  /** The periods the monitor sheet follows (default "year"). */
  period: TrendsPeriod;
  /** Unit -> benchmark CMI; without it each unit's own best period is its benchmark. */
  cmiBenchmark?: { table: WeightTable; /** File name or range address. */ name: string };
}

export const DEFAULT_TRENDS_SETTINGS: Readonly<TrendsSettings> = {
  unit: "department",
  weights: { source: "data" },
  levels: { source: "data" },
  minCases: 5,
  flagTolerance: 0.2,
  topAdrgs: 10,
  targetShare: DEFAULT_TARGET_SHARE,
  losBenchmark: { kind: "hospital" },
  costBenchmark: { kind: "hospital" },
  period: "year",
};

/** Columns the report cannot be built without. */
export function trendsRequiredColumns(settings: Pick<TrendsSettings, "unit" | "weights">): ColumnName[] {
  const out: ColumnName[] = ["drg", settings.unit];
  if (settings.weights.source === "data") out.push("totalCost");
  return out;
}

/** Columns the sections read when the data has them (died, year, period, cost, LOS, drug, material). */
const SECTION_COLUMNS: readonly ColumnName[] = [
  "drgName",
  "cases",
  "died",
  "year",
  "dischargeDate",
  "period",
  "totalCost",
  "los",
  "drugCost",
  "materialCost",
];

/** Columns the report reads: the required ones and those of the sections. */
export function trendsColumns(settings: Pick<TrendsSettings, "unit" | "weights">): ColumnName[] {
  const out = trendsRequiredColumns(settings);
  for (const c of SECTION_COLUMNS) if (!out.includes(c)) out.push(c);
  return out;
}
