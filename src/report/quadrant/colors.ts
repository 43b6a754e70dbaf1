/** The colours of the quadrants: fills of the quadrant cells and colours of the chart's series. */
import { Quadrant } from "../../engine/quadrants";

export const QUADRANT_FILLS: Record<Quadrant, string> = {
  strategic: "#C6EFCE",
  competitive: "#DDEBF7",
  suitable: "#FFEB9C",
  weak: "#FFC7CE",
  unclassified: "#EDEDED",
};

export const QUADRANT_COLORS: Record<Quadrant, string> = {
  strategic: "#2E7D32",
  competitive: "#1F77B4",
  suitable: "#E0A000",
  weak: "#C62828",
  unclassified: "#9E9E9E",
};
