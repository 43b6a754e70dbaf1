import * as fc from "fast-check";
import { adrgOf, compareCodes, distinctCells, internCodes, internIndexed, normalizeCode, normalizeKey } from "../../src/engine/codes";

describe("normalizeCode", () => {
  it("trims, upper-cases and folds full-width letters and digits", () => {
    expect(normalizeCode(" gb11 ")).toBe("GB11");
    expect(normalizeCode("ＧＢ１１")).toBe("GB11");
    expect(normalizeCode("ｇｂ１１\u3000")).toBe("GB11"); // full-width space trimmed too
    expect(normalizeCode("\tEs21\n")).toBe("ES21");
  });

  it("treats the three shapes of an empty cell (null, \"\", 0) as empty", () => {
    expect(normalizeCode(null)).toBe("");
    expect(normalizeCode(undefined)).toBe("");
    expect(normalizeCode("")).toBe("");
    expect(normalizeCode("   ")).toBe("");
    expect(normalizeCode(0)).toBe("");
    expect(normalizeCode(false)).toBe("");
  });

  it("reads numeric codes (DIP, MS-DRG numbers) as their text and drops non-finite numbers", () => {
    expect(normalizeCode(194)).toBe("194");
    expect(normalizeCode(NaN)).toBe("");
    expect(normalizeCode(Infinity)).toBe("");
  });

  it("treats an Excel error value in a code cell as empty rather than as a code", () => {
    expect(normalizeCode(new Error("#N/A"))).toBe("");
  });
});

describe("normalizeKey", () => {
  it("trims and folds full-width characters but keeps the case of labels", () => {
    expect(normalizeKey(" Cardiology ")).toBe("Cardiology");
    expect(normalizeKey("内科\u3000")).toBe("内科");
    expect(normalizeKey("Ａ区")).toBe("A区");
    expect(normalizeKey(2024)).toBe("2024");
    expect(normalizeKey(null)).toBe("");
    expect(normalizeKey("")).toBe("");
  });
});

describe("internCodes", () => {
  it("gives each distinct normalized code one id, in order of first appearance, -1 for empty", () => {
    const r = internCodes(["GB11", " gb11", "ES21", null, "ＧＢ１１", "", 0, "es21"]);
    expect(Array.from(r.ids)).toEqual([0, 0, 1, -1, 0, -1, -1, 1]);
    expect(r.codes).toEqual(["GB11", "ES21"]);
    expect(r.empty).toBe(3);
  });

  it("accepts another normalizer (keys keep their case)", () => {
    const r = internCodes(["a", "A", " a"], normalizeKey);
    expect(Array.from(r.ids)).toEqual([0, 1, 0]);
    expect(r.codes).toEqual(["a", "A"]);
  });

  it("maps two rows to the same id exactly when their normalized codes are equal", () => {
    const cell = fc.oneof(
      fc.constantFrom("GB11", "gb11", " GB11", "ＧＢ１１", "ES21", "es21 ", "", null, 0, 7, "7", "FR23"),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (values) => {
        const r = internCodes(values);
        let empty = 0;
        for (let i = 0; i < values.length; i++) {
          const code = normalizeCode(values[i]);
          if (code === "") {
            expect(r.ids[i]).toBe(-1);
            empty++;
          } else {
            expect(r.codes[r.ids[i]]).toBe(code);
          }
        }
        expect(r.empty).toBe(empty);
        expect(new Set(r.codes).size).toBe(r.codes.length);
      }),
    );
  });
});

describe("internCodes: text and other cells kept apart", () => {
  it("the number 11 and the text 11 are two raw cells of one code; names of Object's own members are plain codes", () => {
    const cells = [11, "11", "__proto__", "constructor", "toString", "11", 11, "hasOwnProperty", "__proto__"];
    const r = internCodes(cells, normalizeKey);
    expect(r.codes).toEqual(["11", "__proto__", "constructor", "toString", "hasOwnProperty"]);
    expect(Array.from(r.ids)).toEqual([0, 0, 1, 2, 3, 0, 0, 4, 1]);
    expect(distinctCells(r)).toEqual([11, "11", "__proto__", "constructor", "toString", "hasOwnProperty"]);
  });
});

describe("internIndexed", () => {
  it("interns distinct cells once and maps the rows (the module's example)", () => {
    const r = internIndexed({ rawIndex: Int32Array.of(0, 1, 0, 2), distinct: ["GB11", " gb11", ""] });
    expect(Array.from(r.ids)).toEqual([0, 0, 0, -1]);
    expect(r.codes).toEqual(["GB11"]);
    expect(r.empty).toBe(1);
    expect(distinctCells(r)).toEqual(["GB11", " gb11", ""]);
  });

  it("gives what internCodes gives for the column the cells make (property)", () => {
    const cell = fc.constantFrom("GB11", " gb11", "ｇｂ１１", "ES21", "es21 ", "", " ", "外科", "外科 ", "0");
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), fc.boolean(), (cells, key) => {
        const distinct = [...new Set(cells)];
        const rawIndex = Int32Array.from(cells, (c) => distinct.indexOf(c));
        const normalize = key ? normalizeKey : normalizeCode;
        expect(internIndexed({ rawIndex, distinct }, normalize)).toEqual(internCodes(cells, normalize));
      }),
    );
  });
});

describe("adrgOf and compareCodes", () => {
  it("takes the first three characters as the ADRG", () => {
    expect(adrgOf("GB11")).toBe("GB1");
    expect(adrgOf("FM19A")).toBe("FM1");
  });

  it("orders codes ordinally, so the severity digits ascend", () => {
    expect(["GB15", "GB11", "ES21", "GB13"].sort(compareCodes)).toEqual(["ES21", "GB11", "GB13", "GB15"]);
    expect(compareCodes("GB11", "GB11")).toBe(0);
  });
});
