/**
 * The settings of the two-versions comparison (DOMAIN.md "Using CMI": two DRG versions side by
 * side), their defaults and the columns they need.
 */
import { ColumnName } from "../../engine/columns";
import { MissingWeightRule, WeightTable } from "../../engine/weightTable";

export type CompareUnit = "department" | "doctor";

export interface CompareSettings {
  /** Version A: the case file's group column (drg) with this table. */
  weightsA: { table: WeightTable; name: string };
  /** Version B: the second group column (drgB) when the file has one, else A's groups, with this table. */
  weightsB: { table: WeightTable; name: string };
  /** The versions' names (医疗DRG, 医保DRG); undefined: 版本A / 版本B (Version A / Version B). */
  names?: [string, string];
  /** Cases of a group without a weight in its version's table: an error, or left out of both and counted. */
  missing: MissingWeightRule;
  /** The unit table; undefined: department when the file has the column, else the hospital only. */
  unit?: CompareUnit;
}

export const DEFAULT_COMPARE_SETTINGS: Readonly<Pick<CompareSettings, "missing">> = {
  // A report lists what it leaves out; the function's default is "error".
  missing: "exclude",
};

/** Columns the report cannot be built without: the group and the unit asked for. */
export function compareRequiredColumns(settings: Pick<CompareSettings, "unit">): ColumnName[] {
  return settings.unit ? ["drg", settings.unit] : ["drg"];
}

/** Columns the report reads: the required ones, version B's groups, the group name and counts. */
export function compareColumns(settings: Pick<CompareSettings, "unit">): ColumnName[] {
  return [
    ...compareRequiredColumns(settings),
    ...(settings.unit ? [] : (["department"] as const)),
    "drgB",
    "drgName",
    "cases",
  ];
}
