/*
 * A stand-in for Office.js in the browser test: `Office` (onReady, display language,
 * requirement sets), `CustomFunctions` (associate, Error: the shared runtime page also runs the
 * custom functions) and the part of the Excel JavaScript API the taskpane uses, over an
 * in-memory workbook.
 *
 * Served instead of https://appsforoffice.microsoft.com/lib/1/hosted/office.js. Configured by
 * `window.__CASEMIX_STANDIN__` (set by an init script before the page loads):
 *   { displayLanguage: "zh-CN", apiVersion: "1.20",
 *     sheets: [{ name, values: [[...]] }],      // cells as typed into Excel (coerced like Excel)
 *     selection: { sheet, address: "A1:Z100" },
 *     tables: [{ name, sheet, address }], names: [{ name, sheet, address }] }
 * The test reads the workbook back with `window.__standIn.snapshot()`.
 *
 * Writes behave like Excel's: a string is coerced as if typed ("'x" is the text x, "=..." a
 * formula, "12" a number, "2024-03-05" a date serial, "TRUE" a boolean). Requests are counted
 * per Excel.run; loads are answered at once (the stand-in is lenient about load/sync order;
 * the jest tests with office-addin-mock check that).
 */
(function () {
  "use strict";
  var config = window.__CASEMIX_STANDIN__ || {};
  var apiVersion = config.apiVersion || "1.20";

  // ---------------------------------------------------------------- cells and addresses
  function columnIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n - 1;
  }
  function letters(column) {
    var s = "";
    var n = column + 1;
    while (n > 0) {
      var r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function parseAddress(address) {
    var a = String(address).replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();
    var m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a);
    if (!m) throw apiError("InvalidArgument", "bad address " + address);
    var r0 = Number(m[2]) - 1;
    var c0 = columnIndex(m[1]);
    var r1 = m[3] ? Number(m[4]) - 1 : r0;
    var c1 = m[3] ? columnIndex(m[3]) : c0;
    return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }
  function apiError(code, message) {
    var e = new Error(message);
    e.code = code;
    e.name = "RichApi.Error";
    return e;
  }
  function dateSerial(y, m, d) {
    return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  }
  /** A value as Excel stores it when it is typed (or set through Range.values). */
  function coerce(value, formulas, where) {
    if (typeof value !== "string") return value === null || value === undefined ? "" : value;
    if (value === "") return "";
    if (value.charAt(0) === "'") return value.slice(1);
    if (value.charAt(0) === "=") {
      formulas.push({ where: where, formula: value });
      return "#FORMULA " + value;
    }
    var t = value.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
    if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
    var d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
    if (d) return dateSerial(Number(d[1]), Number(d[2]), Number(d[3]));
    if (/^[-+=@]/.test(t)) {
      formulas.push({ where: where, formula: value });
      return "#FORMULA " + value;
    }
    return value;
  }

  // ---------------------------------------------------------------- the workbook
  var book = { sheets: [], active: null, formulas: [], runs: [], syncs: 0, tables: [], names: [], selection: null };

  function Sheet(name) {
    this._name = name;
    this.cells = [];
    this.numberFormats = [];
    this.charts = [];
    this.scopedNames = {};
    this.frozen = null;
    this.autoFilterRange = null;
    this.hiddenColumns = [];
    this.formats = [];
    this.deleted = false;
    this.tabColor = "";
    this.stats = { valueWrites: 0 };
  }
  Sheet.prototype.cell = function (r, c) {
    var row = this.cells[r];
    var v = row ? row[c] : undefined;
    return v === undefined ? "" : v;
  };
  Sheet.prototype.set = function (r, c, v) {
    var row = this.cells[r] || (this.cells[r] = []);
    row[c] = v;
  };
  Sheet.prototype.used = function () {
    var rows = 0;
    var columns = 0;
    for (var r = 0; r < this.cells.length; r++) {
      var row = this.cells[r];
      if (!row) continue;
      for (var c = 0; c < row.length; c++) {
        if (row[c] !== undefined && row[c] !== "") {
          if (r + 1 > rows) rows = r + 1;
          if (c + 1 > columns) columns = c + 1;
        }
      }
    }
    return { rows: rows, columns: columns };
  };

  function findSheet(name) {
    var lower = String(name).toLowerCase();
    for (var i = 0; i < book.sheets.length; i++) {
      if (!book.sheets[i].deleted && book.sheets[i]._name.toLowerCase() === lower) return book.sheets[i];
    }
    return null;
  }
  function liveSheets() {
    return book.sheets.filter(function (s) {
      return !s.deleted;
    });
  }
  function addSheet(name) {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw apiError("InvalidArgument", "invalid sheet name " + name);
    if (findSheet(name)) throw apiError("ItemAlreadyExists", "a sheet named " + name + " exists");
    var sheet = new Sheet(name);
    book.sheets.push(sheet);
    return sheet;
  }

  /** Accepts any property or call (formats, chart parts) and remembers what was set. */
  function bag(log) {
    var store = {};
    return new Proxy(function () {}, {
      get: function (_t, key) {
        if (key === "then" || key === "toJSON") return undefined;
        if (key === "__store") return store;
        if (!(key in store)) store[key] = bag(log);
        return store[key];
      },
      set: function (_t, key, value) {
        store[key] = value;
        if (log) log.push([String(key), value]);
        return true;
      },
      apply: function () {
        return bag(log);
      },
    });
  }

  // ---------------------------------------------------------------- API objects
  function Range(sheet, row, column, rows, columns, isNull) {
    this._sheet = sheet;
    this._row = row;
    this._column = column;
    this._rows = rows;
    this._columns = columns;
    this.isNullObject = !!isNull;
    this.format = bag(sheet.formats);
    var self = this;
    this.conditionalFormats = {
      add: function (type) {
        var log = [["type", type]];
        sheet.formats.push(["conditionalFormat", self.address, log]);
        return bag(log);
      },
    };
  }
  Object.defineProperties(Range.prototype, {
    address: {
      get: function () {
        return (
          this._sheet._name + "!" + letters(this._column) + (this._row + 1) +
          ":" + letters(this._column + this._columns - 1) + (this._row + this._rows)
        );
      },
    },
    rowIndex: { get: function () { return this._row; } },
    columnIndex: { get: function () { return this._column; } },
    rowCount: { get: function () { return this._rows; } },
    columnCount: { get: function () { return this._columns; } },
    cellCount: { get: function () { return this._rows * this._columns; } },
    worksheet: { get: function () { return new Worksheet(this._sheet); } },
    values: {
      get: function () {
        var out = [];
        for (var r = 0; r < this._rows; r++) {
          var row = [];
          for (var c = 0; c < this._columns; c++) row.push(this._sheet.cell(this._row + r, this._column + c));
          out.push(row);
        }
        return out;
      },
      set: function (values) {
        var single = !Array.isArray(values);
        if (!single && (values.length !== this._rows || values.some(function (r, _i) { return r.length !== this._columns; }, this))) {
          throw apiError("InvalidArgument", "values do not fit " + this.address);
        }
        this._sheet.stats.valueWrites++;
        for (var r = 0; r < this._rows; r++) {
          for (var c = 0; c < this._columns; c++) {
            var v = single ? values : values[r][c];
            this._sheet.set(this._row + r, this._column + c, coerce(v, book.formulas, this._sheet._name + "!" + letters(this._column + c) + (this._row + r + 1)));
          }
        }
      },
    },
    numberFormat: {
      set: function (format) {
        this._sheet.numberFormats.push({ row: this._row, column: this._column, rows: this._rows, columns: this._columns, format: format });
      },
    },
    columnHidden: {
      set: function (hidden) {
        if (hidden) this._sheet.hiddenColumns.push({ column: this._column, columns: this._columns });
      },
    },
  });
  Range.prototype.load = function () {
    return this;
  };
  Range.prototype.getIntersectionOrNullObject = function (other) {
    var r0 = Math.max(this._row, other._row);
    var c0 = Math.max(this._column, other._column);
    var r1 = Math.min(this._row + this._rows, other._row + other._rows);
    var c1 = Math.min(this._column + this._columns, other._column + other._columns);
    if (r1 <= r0 || c1 <= c0) return new Range(this._sheet, 0, 0, 0, 0, true);
    return new Range(this._sheet, r0, c0, r1 - r0, c1 - c0);
  };
  Range.prototype.getSurroundingRegion = function () {
    var u = this._sheet.used();
    return new Range(this._sheet, 0, 0, Math.max(1, u.rows), Math.max(1, u.columns));
  };
  Range.prototype.ref = function () {
    return this.address;
  };
  Range.prototype.merge = function () {
    this._sheet.formats.push(["merge", this.address]);
  };

  function Chart(sheet, type, source) {
    this.type = type;
    this.log = [];
    this.title = { text: "" };
    this.axes = { categoryAxis: bag(this.log), valueAxis: bag(this.log) };
    this.legend = bag(this.log);
    this.plotVisibleOnly = true;
    this.position = null;
    var chart = this;
    var list = [];
    this._series = list;
    function Series(name) {
      this.name = name;
      this.x = null;
      this.y = source ? source.address : null;
      this.chartType = type;
      this.format = bag(chart.log);
      this.markerStyle = "Automatic";
      this.hasDataLabels = false;
      var labels = [];
      this.labels = labels;
      this.points = {
        getItemAt: function (i) {
          var label = labels[i] || (labels[i] = {});
          return { dataLabel: label, format: bag(chart.log) };
        },
      };
    }
    Series.prototype.setXAxisValues = function (range) {
      this.x = range.address;
    };
    Series.prototype.setValues = function (range) {
      this.y = range.address;
    };
    list.push(new Series("Series1"));
    this.series = {
      getItemAt: function (i) {
        return list[i];
      },
      add: function (name) {
        var s = new Series(name);
        s.y = null;
        list.push(s);
        return s;
      },
      get count() {
        return list.length;
      },
    };
    sheet.charts.push(this);
  }
  Chart.prototype.setPosition = function (start, end) {
    this.position = [start.address || start, end && (end.address || end)];
  };

  function Worksheet(sheet) {
    this._sheet = sheet;
    var self = this;
    this.names = {
      add: function (name, reference, comment) {
        sheet.scopedNames[name] = { reference: reference && reference.address ? reference.address : reference, comment: comment };
        return {};
      },
      getItemOrNullObject: function (name) {
        var item = sheet.scopedNames[name];
        return { name: name, comment: item ? item.comment : undefined, isNullObject: !item, load: function () { return this; } };
      },
    };
    this.freezePanes = {
      freezeAt: function (range) {
        sheet.frozen = { rows: range._row + range._rows, columns: range._column + range._columns };
      },
      freezeRows: function (n) {
        sheet.frozen = { rows: n, columns: 0 };
      },
      freezeColumns: function (n) {
        sheet.frozen = { rows: 0, columns: n };
      },
    };
    // The page setup the renderer writes (orientation, paper, zoom, print titles): kept, not checked.
    this.pageLayout = {
      setPrintTitleRows: function (rows) {
        sheet.printTitleRows = rows;
      },
    };
    this.autoFilter = {
      apply: function (range) {
        sheet.autoFilterRange = range.address;
      },
    };
    this.charts = {
      add: function (type, source) {
        return new Chart(sheet, type, source);
      },
    };
    // Page setup (ExcelApi 1.9): the properties set are kept on the sheet for the snapshot.
    sheet.pageLayout = sheet.pageLayout || { headersFooters: { defaultForAllPages: {} } };
    this.pageLayout = Object.assign(sheet.pageLayout, {
      setPrintTitleRows: function (rows) {
        sheet.pageLayout.printTitleRows = rows;
      },
      setPrintArea: function (area) {
        sheet.pageLayout.printArea = area && area.address ? area.address : area;
      },
      setPrintMargins: function (unit, margins) {
        sheet.pageLayout.margins = { unit: unit, margins: margins };
      },
    });
    this.horizontalPageBreaks = {
      add: function (range) {
        (sheet.pageBreaks = sheet.pageBreaks || []).push(range && range.address ? range.address : range);
      },
    };
    void self;
  }
  Object.defineProperties(Worksheet.prototype, {
    name: {
      get: function () {
        return this._sheet._name;
      },
      set: function (name) {
        var other = findSheet(name);
        if (other && other !== this._sheet) throw apiError("ItemAlreadyExists", "a sheet named " + name + " exists");
        this._sheet._name = name;
      },
    },
    tabColor: {
      get: function () {
        return this._sheet.tabColor;
      },
      set: function (c) {
        this._sheet.tabColor = c;
      },
    },
  });
  Worksheet.prototype.load = function () {
    return this;
  };
  Worksheet.prototype.getRange = function (address) {
    var a = parseAddress(address);
    return new Range(this._sheet, a.row, a.column, a.rows, a.columns);
  };
  Worksheet.prototype.getRangeByIndexes = function (row, column, rows, columns) {
    return new Range(this._sheet, row, column, rows, columns);
  };
  Worksheet.prototype.getUsedRange = function () {
    var u = this._sheet.used();
    return new Range(this._sheet, 0, 0, Math.max(1, u.rows), Math.max(1, u.columns));
  };
  Worksheet.prototype.delete = function () {
    this._sheet.deleted = true;
  };
  Worksheet.prototype.activate = function () {
    book.active = this._sheet;
  };

  function areaRange(list, name) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].name === name) {
        var sheet = findSheet(list[i].sheet);
        var a = parseAddress(list[i].address);
        return new Range(sheet, a.row, a.column, a.rows, a.columns);
      }
    }
    throw apiError("ItemNotFound", "no item " + name);
  }

  function Workbook() {
    this.worksheets = {
      load: function () {
        return this;
      },
      get items() {
        return liveSheets().map(function (s) {
          return new Worksheet(s);
        });
      },
      add: function (name) {
        return new Worksheet(addSheet(name));
      },
      getItem: function (name) {
        var s = findSheet(name);
        if (!s) throw apiError("ItemNotFound", "no sheet " + name);
        return new Worksheet(s);
      },
      getActiveWorksheet: function () {
        return new Worksheet(book.active || liveSheets()[0]);
      },
    };
    this.tables = {
      load: function () {
        return this;
      },
      get items() {
        return book.tables.map(function (t) {
          return { name: t.name };
        });
      },
      getItem: function (name) {
        return {
          getRange: function () {
            return areaRange(book.tables, name);
          },
        };
      },
    };
    this.names = {
      load: function () {
        return this;
      },
      get items() {
        return book.names.map(function (n) {
          return { name: n.name, type: "Range", visible: true };
        });
      },
      getItem: function (name) {
        return {
          getRange: function () {
            return areaRange(book.names, name);
          },
        };
      },
    };
  }
  Workbook.prototype.getSelectedRange = function () {
    var s = book.selection;
    if (!s) return new Worksheet(book.active || liveSheets()[0]).getRange("A1");
    return new Worksheet(findSheet(s.sheet)).getRange(s.address);
  };

  function RequestContext(run) {
    this.workbook = new Workbook();
    this._run = run;
  }
  RequestContext.prototype.sync = function () {
    book.syncs++;
    this._run.syncs++;
    // A real sync is a round trip: resolve on a later task, not a microtask.
    return new Promise(function (resolve) {
      setTimeout(resolve, 0);
    });
  };

  // ---------------------------------------------------------------- globals
  function versionAtMost(v, max) {
    var a = String(v).split(".").map(Number);
    var b = String(max).split(".").map(Number);
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var x = a[i] || 0;
      var y = b[i] || 0;
      if (x !== y) return x < y;
    }
    return true;
  }

  window.Excel = {
    run: function (a, b) {
      var options = typeof a === "function" ? {} : a || {};
      var batch = typeof a === "function" ? a : b;
      var run = { options: options, syncs: 0 };
      book.runs.push(run);
      return Promise.resolve().then(function () {
        return batch(new RequestContext(run));
      });
    },
    ChartType: { xyscatter: "XYScatter", xyscatterLinesNoMarkers: "XYScatterLinesNoMarkers" },
  };

  var associated = {};
  function CustomFunctionError(code, message) {
    this.code = code;
    this.message = message;
  }
  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "object") {
        for (var k in id) associated[k.toUpperCase()] = id[k];
      } else associated[String(id).toUpperCase()] = fn;
    },
    Error: CustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  var readyInfo = { host: "Excel", platform: "OfficeOnline" };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: config.displayLanguage || "en-US",
      requirements: {
        isSetSupported: function (name, version) {
          if (name === "ExcelApi") return versionAtMost(version || "1.1", apiVersion);
          return name === "SharedRuntime" || name === "CustomFunctionsRuntime";
        },
      },
    },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (callback) callback(readyInfo);
          resolve(readyInfo);
        }, 0);
      });
    },
  };
  window.OfficeExtension = { Error: Error };

  // ---------------------------------------------------------------- the user's workbook
  (config.sheets || []).forEach(function (spec) {
    var sheet = addSheet(spec.name);
    var rows = spec.values || [];
    var sink = [];
    for (var r = 0; r < rows.length; r++) {
      for (var c = 0; c < rows[r].length; c++) sheet.set(r, c, coerce(rows[r][c], sink, ""));
    }
  });
  book.active = liveSheets()[0] || null;
  book.selection = config.selection || null;
  book.tables = config.tables || [];
  book.names = config.names || [];

  // ---------------------------------------------------------------- read-back for the test
  function trimmedValues(sheet) {
    var u = sheet.used();
    var out = [];
    for (var r = 0; r < u.rows; r++) {
      var row = [];
      for (var c = 0; c < u.columns; c++) row.push(sheet.cell(r, c));
      out.push(row);
    }
    return out;
  }
  window.__standIn = {
    functions: associated,
    snapshot: function () {
      return {
        sheets: liveSheets().map(function (s) {
          return {
            name: s._name,
            marker: !!s.scopedNames.CaseMix_Report,
            markerComment: s.scopedNames.CaseMix_Report ? s.scopedNames.CaseMix_Report.comment : null,
            values: trimmedValues(s),
            numberFormats: s.numberFormats,
            frozen: s.frozen,
            autoFilter: s.autoFilterRange,
            hiddenColumns: s.hiddenColumns,
            tabColor: s.tabColor,
            charts: s.charts.map(function (ch) {
              return {
                type: ch.type,
                title: ch.title.text,
                plotVisibleOnly: ch.plotVisibleOnly,
                position: ch.position,
                series: ch._series.map(function (se) {
                  return {
                    name: se.name,
                    x: se.x,
                    y: se.y,
                    chartType: se.chartType,
                    labels: se.labels.map(function (l) {
                      return l.text;
                    }),
                  };
                }),
              };
            }),
          };
        }),
        active: book.active ? book.active._name : null,
        formulas: book.formulas,
        runs: book.runs.map(function (r) {
          return { options: r.options, syncs: r.syncs };
        }),
        syncs: book.syncs,
      };
    },
  };
})();
