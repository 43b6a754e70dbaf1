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

describe("--map sums and none, --show-mapping", () => {
  it("parses A+B as a sum, #N inside a sum as a column, and nothing as none", () => {
    const o = parseReportArgs(
      [
        "x.csv",
        "--map",
        "materialCost=检查用一次性医用材料费+治疗用一次性医用材料费",
        "--map",
        "selfPay=#3+个人自费",
        "--map",
        "doctor=",
      ],
      "en",
    );
    // a text with + goes to the engine whole (it is one header when a header has that name)
    expect(o.mapping).toEqual({
      materialCost: "检查用一次性医用材料费+治疗用一次性医用材料费",
      selfPay: [2, "个人自费"],
      doctor: null,
    });
    expect(o.showMapping).toBe(false);
    expect(parseReportArgs(["x.csv", "--show-mapping"], "en").showMapping).toBe(true);
    expect(parseTrendsArgs(["x.csv", "--show-mapping"], "en").showMapping).toBe(true);
  });
});
