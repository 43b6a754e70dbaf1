/**
 * `casemix`: the command line. `casemix report <cases.csv|cases.xlsx>` builds the same report
 * as the taskpane (same engine, same workbook model) into an .xlsx file or JSON;
 * `casemix sample` writes the generated sample case file.
 */
import * as path from "path";
import { CaseMixError, Lang, countOf, langFromLocale } from "../engine/text";
import { weightTable, WeightTable } from "../engine/weightTable";
import { detectCaseColumns } from "../engine/caseTable";
import {
  computeQuadrantReport,
  quadrantJson,
  quadrantWorkbook,
  QuadrantReport,
  QuadrantSettings,
  reportColumns,
  requiredColumns,
} from "../report/quadrantReport";
import { packageJson } from "./repository";
import { HELP, parseReportArgs, parseSampleArgs, ReportOptions, UsageError } from "./options";
import { fileError } from "./fileErrors";
import { checkOutput, writeAtomically } from "./output";
import { readCaseFile, readInput, showReadNotes } from "./readInput";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal: notes on reading (the encoding chosen) are shown there. */
  tty?: boolean;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  tty: process.stderr.isTTY === true,
};

/** The version in package.json (the add-in's version, shown on the parameters sheet). */
export function packageVersion(): string {
  return packageJson()?.version || "unknown";
}

/** The language of messages: --lang, else the system's (zh for a Chinese locale). */
function systemLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i >= 0) {
    const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
    if (v === "zh" || v === "en") return v;
  }
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  return langFromLocale(env && env !== "C" && env !== "POSIX" ? env : Intl.DateTimeFormat().resolvedOptions().locale);
}

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

/** Settings of the report from the options. */
export function settingsOf(o: ReportOptions, weights: WeightTable | undefined): QuadrantSettings {
  return {
    layer: o.layer,
    xCut: o.xCut,
    yCut: o.yCut,
    minCases: o.minCases,
    coefficients: o.coefficients,
    labels: o.labels,
    money: o.money,
    unit: o.unit,
    weights: weights
      ? { source: "table", table: weights, name: o.weights as string }
      : { source: "data", trim: o.trim, yearWeights: o.yearWeights },
  };
}

/** Builds the report for the options (without writing anything). */
export async function buildReport(o: ReportOptions, time?: Date): Promise<QuadrantReport> {
  const weights = o.weights ? await readWeightFile(o.weights) : undefined;
  const settings = settingsOf(o, weights);
  const { input, table } = await readCaseFile(
    o.input,
    { sheet: o.sheet, encoding: o.encoding },
    { mapping: o.mapping, columns: reportColumns(settings), required: requiredColumns(settings) },
  );
  if (o.year !== undefined) {
    if (o.year === "latest") {
      const years = table.years?.codes ?? [];
      settings.year = years.length
        ? years.slice().sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1))[years.length - 1]
        : "latest";
    } else settings.year = o.year;
  }
  return computeQuadrantReport(table, settings, {
    source: o.input,
    sheet: input.sheet,
    encoding: input.encoding,
    version: packageVersion(),
    time,
  });
}

function summary(report: QuadrantReport, out: string | undefined, lang: Lang): string {
  const h = report.hospital;
  const q = report.quadrantCounts;
  const skipped = Object.values(report.skipped).reduce((a, b) => a + (b ?? 0), 0);
  if (lang === "zh") {
    return (
      (out ? `已写出 ${out}\n` : "") +
      `读取 ${report.rowsRead} 行，使用 ${report.rowsUsed} 行` +
      (skipped ? `（跳过原因见“参数”表）` : "") +
      `；病例 ${h.cases}，病组 ${report.groups.length}，CMI ${h.cmi.toFixed(4)}；` +
      `战略 ${q.strategic}、竞争 ${q.competitive}、适宜 ${q.suitable}、劣势 ${q.weak}、未分类 ${q.unclassified}\n`
    );
  }
  return (
    (out ? `Wrote ${out}\n` : "") +
    `Read ${countOf(report.rowsRead, "row")}, used ${report.rowsUsed}` +
    (skipped ? ` (reasons for the others on the Parameters sheet)` : "") +
    `; ${countOf(h.cases, "case")}, ${countOf(report.groups.length, "group")}, CMI ${h.cmi.toFixed(4)}; ` +
    `strategic ${q.strategic}, competitive ${q.competitive}, suitable ${q.suitable}, weak ${q.weak}, not classified ${q.unclassified}\n`
  );
}

async function runReport(argv: readonly string[], lang: Lang, io: Io): Promise<number> {
  const o = parseReportArgs(argv, lang);
  const out = o.out ?? (o.json ? undefined : "report.xlsx");
  if (out) checkOutput(out, { force: o.force, inputs: [o.input, o.weights] });
  const report = await buildReport(o);
  if (out) {
    const { writeXlsx } = await import("../report/xlsxRenderer");
    await writeAtomically(out, (tmp) => writeXlsx(quadrantWorkbook(report, o.lang), tmp));
  }
  if (o.json) io.stdout(JSON.stringify(quadrantJson(report), null, 2) + "\n");
  else io.stderr(summary(report, out, o.lang));
  return 0;
}

/** Runs the command line; returns the exit code (0 ok, 1 a data error, 2 a usage error). */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const lang = systemLang(argv);
  const [command, ...rest] = argv;
  showReadNotes(io.tty ? (note) => io.stderr(`casemix: ${note[lang]}\n`) : undefined);
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.stdout(HELP[lang]);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(packageVersion() + "\n");
      return 0;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(HELP[lang]);
      return 0;
    }
    if (command === "report") return await runReport(rest, lang, io);
    // Each command loads its own modules: `report` on a CSV starts without the others.
    if (command === "audit") return await (await import("./audit")).runAudit(rest, lang, io, packageVersion());
    if (command === "trends") return await (await import("./trends")).runTrends(rest, lang, io, packageVersion());
    if (command === "sample") {
      const o = parseSampleArgs(rest, lang);
      const { HARBIN_WEIGHTS, writeSample } = await import("./sample");
      const r = await writeSample(o.out, {
        cases: o.cases,
        seed: o.seed,
        weightsFile: o.weights ?? HARBIN_WEIGHTS,
        force: o.force,
      });
      io.stderr(
        o.lang === "zh"
          ? `已写出 ${o.out}：${r.cases} 例，${r.departments} 个科室，${r.doctors} 名医师，${r.groups} 个病组，${r.bytes} 字节\n`
          : `Wrote ${o.out}: ${r.cases} cases, ${r.departments} departments, ${r.doctors} doctors, ${r.groups} groups, ${r.bytes} bytes\n`,
      );
      return 0;
    }
    throw new UsageError("value", {
      en: `unknown command "${command}"; use casemix report <file> or casemix --help`,
      zh: `未知命令“${command}”；请使用 casemix report <文件> 或 casemix --help`,
    });
  } catch (e) {
    io.stderr(`casemix: ${asMessage(e).messageIn(lang)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

/**
 * Any failure as a message: ours as they are, a file-system one naming its file, anything else
 * (a bug) by its text, without a stack trace (CASEMIX_DEBUG=1 prints it).
 */
function asMessage(e: unknown): CaseMixError {
  if (e instanceof CaseMixError) return e;
  if (process.env.CASEMIX_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  const path = (e as { path?: unknown } | undefined)?.path;
  if (typeof path === "string")
    return fileError(e, path, (e as { syscall?: string }).syscall === "open" ? "read" : "write");
  const text = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError && /allocation|memory|Invalid (array|string) length/i.test(text))
    return new CaseMixError("value", {
      en: `out of memory (${text}); the input is too large for this machine`,
      zh: `内存不足（${text}）；输入数据对本机而言过大`,
    });
  return new CaseMixError("value", {
    en: `internal error: ${text} (please report it; CASEMIX_DEBUG=1 shows where)`,
    zh: `内部错误：${text}（请报告此问题；设置 CASEMIX_DEBUG=1 可显示出错位置）`,
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`casemix: ${asMessage(e).messageIn(systemLang(process.argv.slice(2)))}\n`);
      process.exitCode = 1;
    },
  );
}
