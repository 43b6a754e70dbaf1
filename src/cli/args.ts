/**
 * The grammar shared by every command: splitting argv into positionals and options, the
 * usage error (exit code 2), and the checks of option values used by more than one command.
 */
import { CaseMixError, Lang } from "../engine/text";

export class UsageError extends CaseMixError {}

export function usage(en: string, zh: string): never {
  throw new UsageError("value", { en, zh });
}

/** Splits argv into positionals and `--name value` / `--name=value` / `--flag` options. */
export function splitArgs(
  argv: readonly string[],
  flags: ReadonlySet<string>,
  /** Called with each option name as it is met (before its value is taken): throws for an unknown one. */
  check: (name: string) => void = () => undefined,
): { positional: string[]; options: Map<string, string[]> } {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      check(name);
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (flags.has(name)) value = "true";
      else {
        if (i + 1 >= argv.length) usage(`--${name} needs a value`, `--${name} 需要一个值`);
        value = argv[++i];
      }
      options.set(name, [...(options.get(name) ?? []), value]);
    } else if (a === "-h") options.set("help", ["true"]);
    else positional.push(a);
  }
  return { positional, options };
}

export interface CommandArgs {
  positional: string[];
  options: Map<string, string[]>;
  /** The value of an option given at most once (a usage error when repeated). */
  one: (name: string) => string | undefined;
}

/**
 * The arguments of a command (see splitArgs), with `one(name)` for an option given at most
 * once; an option not in `known` is a usage error that points at `help` ("casemix --help").
 */
export function commandArgs(
  argv: readonly string[],
  known: ReadonlySet<string>,
  flags: ReadonlySet<string>,
  help: string,
): CommandArgs {
  const { positional, options } = splitArgs(argv, flags, (name) => {
    if (!known.has(name)) usage(`unknown option --${name}; see ${help}`, `未知选项 --${name}；请查看 ${help}`);
  });
  const one = (name: string): string | undefined => {
    const v = options.get(name);
    if (v && v.length > 1) usage(`--${name} is given ${v.length} times`, `--${name} 出现了 ${v.length} 次`);
    return v?.[0];
  };
  return { positional, options, one };
}

/** The one case file of `casemix <command> <cases.csv|cases.xlsx>`. */
export function caseFileArg(positional: readonly string[], command: string): string {
  if (positional.length !== 1) {
    usage(
      positional.length === 0
        ? `give the case file: casemix ${command} <cases.csv|cases.xlsx>`
        : `one case file only, got ${positional.join(", ")}`,
      positional.length === 0
        ? `请给出病例文件：casemix ${command} <cases.csv|cases.xlsx>`
        : `只能给一个病例文件，收到 ${positional.join("、")}`,
    );
  }
  return positional[0];
}

/** `text` as one of `allowed`, else a usage error listing them. */
export function choice<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  return usage(
    `--${name}: "${text}" is not one of ${allowed.join(", ")}`,
    `--${name}："${text}" 不是 ${allowed.join("、")} 之一`,
  );
}

/** --lang when given (zh or en), else the language already chosen. */
export function langOption(text: string | undefined, defaultLang: Lang): Lang {
  return text === undefined ? defaultLang : choice("lang", text, ["zh", "en"] as const);
}

/** A number of `min` or more; thousands may be separated by , or _. */
export function numberAtLeast(name: string, text: string, min = 0): number {
  const v = Number(text.replace(/[,_]/g, ""));
  if (text.trim() === "" || !Number.isFinite(v) || v < min) {
    usage(`--${name}: "${text}" is not a number of ${min} or more`, `--${name}："${text}" 不是大于或等于 ${min} 的数`);
  }
  return v;
}

/** Numbers separated by commas (ASCII or full-width), each of 0 or more. */
export function numberList(name: string, text: string): number[] {
  return text.split(/[,，]/).map((s) => numberAtLeast(name, s.trim()));
}

/** A number (whole when `integer`) of 0 or more and below `below`, written as JavaScript reads it. */
export function nonNegative(name: string, text: string, integer: boolean, below = Infinity): number {
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || v < 0 || v >= below || (integer && !Number.isInteger(v))) {
    const range = below === Infinity ? "" : ` below ${below}`;
    const rangeZh = below === Infinity ? "" : `且小于 ${below} `;
    usage(
      `--${name}: "${text}" is not ${integer ? "a whole number" : "a number"} of 0 or more${range}`,
      `--${name}："${text}" 不是大于或等于 0 ${rangeZh}的${integer ? "整数" : "数"}`,
    );
  }
  return v;
}

/** The option `name` checked by nonNegative, or `fallback` when it is not given. */
export function nonNegativeOption(
  { one }: Pick<CommandArgs, "one">,
  name: string,
  fallback: number,
  integer: boolean,
  below = Infinity,
): number {
  const text = one(name);
  return text === undefined ? fallback : nonNegative(name, text, integer, below);
}
