/**
 * The same results as native spreadsheet formulas (COUNTIF, SUMIF, AVERAGEIF, SUMIFS,
 * COUNTIFS, MATCH/INDEX), recalculated headless by LibreOffice.
 *
 * Workbook (sheet names ASCII so that references need no quoting):
 * - cases: drg | dept | cost | ln cost | ln cost squared | group row (MATCH) | kept (0/1) |
 *   case weight (INDEX) | cost / benchmark of its group;
 * - groups (sorted by code): code | n | total cost | mean ln | SD ln | low | high | kept raw |
 *   kept sum raw | kept | kept sum | mean cost | weight | benchmark mean cost;
 *   the SD is STDEV.S written with SUMIF of the squares: sqrt((sum x^2 - n mean^2) / (n - 1));
 *   groups under 5 cases are not trimmed, and a group that trimming would empty keeps all;
 * - departments: key | cases | total weight | CMI | cost index | mean cost;
 * - summary: all-case kept mean cost, overall CMI.
 * The group count by department is left out: native formulas have no cheap distinct count.
 *
 * Timing: LibreOffice is told to recalculate every formula on load (OOXMLRecalcMode = 0 in a
 * private profile) and converts the workbook to .xlsx; the baseline converts the result again
 * with OOXMLRecalcMode = 1 (never: the cached values are kept). The recalculation time is the
 * difference, which leaves out starting LibreOffice and reading and writing the file.
 */
import { spawnSync } from "child_process";
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { Cases, DEPARTMENTS } from "./data";
import { CmiRow, CostIndexRow, Results, WeightRow } from "./results";
import { readSheets } from "./xlsxCells";

export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return undefined;
}

/** Writes the formula workbook for `cases` (codes sorted ordinally in the groups sheet). */
export async function writeFormulaWorkbook(cases: Cases, file: string): Promise<void> {
  const n = cases.rows;
  const last = n + 1;
  const present = new Set<number>();
  for (let i = 0; i < n; i++) present.add(cases.group[i]);
  const codes = Array.from(present, (g) => cases.groupCodes[g]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const G = codes.length;
  const gLast = G + 1;
  const departments = Array.from(new Set(Array.from(cases.department, (d) => DEPARTMENTS[d])));
  const col = (sheet: string, c: string, lastRow: number) => `${sheet}!$${c}$2:$${c}$${lastRow}`;
  const caseCol = (c: string) => col("cases", c, last);
  const groupCol = (c: string) => col("groups", c, gLast);

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("cases");
  ws.addRow(["drg", "dept", "cost", "ln", "ln2", "grow", "kept", "weight", "ratio"]).commit();
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    ws.addRow([
      cases.groupCodes[cases.group[i]],
      DEPARTMENTS[cases.department[i]],
      cases.cost[i],
      { formula: `LN(C${r})` },
      { formula: `D${r}*D${r}` },
      { formula: `MATCH(A${r},${groupCol("A")},0)` },
      {
        formula: `IF(INDEX(${groupCol("B")},F${r})<5,1,IF(AND(D${r}>=INDEX(${groupCol("F")},F${r}),D${r}<=INDEX(${groupCol("G")},F${r})),1,0))`,
      },
      { formula: `INDEX(${groupCol("M")},F${r})` },
      { formula: `C${r}/INDEX(${groupCol("N")},F${r})` },
    ]).commit();
  }
  ws.commit();

  const gs = wb.addWorksheet("groups");
  gs.addRow(["code", "n", "total", "mean ln", "sd ln", "low", "high", "kept raw", "kept sum raw", "kept", "kept sum", "mean cost", "weight", "benchmark"]).commit();
  for (let j = 0; j < G; j++) {
    const r = j + 2;
    gs.addRow([
      codes[j],
      { formula: `COUNTIF(${caseCol("A")},A${r})` },
      { formula: `SUMIF(${caseCol("A")},A${r},${caseCol("C")})` },
      { formula: `AVERAGEIF(${caseCol("A")},A${r},${caseCol("D")})` },
      { formula: `IF(B${r}>1,SQRT(MAX(0,(SUMIF(${caseCol("A")},A${r},${caseCol("E")})-B${r}*D${r}^2)/(B${r}-1))),0)` },
      { formula: `D${r}-3*E${r}` },
      { formula: `D${r}+3*E${r}` },
      { formula: `COUNTIFS(${caseCol("A")},A${r},${caseCol("G")},1)` },
      { formula: `SUMIFS(${caseCol("C")},${caseCol("A")},A${r},${caseCol("G")},1)` },
      { formula: `IF(H${r}>0,H${r},B${r})` },
      { formula: `IF(H${r}>0,I${r},C${r})` },
      { formula: `K${r}/J${r}` },
      { formula: `L${r}/summary!$B$1` },
      { formula: `C${r}/B${r}` },
    ]).commit();
  }
  gs.commit();

  const ds = wb.addWorksheet("departments");
  ds.addRow(["key", "cases", "total weight", "cmi", "cost index", "mean cost"]).commit();
  departments.forEach((key, j) => {
    const r = j + 2;
    ds.addRow([
      key,
      { formula: `COUNTIF(${caseCol("B")},A${r})` },
      { formula: `SUMIF(${caseCol("B")},A${r},${caseCol("H")})` },
      { formula: `C${r}/B${r}` },
      { formula: `SUMIF(${caseCol("B")},A${r},${caseCol("I")})/B${r}` },
      { formula: `AVERAGEIF(${caseCol("B")},A${r},${caseCol("C")})` },
    ]).commit();
  });
  ds.commit();

  const ss = wb.addWorksheet("summary");
  ss.addRow(["all-case mean", { formula: `SUM(${groupCol("K")})/SUM(${groupCol("J")})` }]).commit();
  ss.addRow(["CMI overall", { formula: `AVERAGE(${caseCol("H")})` }]).commit();
  ss.commit();
  await wb.commit();
}

/** A private LibreOffice profile whose OOXMLRecalcMode is 0 (always) or 1 (never). */
export function makeProfile(dir: string, recalcMode: 0 | 1): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  const xcu = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalcMode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${recalcMode}</value></prop></item>
</oor:items>
`;
  fs.writeFileSync(path.join(user, "registrymodifications.xcu"), xcu);
  return `file://${dir}`;
}

export interface ConvertRun {
  ms: number;
  /** Peak resident set size of LibreOffice (bytes), when /usr/bin/time is available. */
  peakRss?: number;
}

/** soffice --headless --convert-to xlsx, timed, with its peak memory from /usr/bin/time. */
export function convert(soffice: string, profileUrl: string, input: string, outDir: string): ConvertRun {
  fs.mkdirSync(outDir, { recursive: true });
  const args = [`-env:UserInstallation=${profileUrl}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, input];
  const haveTime = fs.existsSync("/usr/bin/time");
  const rssFile = path.join(outDir, "rss.txt");
  const cmd = haveTime ? "/usr/bin/time" : soffice;
  const cmdArgs = haveTime ? ["-f", "%M", "-o", rssFile, soffice, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd, cmdArgs, { encoding: "utf8", maxBuffer: 1 << 24 });
  const ms = performance.now() - t0;
  const out = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, ".xlsx"));
  if (r.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`soffice failed (${r.status}): ${r.stderr}${r.stdout}`);
  }
  let peakRss: number | undefined;
  if (haveTime && fs.existsSync(rssFile)) {
    const kb = Number(fs.readFileSync(rssFile, "utf8").trim().split(/\s+/).pop());
    if (kb > 0) peakRss = kb * 1024;
  }
  return { ms, peakRss };
}

/** Reads the recalculated results back from LibreOffice's output. */
export function readFormulaResults(file: string): Results {
  const sheets = readSheets(file, ["groups", "departments", "summary"]);
  const body = (name: string) => sheets.get(name)!.slice(1);
  const weights = body("groups").map((r): WeightRow => ({
    code: r[0] as string,
    weight: r[12] as number,
    cases: r[1] as number,
    kept: r[9] as number,
    meanCost: r[11] as number,
  }));
  const departments = body("departments");
  const cmiByDepartment = departments.map((r): CmiRow => ({
    key: r[0] as string,
    cmi: r[3] as number,
    cases: r[1] as number,
    totalWeight: r[2] as number,
  }));
  const costIndexByDepartment = departments.map((r): CostIndexRow => ({
    key: r[0] as string,
    index: r[4] as number,
    cases: r[1] as number,
    meanCost: r[5] as number,
  }));
  return { weights, cmiOverall: sheets.get("summary")![1][1] as number, cmiByDepartment, costIndexByDepartment };
}
