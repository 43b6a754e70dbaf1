/** The colours of the quadrants: fills of the quadrant cells and colours of the chart's series. */
import { Quadrant } from "../../engine/quadrants";
import { FILLS, SERIES_COLORS } from "../layout/palette";

export const QUADRANT_FILLS: Record<Quadrant, string> = {
  strategic: FILLS.green,
  competitive: FILLS.blue,
  suitable: FILLS.yellow,
  weak: FILLS.red,
  unclassified: FILLS.grey,
};

export const QUADRANT_COLORS: Record<Quadrant, string> = {
  strategic: SERIES_COLORS.green,
  competitive: SERIES_COLORS.blue,
  suitable: SERIES_COLORS.amber,
  weak: SERIES_COLORS.red,
  unclassified: SERIES_COLORS.grey,
};
