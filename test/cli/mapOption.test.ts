/**
 * --map column=header only knows the canonical column names: a name every object inherits
 * (__proto__, constructor, toString) is refused like any other unknown column. Before, `column
 * in HEADER_WORDS` accepted them and `--map __proto__=...` went through silently.
 */
import { parseReportArgs } from "../../src/cli/commands/report";
import { parseTrendsArgs } from "../../src/cli/commands/trends";

describe.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("--map %s=...", (name) => {
  it("is refused by casemix report and casemix trends", () => {
    expect(() => parseReportArgs(["x.csv", "--map", `${name}=科室`], "en")).toThrow(/is not column=header/);
    expect(() => parseTrendsArgs(["x.csv", "--map", `${name}=科室`], "en")).toThrow(/is not column=header/);
  });
});

it("a real column is still mapped", () => {
  // "#4" is the fourth column, index 3
  expect(parseReportArgs(["x.csv", "--map", "drg=#4"], "en").mapping).toEqual({ drg: 3 });
});
