/** Reading a weight table file (--weights of `report`, `trends` and `payment`) and a table of group means. */
import * as path from "path";
import { groupMeansFromGrid } from "../engine/groupMeansGrid";
import { WeightTable } from "../engine/weightTable";
import { weightTableFromGrid } from "../engine/weightTableGrid";
import { readInput } from "./readInput";

/** Reads a weight table file, its columns found as every weight table's (src/engine/weightTableGrid.ts). */
export async function readWeightFile(file: string): Promise<WeightTable> {
  const { grid } = await readInput(file);
  return weightTableFromGrid(grid, { argName: path.basename(file) });
}

/** Reads a table of regional group mean costs (--group-means of `payment`): src/engine/groupMeansGrid.ts. */
export async function readGroupMeansFile(file: string): Promise<WeightTable> {
  const { grid } = await readInput(file);
  return groupMeansFromGrid(grid, { argName: path.basename(file) });
}
