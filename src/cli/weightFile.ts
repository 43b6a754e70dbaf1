/** Reading a weight table file (--weights of `report` and `trends`). */
import * as path from "path";
import { WeightTable } from "../engine/weightTable";
import { weightTableFromGrid } from "../engine/weightTableGrid";
import { readInput } from "./readInput";

/** Reads a weight table file, its columns found as every weight table's (src/engine/weightTableGrid.ts). */
export async function readWeightFile(file: string): Promise<WeightTable> {
  const { grid } = await readInput(file);
  return weightTableFromGrid(grid, { argName: path.basename(file) });
}
