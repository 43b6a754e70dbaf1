import * as fc from "fast-check";
import {
  cellNumber,
  checkSameLength,
  errorValueInCell,
  isBlankCell,
  isErrorValue,
  isTextCell,
  notANumber,
  readNumberColumn,
} from "../../src/engine/input";
import { CaseMixError } from "../../src/engine/text";

/** The CaseMixError a call throws (fails the test when it does not throw one). */
function thrown(f: () => unknown): CaseMixError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CaseMixError);
    return e as CaseMixError;
  }
  throw new Error("expected a CaseMixError");
}

describe("cellNumber", () => {
  it("reads numbers and numbers stored as text", () => {
    expect(cellNumber(12.5)).toBe(12.5);
    expect(cellNumber("12,345.60")).toBe(12345.6);
    expect(cellNumber(" 8000 ")).toBe(8000);
    expect(cellNumber("１２３．５")).toBe(123.5); // full-width digits and point
    expect(cellNumber("1e3")).toBe(1000);
    expect(cellNumber("-4")).toBe(-4);
    expect(cellNumber(".5")).toBe(0.5);
  });

  it("returns NaN for a blank cell", () => {
    expect(cellNumber(null)).toBeNaN();
    expect(cellNumber(undefined)).toBeNaN();
    expect(cellNumber("")).toBeNaN();
    expect(cellNumber("  ")).toBeNaN();
  });

  it("returns undefined for anything that is not a finite number", () => {
    expect(cellNumber("n/a")).toBeUndefined();
    expect(cellNumber("12 days")).toBeUndefined();
    expect(cellNumber(true)).toBeUndefined();
    expect(cellNumber(NaN)).toBeUndefined();
    expect(cellNumber(Infinity)).toBeUndefined();
    expect(cellNumber(new Error("#N/A"))).toBeUndefined();
    expect(cellNumber([[1]])).toBeUndefined();
    // Text that overflows a double must not become Infinity.
    expect(cellNumber("1e400")).toBeUndefined();
    expect(cellNumber("-1e400")).toBeUndefined();
  });
});

describe("isTextCell and isBlankCell", () => {
  it("calls words text, and numbers stored as text not", () => {
    expect(isTextCell("住院总费用")).toBe(true);
    expect(isTextCell("Cost")).toBe(true);
    expect(isTextCell("1,200")).toBe(false);
    expect(isTextCell("")).toBe(false);
    expect(isTextCell(5)).toBe(false);
    expect(isBlankCell(" ")).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });
});

describe("readNumberColumn", () => {
  it("reads a column, blank cells as NaN", () => {
    const out = readNumberColumn([1, "2", null, "3,000"], "costs");
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(2);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBe(3000);
  });

  it("names the argument and the row of a cell that is not a number, in English and Chinese", () => {
    const values: unknown[] = new Array(600).fill(100);
    values[499] = "n/a"; // the 500th data row, row 501 of the range after a header
    const e = thrown(() => readNumberColumn(values, "costs", { firstRow: 2 }));
    expect(e.kind).toBe("value");
    expect(e.text.en).toBe('costs row 501: "n/a" is not a number');
    expect(e.text.zh).toBe('costs 第 501 行："n/a" 不是数字');
  });

  it("rejects a negative number unless negatives are allowed", () => {
    const e = thrown(() => readNumberColumn([5, -3], "costs"));
    expect(e.text.en).toMatch(/^costs row 2: -3 is negative/);
    expect(e.text.zh).toMatch(/^costs 第 2 行：-3 是负数/);
    expect(Array.from(readNumberColumn([5, -3], "revenue", { allowNegative: true }))).toEqual([5, -3]);
  });

  it("calls an Excel error value an error value", () => {
    const e1 = thrown(() => readNumberColumn([1, new Error("#DIV/0!")], "los"));
    expect(e1.text.en).toBe('los row 2: "#DIV/0!" is an error value, not a number');
    expect(e1.text.zh).toBe('los 第 2 行："#DIV/0!" 是错误值，不是数字');
    const e2 = thrown(() => readNumberColumn(["#N/A"], "los"));
    expect(e2.text.en).toBe('los row 1: "#N/A" is an error value, not a number');
  });

  it("calls an error object as Excel hands it over ({code: \"#N/A\"}) an error value, quoting its code", () => {
    const e = thrown(() => readNumberColumn([1, 2, { code: "#N/A", message: "lookup failed" }], "costs"));
    expect(e.text.en).toBe('costs row 3: "#N/A" is an error value, not a number');
    expect(e.text.zh).toBe('costs 第 3 行："#N/A" 是错误值，不是数字');
    expect(isErrorValue({ code: "#DIV/0!" })).toBe(true);
    expect(isErrorValue(" #REF! ")).toBe(true);
    expect(isErrorValue(new Error("x"))).toBe(true);
    expect(isErrorValue("GB11")).toBe(false);
    expect(isErrorValue("#1 ward")).toBe(false);
    expect(isErrorValue({ code: 5 })).toBe(false);
    expect(isErrorValue(null)).toBe(false);
    expect(errorValueInCell("groups", 7, { code: "#N/A" }).text).toEqual({
      en: 'groups row 7: "#N/A" is an error value',
      zh: 'groups 第 7 行："#N/A" 是错误值',
    });
  });

  it("rejects booleans, infinities and NaN", () => {
    expect(thrown(() => readNumberColumn([true], "x")).text.en).toBe('x row 1: "true" is not a number');
    expect(thrown(() => readNumberColumn([Infinity], "x")).text.en).toBe('x row 1: "Infinity" is not a number');
    expect(thrown(() => readNumberColumn([NaN], "x")).text.en).toBe('x row 1: "NaN" is not a number');
  });

  it("never returns an infinite number", () => {
    const cell = fc.oneof(fc.double(), fc.string(), fc.constantFrom("1e400", "-1e999", "１e400", null, ""));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), (values) => {
        let out: Float64Array;
        try {
          out = readNumberColumn(values, "costs", { allowNegative: true });
        } catch (e) {
          expect(e).toBeInstanceOf(CaseMixError);
          return;
        }
        for (const v of out) expect(v === Infinity || v === -Infinity).toBe(false);
      }),
    );
  });
});

describe("checkSameLength and notANumber", () => {
  it("names both arguments and both sizes", () => {
    const e = thrown(() => checkSameLength({ name: "groups", length: 10 }, { name: "costs", length: 9 }));
    expect(e.kind).toBe("value");
    expect(e.text.en).toBe("costs has 9 rows but groups has 10; they must be the same size");
    expect(e.text.zh).toBe("costs 有 9 行，而 groups 有 10 行，两者大小必须相同");
    expect(() => checkSameLength({ name: "a", length: 3 }, { name: "b", length: 3 })).not.toThrow();
  });

  it("shortens long cell text in messages", () => {
    const e = notANumber("costs", 3, "x".repeat(100));
    expect(e.text.en).toBe(`costs row 3: "${"x".repeat(37)}..." is not a number`);
  });
});
