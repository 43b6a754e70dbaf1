/**
 * What every command shares: where it writes (Io), and the flow of the report commands
 * (`report`, `trends`, `audit`): parse the options, check the output file before any work,
 * build the report, write the workbook and/or print JSON, else a summary on stderr.
 */
import { Lang } from "../engine/text";
import type { WorkbookModel } from "../report/model";
import { checkOutput, writeAtomically } from "./output";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal: notes on reading (the encoding chosen) are shown there. */
  tty?: boolean;
}

/** A command: its arguments (after the command's name) to an exit code. */
export type Command = (argv: readonly string[], context: CommandContext) => Promise<number>;

export interface CommandContext {
  /** The language of messages already chosen (--lang or the system's). */
  lang: Lang;
  io: Io;
  /** The add-in's version, recorded in the reports. */
  version: string;
}

/** The options every report command has. */
export interface ReportCommandOptions {
  json: boolean;
  out?: string;
  /** Replace an existing --out file. */
  force: boolean;
  lang: Lang;
}

/** One report command, described by its steps; runReportCommand runs them. */
export interface ReportCommand<O extends ReportCommandOptions, R> {
  parse: (argv: readonly string[], defaultLang: Lang) => O;
  /** The file written when neither --out nor --json is given. */
  defaultOut: string;
  /** The files read: the output may not replace any of them. */
  inputs: (o: O) => readonly (string | undefined)[];
  build: (o: O, version: string) => Promise<R>;
  workbook: (report: R, lang: Lang) => WorkbookModel;
  json: (report: R, lang: Lang) => unknown;
  summary: (report: R, out: string | undefined, lang: Lang) => string;
  /** With --show-mapping: the column mapping of the input as text, printed instead of a report. */
  showMapping?: (o: O) => Promise<string | undefined>;
}

/** Runs a report command; returns the exit code. */
export async function runReportCommand<O extends ReportCommandOptions, R>(
  command: ReportCommand<O, R>,
  argv: readonly string[],
  { lang, io, version }: CommandContext,
): Promise<number> {
  const o = command.parse(argv, lang);
  const mapping = await command.showMapping?.(o);
  if (mapping !== undefined) {
    io.stdout(mapping);
    return 0;
  }
  const out = o.out ?? (o.json ? undefined : command.defaultOut);
  if (out) checkOutput(out, { force: o.force, inputs: command.inputs(o) });
  const report = await command.build(o, version);
  if (out) {
    const { writeXlsx } = await import("../report/xlsx/render");
    await writeAtomically(out, (tmp) => writeXlsx(command.workbook(report, o.lang), tmp));
  }
  if (o.json) io.stdout(JSON.stringify(command.json(report, o.lang), null, 2) + "\n");
  else io.stderr(command.summary(report, out, o.lang));
  return 0;
}
