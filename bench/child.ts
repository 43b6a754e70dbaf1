/**
 * One side of the benchmark in its own process, so that its peak memory is its own:
 *     node build/bench/child.js <side> <rows> <reps> <csv> <out.json>
 * Writes a SideReport as JSON to out.json.
 */
import * as fs from "fs";
import { runDuckdbCsv, runDuckdbTable } from "./duckdbSide";
import { runEngine } from "./engineSide";
import { SideReport } from "./results";

async function main(): Promise<void> {
  const [side, rowsArg, repsArg, csv, out] = process.argv.slice(2);
  const rows = Number(rowsArg);
  const reps = Number(repsArg);
  let report: SideReport;
  switch (side) {
    case "engine":
      report = runEngine(rows, reps);
      break;
    case "duckdb-table":
      report = await runDuckdbTable(rows, csv, reps);
      break;
    case "duckdb-csv":
      report = await runDuckdbCsv(rows, csv, reps);
      break;
    default:
      throw new Error(`unknown side ${side}`);
  }
  fs.writeFileSync(out, JSON.stringify(report));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
