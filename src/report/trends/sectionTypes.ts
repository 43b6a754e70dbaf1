/** What every trends section records: rows used, rows skipped and why, or why it is missing. */
import { Text } from "../../engine/text";

/** Why rows were left out of the whole report or of one section. */
export type TrendsSkip =
  | "blankRow"
  | "emptyGroup"
  | "noCases"
  | "noYear"
  | "otherYear"
  | "noWeight"
  | "noCost"
  | "emptyUnit"
  | "noLos"
  | "noPeriod";

export interface SectionRows {
  used: number;
  skipped: Partial<Record<TrendsSkip, number>>;
}

/** A section the data cannot give, and why. */
export interface Unavailable {
  available: false;
  reason: Text;
}
