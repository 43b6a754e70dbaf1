/** Reading a weight table file (--weights of `report` and `trends`). */
import * as path from "path";
import { detectCaseColumns } from "../engine/caseTable";
import { CaseMixError } from "../engine/text";
import { weightTable, WeightTable } from "../engine/weightTable";
import { readInput } from "./readInput";

/** Reads a weight table file: the code column (DRG header or the first) and the weight column (权重/weight or the second). */
export async function readWeightFile(file: string): Promise<WeightTable> {
  const { grid } = await readInput(file);
  const headers: unknown[] = [];
  for (let c = 0; c < grid.columnCount; c++) headers.push(grid.cell(0, c));
  const { columns } = detectCaseColumns(headers);
  const codeCol = columns.drg ?? 0;
  const weightCol = columns.weight ?? (codeCol === 1 ? 0 : 1);
  if (grid.columnCount < 2) {
    throw new CaseMixError("value", {
      en: `${file}: a weight table needs two columns, group code and weight`,
      zh: `${file}：权重表需要两列：病组编码和权重`,
    });
  }
  return weightTable(grid.column(codeCol, 0), grid.column(weightCol, 0), { argName: path.basename(file) });
}
