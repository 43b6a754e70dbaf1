/**
 * The options that say how to read a case file, shared by `report` and `trends`: `--map
 * column=header` (or `column=#N` for the N-th column, `column=A+B` for a sum, `column=` for
 * none) and `--encoding`.
 */
import type { MappingOverride } from "../engine/columnDetection";
import { ColumnName, HEADER_WORDS } from "../engine/columns";
import { lookupWord } from "../engine/lookup";
import { Lang } from "../engine/text";
import { mappingText } from "../report/columnSources";
import { usage } from "./args";
import { Encoding, ENCODINGS } from "./csv/encoding";
import { readCaseFile } from "./readInput";

export type ColumnMapping = MappingOverride;

/** A header or `#N` (1-based) as the engine takes it: a header text, or a 0-based index. */
function headerOrIndex(text: string): string | number {
  return /^#\d+$/.test(text) ? Number(text.slice(1)) - 1 : text;
}

/**
 * The --map options: a column name of HEADER_WORDS, `=`, and a header or `#N` (1-based); several
 * joined by `+` are added up (a text with `+` and no `#N` goes to the engine whole, which takes
 * it as one header when one has that name); nothing after `=` drops the column.
 */
export function parseMapOptions(values: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const m of values) {
    const eq = m.indexOf("=");
    const column = m.slice(0, eq).trim() as ColumnName;
    if (eq <= 0 || lookupWord(HEADER_WORDS, column) === undefined) {
      usage(
        `--map: "${m}" is not column=header; columns: ${Object.keys(HEADER_WORDS).join(", ")}`,
        `--map："${m}" 应为 列名=表头；列名有：${Object.keys(HEADER_WORDS).join("、")}`,
      );
    }
    const header = m.slice(eq + 1).trim();
    const parts = header.split("+").map((p) => p.trim());
    if (header === "") mapping[column] = null;
    else if (parts.length > 1 && parts.some((p) => /^#\d+$/.test(p))) mapping[column] = parts.map(headerOrIndex);
    else mapping[column] = headerOrIndex(header);
  }
  return mapping;
}

/** utf8 for utf-8, gbk and gb2312 for gb18030 (its superset), any case. */
function encodingAlias(text: string): string {
  return text
    .toLowerCase()
    .replace(/^utf8$/, "utf-8")
    .replace(/^(gbk|gb2312)$/, "gb18030");
}

/**
 * --encoding: undefined for auto (detect, any case), else one of ENCODINGS or an alias of one;
 * the same for every command. Anything else is refused, listing auto and the encodings.
 *
 *     encodingOption("GBK")   // "gb18030"
 *     encodingOption("Auto")  // undefined
 */
export function encodingOption(text: string | undefined): Encoding | undefined {
  const name = text === undefined ? undefined : encodingAlias(text);
  if (name === undefined || name === "auto") return undefined;
  if ((ENCODINGS as readonly string[]).includes(name)) return name as Encoding;
  return usage(
    `--encoding: "${name}" is not one of auto, ${ENCODINGS.join(", ")}`,
    `--encoding："${name}" 不是 auto、${ENCODINGS.join("、")} 之一`,
  );
}

/**
 * --show-mapping: the mapping of a case file as text (which source columns feed each canonical
 * column, with the --map corrections applied), without any column being required.
 */
export async function showMapping(
  input: string,
  options: { sheet?: string; encoding?: Encoding; mapping: ColumnMapping },
  lang: Lang,
): Promise<string> {
  const { table } = await readCaseFile(
    input,
    { sheet: options.sheet, encoding: options.encoding },
    { mapping: options.mapping, columns: ["drg"] },
  );
  return mappingText(table, lang);
}

/** A case-file command's `ReportCommand.showMapping`: the mapping text with --show-mapping, else undefined. */
export async function mappingWhenAsked(o: {
  input: string;
  showMapping: boolean;
  sheet?: string;
  encoding?: Encoding;
  mapping: ColumnMapping;
  lang: Lang;
}): Promise<string | undefined> {
  return o.showMapping ? showMapping(o.input, o, o.lang) : undefined;
}
