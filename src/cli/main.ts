/**
 * `casemix`: the command line. `casemix report <cases.csv|cases.xlsx>` builds the same report
 * as the taskpane (same engine, same workbook model) into an .xlsx file or JSON;
 * `casemix sample` writes the generated sample case file.
 */
import { CaseMixError, Lang, langFromLocale } from "../engine/text";
import { UsageError } from "./args";
import { Command, Io } from "./commandRunner";
import { fileError } from "./fileErrors";
import { HELP } from "./help";
import { showReadNotes } from "./readInput";
import { packageJson } from "./repository";

export type { Io } from "./commandRunner";

/** The commands; each loads its own modules when run (`report` on a CSV starts without the others). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  report: async () => (await import("./commands/report")).runReport,
  audit: async () => (await import("./commands/audit")).runAudit,
  trends: async () => (await import("./commands/trends")).runTrends,
  payment: async () => (await import("./commands/payment")).runPayment,
  compare: async () => (await import("./commands/compare")).runCompare,
  sample: async () => (await import("./commands/sample")).runSample,
};

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
    const load = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (load) return await (await load())(rest, { lang, io, version: packageVersion() });
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
