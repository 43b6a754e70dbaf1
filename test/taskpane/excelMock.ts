/**
 * A mock Excel request context for counting round trips, built on office-addin-mock.
 *
 * The context is an `OfficeMockObject`; `context.sync()` is wrapped to count the calls and to
 * measure each request: every value or format set and every method call between two syncs is
 * serialized (JSON, UTF-8) and added to that request's size, the way Office.js sends a batch.
 * Objects the code loads (ranges, named items) are `OfficeMockObject`s too, so reading a
 * property that was not loaded and synced gives office-addin-mock's "not loaded" / "not
 * synced" error strings instead of a value, which the tests would notice.
 *
 * The workbook behind it is in memory: sheets of cells (read side) and a log of writes.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetters } from "../../src/report/layout/addresses";

export interface MockStats {
  syncs: number;
  /** Bytes of each request sent (one entry per sync). */
  requests: number[];
  /** Bytes queued since the last sync. */
  current: number;
  /** Bytes of the values each response carried back (one entry per sync). */
  responses: number[];
  responseCurrent: number;
}

function bytesOf(value: unknown): number {
  if (value === undefined) return 0;
  return Buffer.byteLength(JSON.stringify(value, (_k, v) => (v instanceof MockRange ? v.ref() : v)) ?? "", "utf8");
}

/** A value as it appears in a log: ranges by reference. */
function plain(value: unknown): unknown {
  if (value instanceof MockRange) return value.ref();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

interface Loadable {
  sync(): Promise<void>;
}

export class MockWorkbook {
  sheets: MockSheet[] = [];
  stats: MockStats = { syncs: 0, requests: [], current: 0, responses: [], responseCurrent: 0 };
  pending = new Set<Loadable>();
  selection?: { sheet: string; row: number; column: number; rows: number; columns: number };
  tables: { name: string; sheet: string; row: number; column: number; rows: number; columns: number }[] = [];
  names: { name: string; sheet: string; row: number; column: number; rows: number; columns: number }[] = [];
  activeSheet?: MockSheet;
  /** When set, the sync of this number (1 = the first) fails after its calls were applied, as a
   * real batch can fail part way with the calls before the failing one already done. */
  failSync?: number;
  /** The error code of that failure (default GeneralException). */
  failCode?: string;
  /** When true, deleting a sheet is refused as some hosts refuse it inside an undo group: the
   * sheet stays and the next sync fails with UndoNotSupported. */
  refuseDeletes = false;
  refused = false;

  charge(value: unknown): void {
    this.stats.current += bytesOf(value) + 16;
  }

  sheet(name: string): MockSheet | undefined {
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string, cells: unknown[][] = [], marker = false): MockSheet {
    const sheet = new MockSheet(this, name, cells);
    sheet.marker = marker;
    this.sheets.push(sheet);
    return sheet;
  }

  live(): MockSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }
}

/** A collection whose `items` can be read only after load + sync. */
class MockSheetCollection implements Loadable {
  private snapshot?: MockSheet[];
  private loading = false;
  constructor(private readonly book: MockWorkbook) {}
  load(props?: unknown): this {
    this.book.charge(props);
    this.loading = true;
    this.book.pending.add(this);
    return this;
  }
  async sync(): Promise<void> {
    if (this.loading) this.snapshot = this.book.live().slice();
    this.loading = false;
  }
  get items(): MockSheet[] {
    if (!this.snapshot) throw new Error("worksheets.items read before load and sync");
    return this.snapshot;
  }
  add(name: string): MockSheet {
    this.book.charge(["add", name]);
    if (this.book.sheet(name)) throw Object.assign(new Error(`sheet ${name} exists`), { code: "ItemAlreadyExists" });
    return this.book.addSheet(name);
  }
  getItem(name: string): MockSheet {
    this.book.charge(["getItem", name]);
    const sheet = this.book.sheet(name);
    if (!sheet) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
    return sheet;
  }
}

/** A property set or method call on a nested API object, by its path from the root ("axes.valueAxis.minimum", "setPosition()"). */
export type PathEntry = [path: string, value: unknown];

/**
 * Records every property set and call on a nested API object (formats, charts): in `log` by
 * the last key, and in `paths` (when given) by the whole path from the root.
 */
export function recorder(book: MockWorkbook, log: unknown[] = [], paths?: PathEntry[], path = ""): any {
  const store = new Map<PropertyKey, unknown>();
  const target = function () {
    /* callable */
  };
  const at = (key: string) => (path === "" ? key : `${path}.${key}`);
  const proxy: any = new Proxy(target, {
    get(_t, key) {
      if (key === "then") return undefined;
      if (key === "__log") return log;
      if (!store.has(key)) store.set(key, recorder(book, log, paths, at(String(key))));
      return store.get(key);
    },
    set(_t, key, value) {
      book.charge(value);
      log.push([String(key), plain(value)]);
      paths?.push([at(String(key)), plain(value)]);
      store.set(key, value);
      return true;
    },
    apply(_t, _this, args) {
      book.charge(args);
      log.push(["call", plain(args)]);
      paths?.push([`${path}()`, plain(args)]);
      // A call's result (getItem("EdgeTop"), getItemAt(3)) records under the call and its first argument.
      return recorder(book, log, paths, `${path}(${args.length > 0 ? String(plain(args[0])) : ""})`);
    },
  });
  return proxy;
}

/** A format set on a range: the cells it covers, the path under `range.format` and the value. */
export interface FormatEntry {
  row: number;
  column: number;
  rows: number;
  columns: number;
  path: string;
  value: unknown;
}

export class MockSheet {
  deleted = false;
  marker = false;
  markerComment?: string;
  /** Cells written, by row (sparse), for checking what a render wrote. */
  written: unknown[][] = [];
  numberFormats: { row: number; column: number; rows: number; columns: number; format: unknown }[] = [];
  hidden: { column: number; columns: number }[] = [];
  chartLogs: unknown[][] = [];
  /** Per chart, every property set and call by its path from the chart. */
  chartPaths: PathEntry[][] = [];
  /** Every format set on a range of this sheet, in order. */
  formatLog: FormatEntry[] = [];
  /** Ranges merged, in order. */
  merges: { row: number; column: number; rows: number; columns: number }[] = [];
  /** Page layout settings by path ("orientation", "zoom", "setPrintTitleRows()"). */
  pageSetup: PathEntry[] = [];
  pageLayout: any;
  /** Calls on the freeze panes and the autoFilter, by path ("freezeAt()", "apply()"). */
  panes: PathEntry[] = [];
  filter: PathEntry[] = [];
  freezePanes: any;
  autoFilter: any;
  activated = false;
  private _name: string;
  private _tabColor = "";

  constructor(
    readonly book: MockWorkbook,
    name: string,
    /** Cells for reading (the user's data). */
    readonly cells: unknown[][],
  ) {
    this._name = name;
    this.freezePanes = recorder(book, [], this.panes);
    this.pageLayout = recorder(book, [], this.pageSetup);
    this.autoFilter = recorder(book, [], this.filter);
  }

  get name(): string {
    return this._name;
  }
  set name(value: string) {
    this.book.charge(value);
    this._name = value;
  }
  get tabColor(): string {
    return this._tabColor;
  }
  set tabColor(value: string) {
    this.book.charge(value);
    this._tabColor = value;
  }

  get names() {
    return {
      add: (name: string, reference: unknown, comment?: string) => {
        this.book.charge([name, reference, comment]);
        if (name === "CaseMix_Report") {
          this.marker = true;
          this.markerComment = comment;
        }
      },
      getItemOrNullObject: (name: string) => {
        this.book.charge(["getItemOrNullObject", name]);
        const item: any = new OfficeMockObject({ name, isNullObject: !(name === "CaseMix_Report" && this.marker) });
        // Office.js sets isNullObject at the next sync without a load.
        item.load("isNullObject");
        this.book.pending.add(item);
        registerLoads(this.book, item);
        return item;
      },
    };
  }

  get charts() {
    return this.chartCollection;
  }
  private chartCollection = {
    add: (...args: unknown[]) => {
      this.book.charge(args);
      const log: unknown[] = [["add", plain(args)]];
      const paths: PathEntry[] = [["add()", plain(args)]];
      this.chartLogs.push(log);
      this.chartPaths.push(paths);
      return recorder(this.book, log, paths);
    },
  };

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): MockRange {
    this.book.charge([row, column, rows, columns]);
    return new MockRange(this, row, column, rows, columns);
  }

  getRange(address: string): MockRange {
    this.book.charge(address);
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) throw new Error(`mock getRange supports single cells only: ${address}`);
    let column = 0;
    for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
    return new MockRange(this, Number(m[2]) - 1, column - 1, 1, 1);
  }

  getUsedRange(): MockRange {
    let columns = 0;
    for (const row of this.cells) columns = Math.max(columns, row.length);
    return new MockRange(this, 0, 0, Math.max(1, this.cells.length), Math.max(1, columns));
  }

  load(props?: unknown): this {
    this.book.charge(props);
    return this;
  }

  delete(): void {
    this.book.charge("delete");
    if (this.book.refuseDeletes) {
      this.book.refused = true;
      return;
    }
    this.deleted = true;
  }

  activate(): void {
    this.book.charge("activate");
    this.book.activeSheet = this;
  }
}

export class MockRange {
  /** office-addin-mock object holding the loadable properties once `load` is called. */
  private loaded?: any;
  readonly format: any;
  readonly conditionalFormats: any;
  readonly conditionalLog: unknown[] = [];
  nullObject = false;

  constructor(
    readonly sheet: MockSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    const formats: PathEntry[] = [];
    this.format = recorder(sheet.book, [], formats);
    // Every format path set on this range lands in the sheet's log with the range's cells.
    formats.push = (...entries: PathEntry[]) => {
      for (const [path, value] of entries) sheet.formatLog.push({ row, column, rows, columns, path, value });
      return 0;
    };
    const log = this.conditionalLog;
    this.conditionalFormats = {
      add: (type: string) => {
        sheet.book.charge(type);
        log.push(["add", type]);
        return recorder(sheet.book, log);
      },
    };
  }

  ref(): string {
    return `${this.sheet.name}!R${this.row}C${this.column}:${this.rows}x${this.columns}`;
  }

  /** Merges the range's cells (recorded on the sheet). */
  merge(across = false): void {
    this.sheet.book.charge(["merge", across]);
    this.sheet.merges.push({ row: this.row, column: this.column, rows: this.rows, columns: this.columns });
  }

  get worksheet(): MockSheet {
    return this.sheet;
  }

  private properties(): Record<string, unknown> {
    const last = `${columnLetters(this.column + this.columns - 1)}${this.row + this.rows}`;
    return {
      address: `${this.sheet.name}!${columnLetters(this.column)}${this.row + 1}:${last}`,
      rowIndex: this.row,
      columnIndex: this.column,
      rowCount: this.rows,
      columnCount: this.columns,
      cellCount: this.rows * this.columns,
      isNullObject: this.nullObject,
      values: this.readValues(),
    };
  }

  private readValues(): unknown[][] {
    if (this.nullObject) return [];
    const out: unknown[][] = new Array(this.rows);
    for (let r = 0; r < this.rows; r++) {
      const src = this.sheet.cells[this.row + r] ?? [];
      const row = new Array(this.columns);
      for (let c = 0; c < this.columns; c++) {
        const v = src[this.column + c];
        row[c] = v === undefined || v === null ? "" : v;
      }
      out[r] = row;
    }
    return out;
  }

  load(props?: string): this {
    this.sheet.book.charge(props);
    const all = this.properties();
    // Office.js sets isNullObject at every sync of a loaded object.
    const wanted = [
      ...(props ?? "")
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
      "isNullObject",
    ];
    const data: Record<string, unknown> = {};
    for (const key of wanted) data[key] = all[key];
    if (wanted.includes("values")) this.sheet.book.stats.responseCurrent += bytesOf(all.values);
    if (this.loaded) {
      for (const key of wanted) this.loaded.setValue(key, all[key]);
    } else {
      this.loaded = new OfficeMockObject(data);
    }
    this.loaded.load(wanted.join(","));
    this.sheet.book.pending.add(this.loaded);
    return this;
  }

  private read(key: string): any {
    if (!this.loaded) return "Error, property was not loaded";
    return this.loaded[key];
  }

  get values(): any {
    return this.read("values");
  }
  set values(v: any) {
    this.sheet.book.charge(v);
    const rows = v as unknown[][];
    if (!Array.isArray(rows) || rows.length !== this.rows || rows.some((r) => r.length !== this.columns)) {
      throw new Error(`values of ${rows?.length} rows do not fit ${this.rows}x${this.columns}`);
    }
    for (let r = 0; r < this.rows; r++) {
      const target = (this.sheet.written[this.row + r] ??= []);
      for (let c = 0; c < this.columns; c++) target[this.column + c] = rows[r][c];
    }
  }
  get address(): any {
    return this.read("address");
  }
  get rowIndex(): any {
    return this.read("rowIndex");
  }
  get columnIndex(): any {
    return this.read("columnIndex");
  }
  get rowCount(): any {
    return this.read("rowCount");
  }
  get columnCount(): any {
    return this.read("columnCount");
  }
  get cellCount(): any {
    return this.read("cellCount");
  }
  get isNullObject(): any {
    return this.read("isNullObject");
  }
  set numberFormat(format: unknown) {
    this.sheet.book.charge(format);
    this.sheet.numberFormats.push({
      row: this.row,
      column: this.column,
      rows: this.rows,
      columns: this.columns,
      format,
    });
  }
  set columnHidden(hidden: boolean) {
    this.sheet.book.charge(hidden);
    if (hidden) this.sheet.hidden.push({ column: this.column, columns: this.columns });
  }

  getIntersectionOrNullObject(other: MockRange): MockRange {
    this.sheet.book.charge("intersect");
    const r0 = Math.max(this.row, other.row);
    const c0 = Math.max(this.column, other.column);
    const r1 = Math.min(this.row + this.rows, other.row + other.rows);
    const c1 = Math.min(this.column + this.columns, other.column + other.columns);
    const out = new MockRange(this.sheet, r0, c0, Math.max(0, r1 - r0), Math.max(0, c1 - c0));
    out.nullObject = r1 <= r0 || c1 <= c0;
    return out;
  }

  getSurroundingRegion(): MockRange {
    this.sheet.book.charge("region");
    return this.sheet.getUsedRange();
  }
}

function registerLoads(book: MockWorkbook, item: any): void {
  const load = item.load.bind(item);
  item.load = (props?: unknown) => {
    book.charge(props);
    book.pending.add(item);
    return load(props);
  };
}

/** A mock request context over an in-memory workbook. */
export function mockContext(book: MockWorkbook): Excel.RequestContext {
  const context: any = new OfficeMockObject({ host: "excel", workbook: {} });
  const sheets = new MockSheetCollection(book);
  const workbook = context.workbook;
  workbook.worksheets = sheets;
  workbook.getSelectedRange = () => {
    const s = book.selection;
    if (!s) throw new Error("no selection");
    const sheet = book.sheet(s.sheet) as MockSheet;
    return new MockRange(sheet, s.row, s.column, s.rows, s.columns);
  };
  const areaRange = (list: typeof book.tables, name: string) => {
    const t = list.find((x) => x.name === name);
    if (!t) throw Object.assign(new Error(`no item ${name}`), { code: "ItemNotFound" });
    return { getRange: () => new MockRange(book.sheet(t.sheet) as MockSheet, t.row, t.column, t.rows, t.columns) };
  };
  workbook.tables = { getItem: (name: string) => areaRange(book.tables, name) };
  workbook.names = { getItem: (name: string) => areaRange(book.names, name) };
  const librarySync = context.sync.bind(context);
  context.sync = async () => {
    book.stats.syncs++;
    book.stats.requests.push(book.stats.current);
    book.stats.current = 0;
    book.stats.responses.push(book.stats.responseCurrent);
    book.stats.responseCurrent = 0;
    if (book.refused) {
      book.refused = false;
      throw Object.assign(new Error("not in an undo group"), { code: "UndoNotSupported" });
    }
    if (book.stats.syncs === book.failSync) {
      throw Object.assign(new Error("request failed"), { code: book.failCode ?? "GeneralException" });
    }
    await librarySync();
    const pending = [...book.pending];
    book.pending.clear();
    for (const item of pending) await item.sync();
    // office-addin-mock updates loaded properties in a later microtask.
    for (let i = 0; i < 3; i++) await Promise.resolve();
  };
  return context as Excel.RequestContext;
}
