/**
 * Reading the user's data through office-addin-mock: selection (clipped to the used range, or
 * the region around one cell), table, named range; blocks of rows with a bounded number of
 * round trips and responses under 5 MB; retry in halves; cancel.
 */
import { ReadCancelled, readSource } from "../../src/taskpane/excelData";
import { MockWorkbook, mockContext } from "./excelMock";
import { sampleRows } from "./excelLike";

const FIVE_MB = 5 * 1000 * 1000;
const noPause = () => Promise.resolve();

function bookWith(rows: unknown[][], at = { row: 0, column: 0 }) {
  const book = new MockWorkbook();
  const cells: unknown[][] = [];
  rows.forEach((r, i) => {
    const row: unknown[] = [];
    r.forEach((v, j) => (row[at.column + j] = v));
    cells[at.row + i] = row;
  });
  book.addSheet("病案首页", cells);
  return book;
}

const small = [
  ["DRG编码", "出院科室", "住院总费用"],
  ["GB11", "普外科", 12000],
  ["ES21", "呼吸科", 8000.5],
];

describe("sources", () => {
  test("a whole-column selection is cut to the used range", async () => {
    const book = bookWith(small);
    book.selection = { sheet: "病案首页", row: 0, column: 0, rows: 1_048_576, columns: 5 };
    const data = await readSource(mockContext(book), { kind: "selection" }, { yieldToUi: noPause });
    expect(data.values).toEqual(small);
    expect(data.address).toBe("病案首页!A1:C3");
    expect([data.rowIndex, data.columnIndex, data.rowCount, data.columnCount]).toEqual([0, 0, 3, 3]);
  });

  test("one selected cell reads the region around it", async () => {
    const book = bookWith(small);
    book.selection = { sheet: "病案首页", row: 1, column: 1, rows: 1, columns: 1 };
    const data = await readSource(mockContext(book), { kind: "selection" }, { yieldToUi: noPause });
    expect(data.values).toEqual(small);
  });

  test("a table and a named range read their own area, with its position", async () => {
    const book = bookWith(small, { row: 4, column: 2 });
    book.tables.push({ name: "病例表", sheet: "病案首页", row: 4, column: 2, rows: 3, columns: 3 });
    book.names.push({ name: "Cases", sheet: "病案首页", row: 5, column: 2, rows: 2, columns: 3 });
    const table = await readSource(mockContext(book), { kind: "table", name: "病例表" }, { yieldToUi: noPause });
    expect(table.values).toEqual(small);
    expect(table.address).toBe("病案首页!C5:E7");
    expect(table.rowIndex).toBe(4);
    const named = await readSource(mockContext(book), { kind: "name", name: "Cases" }, { yieldToUi: noPause });
    expect(named.values).toEqual(small.slice(1));
  });
});

describe("round trips", () => {
  test("300,000 case rows: one request to describe, then blocks of at most 3 MB, whatever the rows", async () => {
    const rows = sampleRows(300_000);
    const results = [];
    for (const n of [1_000, 300_000]) {
      const book = bookWith(rows.slice(0, n + 1));
      book.selection = { sheet: "病案首页", row: 0, column: 0, rows: 1_048_576, columns: 26 };
      const data = await readSource(mockContext(book), { kind: "selection" }, { yieldToUi: noPause });
      expect(data.values.length).toBe(n + 1);
      expect(data.values[n]).toEqual(rows[n]);
      const responses = book.stats.responses;
      const total = responses.reduce((a, b) => a + b, 0);
      // Every response under 5 MB, and under the 3 MB budget with the estimate's margin.
      expect(Math.max(...responses)).toBeLessThan(FIVE_MB);
      expect(Math.max(...responses)).toBeLessThan(3_000_000);
      // Syncs = 1 (describe) + blocks; the blocks are explained by the bytes: the first small
      // probe block, then blocks filled to at least 1/2 of the budget (the last may be short).
      expect(data.syncs).toBe(book.stats.syncs);
      expect(data.syncs - data.blocks).toBe(1);
      expect(data.blocks).toBeLessThanOrEqual(2 + Math.ceil(total / 1_500_000));
      results.push({ n, syncs: data.syncs, blocks: data.blocks, mb: total / 1e6 });
    }
    console.log(
      "read " +
        results.map((r) => `${r.n.toLocaleString("en-US")} rows: ${r.syncs} syncs (${r.blocks} blocks, ${r.mb.toFixed(1)} MB)`).join("; "),
    );
  });

  test("a block refused as too large is read again in halves", async () => {
    const rows = sampleRows(2000);
    const book = bookWith(rows);
    book.selection = { sheet: "病案首页", row: 0, column: 0, rows: rows.length, columns: 16 };
    const context = mockContext(book);
    const sync = context.sync.bind(context);
    let refused = 0;
    (context as any).sync = async () => {
      await sync();
      if (book.stats.syncs === 2 && refused === 0) {
        refused++;
        throw Object.assign(new Error("too large"), { code: "ResponsePayloadSizeLimitExceeded" });
      }
    };
    const data = await readSource(context, { kind: "selection" }, { yieldToUi: noPause, probeRows: 1000 });
    expect(refused).toBe(1);
    expect(data.values).toEqual(rows);
  });

  test("cancelling between blocks stops the read", async () => {
    const rows = sampleRows(5000);
    const book = bookWith(rows);
    book.selection = { sheet: "病案首页", row: 0, column: 0, rows: rows.length, columns: 16 };
    let blocks = 0;
    await expect(
      readSource(mockContext(book), { kind: "selection" }, {
        yieldToUi: noPause,
        probeRows: 100,
        responseBudget: 50_000,
        onProgress: () => blocks++,
        isCancelled: () => blocks >= 2,
      }),
    ).rejects.toBeInstanceOf(ReadCancelled);
    expect(blocks).toBe(2);
  });
});
