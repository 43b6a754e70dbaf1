import * as fc from "fast-check";
import {
  clearInternCache,
  distinctCells,
  INTERN_CACHE_MIN_ROWS,
  internCodes,
  internColumn,
  Interned,
  normalizeCode,
  normalizeKey,
} from "../../src/engine/codes";

/** The interning as the module's documented rule defines it, computed without any cache. */
function reference(values: readonly unknown[], normalize: (v: unknown) => string = normalizeCode): Interned {
  const codes: string[] = [];
  const index = new Map<string, number>();
  const ids = new Int32Array(values.length);
  let empty = 0;
  values.forEach((v, i) => {
    const code = normalize(v);
    if (code === "") {
      ids[i] = -1;
      empty++;
      return;
    }
    let id = index.get(code);
    if (id === undefined) {
      id = codes.length;
      codes.push(code);
      index.set(code, id);
    }
    ids[i] = id;
  });
  return { ids, codes, empty };
}

function expectSame(actual: Interned, expected: Interned): void {
  expect(Array.from(actual.ids)).toEqual(Array.from(expected.ids));
  expect(actual.codes).toEqual(expected.codes);
  expect(actual.empty).toBe(expected.empty);
}

/** A column long enough to be remembered: `n` rows cycling through `cells`. */
function longColumn(cells: readonly unknown[], n = INTERN_CACHE_MIN_ROWS + 10): unknown[] {
  return Array.from({ length: n }, (_, i) => cells[(i * 7) % cells.length]);
}

/** A deep copy, as each custom-function call receives (JSON round trip). */
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

beforeEach(() => clearInternCache());

describe("internCodes reuses the interning of an identical column", () => {
  it("gives a second, separately deserialized copy of a column the same ids as a fresh interning", () => {
    const column = longColumn(["GB11", " gb11", "ES21", null, "FR23", "", "ＧＢ１１"]);
    const first = internCodes(copy(column));
    const second = internCodes(copy(column));
    expectSame(first, reference(column));
    expectSame(second, reference(column));
    // Separate results: changing one cannot change the other or the cache.
    expect(second.ids).not.toBe(first.ids);
    expect(second.codes).not.toBe(first.codes);
  });

  it("never returns a remembered interning for a column that differs in a single cell", () => {
    const column = longColumn(["GB11", "ES21", "FR23", "BR13"]);
    internCodes(copy(column));
    // One cell changed far from the sampled positions: only the full comparison sees it.
    for (const at of [1, 777, column.length - 2]) {
      const changed = copy(column);
      changed[at] = "ZZ99";
      expectSame(internCodes(changed), reference(changed));
      // A change to a spelling that normalizes to the same code still gives correct ids.
      const respelled = copy(column);
      respelled[at] = ` ${String(column[at]).toLowerCase()} `;
      expectSame(internCodes(respelled), reference(respelled));
    }
  });

  it("does not mistake a cached column for one normalized differently (codes versus keys)", () => {
    const column = longColumn(["a", "A", " a", "b"]);
    const asCodes = internCodes(copy(column));
    const asKeys = internCodes(copy(column), normalizeKey);
    expect(asCodes.codes).toEqual(["A", "B"]);
    // rows cycle "a", "b", " a", "A": keys keep their case, in order of first appearance
    expect(asKeys.codes).toEqual(["a", "b", "A"]);
    expectSame(asKeys, reference(column, normalizeKey));
  });

  it("is not fooled by a caller that changes a returned result", () => {
    const column = longColumn(["GB11", "ES21"]);
    const first = internCodes(copy(column));
    first.ids.fill(5);
    first.codes.length = 0;
    expectSame(internCodes(copy(column)), reference(column));
  });

  it("agrees with a fresh interning on random columns and random edits (property)", () => {
    const cell = fc.constantFrom<unknown>("GB11", "gb11", " GB13", "ＧＢ１１", "ES21", "", null, 0, 7, "7", true, "#N/A", -0);
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), cell), { maxLength: 3 }),
        (distinct, edits) => {
          const column = longColumn(distinct);
          expectSame(internCodes(column.slice()), reference(column));
          const edited = column.slice();
          for (const [at, value] of edits) edited[at % edited.length] = value;
          expectSame(internCodes(edited), reference(edited));
          expectSame(internCodes(edited.slice(), normalizeKey), reference(edited, normalizeKey));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("never remembers error objects, which compare by identity and could change", () => {
    const error = new Error("#N/A");
    const column = longColumn(["GB11", error]);
    expectSame(internCodes(column), reference(column));
    // The same object in a new column: interned afresh, and still correct.
    error.message = "changed";
    expectSame(internCodes(column.slice()), reference(column));
  });
});

describe("internColumn", () => {
  it("interns a one-column range as Excel passes it, from a given row (1 skips the header)", () => {
    // rows: header, GB11, gb11, ES21, empty -> GB11 0, GB11 0, ES21 1, empty -1
    const r = internColumn([["DRG编码"], ["GB11"], ["gb11"], ["ES21"], [null]], 1);
    expect(Array.from(r.ids)).toEqual([0, 0, 1, -1]);
    expect(r.codes).toEqual(["GB11", "ES21"]);
    expect(r.empty).toBe(1);
  });

  it("gives the same result as internCodes on the flat cells, and shares the cache with it", () => {
    const cells = longColumn(["GB11", "ES21", null, "FR23"]);
    const range = [["DRG"], ...cells.map((c) => [c])];
    const viaRange = internColumn(copy(range), 1);
    expectSame(viaRange, reference(cells));
    expectSame(internCodes(copy(cells)), reference(cells));
    const changed = copy(range);
    changed[100][0] = "XX11";
    expectSame(internColumn(changed, 1), reference(changed.slice(1).map((r) => r[0])));
  });

  it("reads a row that is not an array as the cell itself", () => {
    const r = internColumn([["GB11"], "ES21", ["gb11"]] as unknown[]);
    expect(Array.from(r.ids)).toEqual([0, 1, 0]);
  });
});

describe("distinctCells", () => {
  it("lists the distinct raw cells in order of first appearance, whether interned afresh or from the cache", () => {
    const column = longColumn(["GB11", " gb11", "#N/A", null]);
    const firstAppearance = [...new Set(column)]; // rows cycle GB11, null, #N/A, " gb11"
    expect(firstAppearance).toEqual(["GB11", null, "#N/A", " gb11"]);
    expect(distinctCells(internCodes(copy(column)))).toEqual(firstAppearance);
    const again = internCodes(copy(column));
    expect(distinctCells(again)).toEqual(distinctCells(internCodes(copy(column))));
    expect(distinctCells({ ids: new Int32Array(0), codes: [], empty: 0 })).toBeUndefined();
  });
});
