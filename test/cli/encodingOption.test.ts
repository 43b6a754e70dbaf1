/**
 * `--encoding` is one option of every command that reads case files: `casemix report` and
 * `casemix trends` take the same names (any case, with the aliases utf8, gbk, gb2312) and refuse
 * anything else with the same message.
 */
import { CaseMixError } from "../../src/engine/text";
import { encodingOption } from "../../src/cli/columnOptions";
import { parseReportArgs } from "../../src/cli/commands/report";
import { parseTrendsArgs } from "../../src/cli/commands/trends";

const PARSERS = { report: parseReportArgs, trends: parseTrendsArgs };

/** The message a parse throws, in both languages. */
function refusal(parse: () => unknown): { en: string; zh: string } {
  try {
    parse();
  } catch (e) {
    if (e instanceof CaseMixError) return { en: e.text.en, zh: e.text.zh };
    throw e;
  }
  throw new Error("not refused");
}

describe("--encoding", () => {
  test.each([
    [undefined, undefined],
    ["auto", undefined],
    ["AUTO", undefined],
    ["utf8", "utf-8"],
    ["UTF-8", "utf-8"],
    ["utf-8-bom", "utf-8-bom"],
    ["GBK", "gb18030"],
    ["gb2312", "gb18030"],
    ["utf-16le", "utf-16le"],
  ])("%s reads as %s", (text, encoding) => {
    expect(encodingOption(text)).toBe(encoding);
  });

  test.each(Object.entries(PARSERS))("casemix %s takes it the same way", (_, parse) => {
    expect(parse(["x.csv", "--encoding", "Auto"], "en").encoding).toBeUndefined();
    expect(parse(["x.csv", "--encoding", "gb2312"], "en").encoding).toBe("gb18030");
  });

  test("report and trends refuse an unknown encoding with one message", () => {
    const [report, trends] = Object.values(PARSERS).map((parse) =>
      refusal(() => parse(["x.csv", "--encoding", "Latin1"], "en")),
    );
    expect(report).toEqual(trends);
    expect(report.en).toBe('--encoding: "latin1" is not one of auto, utf-8, utf-8-bom, utf-16le, utf-16be, gb18030');
    expect(report.zh).toBe('--encoding："latin1" 不是 auto、utf-8、utf-8-bom、utf-16le、utf-16be、gb18030 之一');
  });
});
