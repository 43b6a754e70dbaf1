/* global Excel */
/**
 * The taskpane: data source, column mapping, weights, settings, Build (with progress and
 * cancel), the question about same-named sheets, and the result summary.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ColumnName } from "../engine/columns";
import { MARGIN_LAYERS, MarginLayer } from "../engine/margins";
import { Quadrant, QUADRANTS } from "../engine/quadrants";
import { Lang } from "../engine/text";
import { TrimMethod, TRIM_METHODS } from "../engine/trimming";
import { WeightTable } from "../engine/weightTable";
import { ExistingPolicy, RenderCancelled, columnLetters, sheetConflicts } from "../report/excelRenderer";
import { renderIntoWorkbook } from "../report/excelRun";
import { CONTRIBUTION_LABELS, quadrantLabel } from "../report/i18n";
import { UnitChoice } from "../report/quadrantReport";
import {
  Detection,
  Overrides,
  VERSION,
  caseTableOf,
  detectColumns,
  errorText,
  mappingColumns,
  mappingWith,
  missingColumns,
  reportOf,
  summaryLines,
  weightTableOf,
} from "./build";
import { DataSource, ReadCancelled, SourceData, SourceList, listSources, readSource } from "./excelData";
import { COLUMN_LABELS, StringKey, tr } from "./i18n";
import { DEFAULT_FORM, FormState, SourceKind, TRIM_K_DEFAULT, settingsFromForm, sourceOf } from "./settings";

const useStyles = makeStyles({
  root: { padding: "12px 14px 24px", display: "flex", flexDirection: "column", rowGap: "10px", maxWidth: "560px" },
  section: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", columnGap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  mapping: { display: "grid", gridTemplateColumns: "minmax(110px, 40%) 1fr", columnGap: "8px", rowGap: "4px", alignItems: "center" },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  quadrants: { display: "grid", gridTemplateColumns: "auto 70px 1fr", columnGap: "6px", rowGap: "4px", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", columnGap: "8px" },
  lines: { margin: 0, paddingLeft: "16px" },
});

type Busy = { label: string; progress: number } | null;
type Conflict = { ours: boolean; sheets: string[]; suffix: string; resolve: (policy: ExistingPolicy | null) => void } | null;

const sourceKey = (s: DataSource) => (s.kind === "selection" ? "selection" : `${s.kind}:${s.name}`);
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function App({ lang }: { lang: Lang }) {
  const styles = useStyles();
  const T = (key: StringKey, params?: Record<string, string | number>) => tr(lang, key, params);
  const sep = lang === "zh" ? "、" : ", ";

  const [form, setForm] = React.useState<FormState>(DEFAULT_FORM);
  const [sources, setSources] = React.useState<SourceList>({ tables: [], names: [] });
  const [data, setData] = React.useState<{ key: string; data: SourceData; detection: Detection } | undefined>();
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const [weights, setWeights] = React.useState<{ table: WeightTable; name: string } | undefined>();
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<string | undefined>();
  const [notice, setNotice] = React.useState<string | undefined>();
  const [result, setResult] = React.useState<string[] | undefined>();
  const [conflict, setConflict] = React.useState<Conflict>(null);
  const [cancelling, setCancelling] = React.useState(false);
  const cancelRef = React.useRef(false);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const refreshSources = React.useCallback(async () => {
    try {
      setSources(await Excel.run((context) => listSources(context)));
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [lang]);
  React.useEffect(() => {
    void refreshSources();
  }, [refreshSources]);

  const source = sourceOf(form.source, form.tableName, form.rangeName);
  const shape = {
    layer: form.layer,
    unit: form.unit,
    weights: form.weightMode === "table" && weights ? { source: "table" as const, table: weights.table, name: weights.name } : { source: "data" as const },
  };
  const detection = data?.detection;
  const missing = detection ? missingColumns(detection, overrides, shape) : [];

  /** Reads the chosen source and detects its columns. */
  async function read(target: DataSource, progressShare: number): Promise<{ data: SourceData; detection: Detection }> {
    setBusy({ label: T("phaseReading", { done: 0, total: "…" }), progress: 0 });
    const read = await Excel.run((context) =>
      readSource(context, target, {
        onProgress: (done, total) =>
          setBusy({
            label: T("phaseReading", { done: done.toLocaleString(), total: total.toLocaleString() }),
            progress: progressShare * (total > 0 ? done / total : 1),
          }),
        isCancelled: () => cancelRef.current,
      }),
    );
    const found = { data: read, detection: detectColumns(read.values) };
    setData({ key: sourceKey(target), ...found });
    setOverrides({});
    return found;
  }

  async function run(body: () => Promise<void>) {
    cancelRef.current = false;
    setCancelling(false);
    setError(undefined);
    setNotice(undefined);
    try {
      await body();
    } catch (e) {
      if (e instanceof ReadCancelled || e instanceof RenderCancelled) setNotice(T("cancelled"));
      else setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  }

  const onRead = () => run(async () => void (await read(source, 1)));

  const onReadWeights = () =>
    run(async () => {
      const target = sourceOf(form.weightSource, form.weightTableName, form.weightRangeName);
      const read = await Excel.run((context) => readSource(context, target, { isCancelled: () => cancelRef.current }));
      setWeights({ table: weightTableOf(read), name: read.address });
    });

  const ask = (existing: { name: string; ours: boolean }[], suffix: number) =>
    new Promise<ExistingPolicy | null>((resolve) =>
      setConflict({ ours: existing.every((e) => e.ours), sheets: existing.map((e) => e.name), suffix: `(${suffix})`, resolve }),
    );

  const onBuild = () =>
    run(async () => {
      setResult(undefined);
      const started = Date.now();
      const checked = settingsFromForm(form, lang, weights);
      if (checked.settings === undefined) {
        setError(checked.errors.join("\n"));
        return;
      }
      const settings = checked.settings;
      let syncs = 0;
      let current = data && data.key === sourceKey(source) ? data : undefined;
      let currentOverrides = overrides;
      if (!current) {
        const found = await read(source, 0.4);
        current = { key: sourceKey(source), ...found };
        currentOverrides = {};
        syncs += found.data.syncs;
      }
      const lacking = missingColumns(current.detection, currentOverrides, settings);
      if (lacking.length > 0) {
        setError(T("missingColumns", { columns: columnNames(lacking, lang) }));
        return;
      }
      setBusy({ label: T("phaseComputing"), progress: 0.42 });
      await pause();
      const table = caseTableOf(current.data, current.detection, currentOverrides, settings);
      const { report, model } = reportOf(table, settings, current.data, lang);
      if (cancelRef.current) throw new ReadCancelled();
      setBusy({ label: T("phaseChecking"), progress: 0.5 });
      const conflicts = await Excel.run((context) => sheetConflicts(context, model.sheets.map((s) => s.name)));
      syncs += conflicts.existing.length > 0 ? 2 : 1;
      let policy: ExistingPolicy = "suffix";
      if (conflicts.existing.length > 0) {
        const answer = await ask(conflicts.existing, conflicts.suffix);
        if (answer === null) throw new ReadCancelled();
        policy = answer;
      }
      const stamp = `CaseMix ${VERSION}, ${new Date().toISOString()}`;
      const rendered = await renderIntoWorkbook(model, {
        existing: policy,
        stamp,
        onProgress: (f) => setBusy({ label: T("phaseWriting", { percent: Math.round(f * 100) }), progress: 0.5 + 0.5 * f }),
        isCancelled: () => cancelRef.current,
      });
      syncs += rendered.syncs;
      setResult(summaryLines(report, rendered, lang, (Date.now() - started) / 1000, syncs));
    });

  const onCancel = () => {
    cancelRef.current = true;
    setCancelling(true);
  };

  const answer = (policy: ExistingPolicy | null) => {
    conflict?.resolve(policy);
    setConflict(null);
  };

  const sourcePicker = (
    kind: SourceKind,
    onKind: (k: SourceKind) => void,
    table: string,
    onTable: (v: string) => void,
    name: string,
    onName: (v: string) => void,
    hint: StringKey,
    id: string,
  ) => (
    <>
      <RadioGroup value={kind} onChange={(_, d) => onKind(d.value as SourceKind)} aria-label={T("sourceKind")}>
        <Radio value="selection" label={T("sourceSelection")} data-testid={`${id}-selection`} />
        <Radio value="table" label={T("sourceTable")} data-testid={`${id}-table`} />
        <Radio value="name" label={T("sourceName")} data-testid={`${id}-name`} />
      </RadioGroup>
      {kind === "selection" && <Caption1 className={styles.muted}>{T(hint)}</Caption1>}
      {kind !== "selection" && (
        <div className={styles.row}>
          <Field className={styles.grow} label={T(kind === "table" ? "pickTable" : "pickName")}
            validationMessage={(kind === "table" ? sources.tables : sources.names).length === 0 ? T(kind === "table" ? "noTables" : "noNames") : undefined}
            validationState="none">
            <Select value={kind === "table" ? table : name} onChange={(_, d) => (kind === "table" ? onTable : onName)(d.value)}>
              <option value="" />
              {(kind === "table" ? sources.tables : sources.names).map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void refreshSources()}>{T("refresh")}</Button>
        </div>
      )}
    </>
  );

  const mapped = detection ? mappingWith(detection, overrides) : {};
  const headerOption = (i: number) => `${columnLetters((data?.data.columnIndex ?? 0) + i)} · ${detection?.headers[i] || "—"}`;

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <div className={styles.root} data-testid="taskpane">
        <Title3>{T("title")}</Title3>
        <Body1 className={styles.muted}>{T("intro")}</Body1>
        <Divider />

        <section className={styles.section} aria-labelledby="data-heading">
          <Subtitle2 id="data-heading">{T("dataSection")}</Subtitle2>
          {sourcePicker(form.source, (k) => set("source", k), form.tableName, (v) => set("tableName", v), form.rangeName, (v) => set("rangeName", v), "selectionHint", "source")}
          <div className={styles.buttons}>
            <Button onClick={onRead} disabled={busy !== null} data-testid="read">
              {data ? T("readAgain") : T("readData")}
            </Button>
          </div>
          {data && (
            <Caption1 data-testid="data-status">
              {T("dataRead", { rows: data.data.rowCount.toLocaleString(), columns: data.data.columnCount, address: data.data.address })}
              {" · "}
              {data.detection.found ? T("headerRowAt", { row: data.data.rowIndex + data.detection.headerRow + 1 }) : T("noHeaderRow")}
            </Caption1>
          )}
        </section>

        {detection && (
          <section className={styles.section} aria-labelledby="mapping-heading">
            <Subtitle2 id="mapping-heading">{T("mappingSection")}</Subtitle2>
            <Caption1 className={styles.muted}>{T("mappingHint")}</Caption1>
            {missing.length > 0 && (
              <MessageBar intent="error" data-testid="missing-columns">
                <MessageBarBody>{T("missingColumns", { columns: columnNames(missing, lang) })}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.mapping}>
              {mappingColumns(shape).map(({ column, required }) => (
                <React.Fragment key={column}>
                  <label htmlFor={`map-${column}`} className={missing.includes(column) ? styles.missing : undefined}>
                    {COLUMN_LABELS[column][lang]}
                    {required ? " *" : ""}
                  </label>
                  <div>
                    <Select id={`map-${column}`} size="small" value={mapped[column] === undefined ? "" : String(mapped[column])}
                      onChange={(_, d) => setOverrides((o) => ({ ...o, [column]: d.value === "" ? null : Number(d.value) }))}>
                      <option value="">{T("notMapped")}</option>
                      {detection.headers.map((_, i) => (
                        <option key={i} value={String(i)}>{headerOption(i)}</option>
                      ))}
                    </Select>
                    {column === "drugCost" && overrides.drugCost === undefined && detection.drugCostParts.length > 1 && (
                      <Caption1 className={styles.muted}>
                        {T("drugParts", { headers: detection.drugCostParts.map((i) => detection.headers[i]).join(" + ") })}
                      </Caption1>
                    )}
                  </div>
                </React.Fragment>
              ))}
            </div>
            <Caption1 className={styles.muted}>* {T("required")}</Caption1>
          </section>
        )}

        <Divider />
        <section className={styles.section} aria-labelledby="weights-heading">
          <Subtitle2 id="weights-heading">{T("weightsSection")}</Subtitle2>
          <RadioGroup value={form.weightMode} onChange={(_, d) => set("weightMode", d.value as FormState["weightMode"])}>
            <Radio value="data" label={T("weightsFromData")} />
            <Radio value="table" label={T("weightsFromTable")} />
          </RadioGroup>
          {form.weightMode === "data" ? (
            <>
              <div className={styles.row}>
                <Field className={styles.grow} label={T("trimMethod")}>
                  <Select value={form.trim} onChange={(_, d) => setForm((f) => ({ ...f, trim: d.value as TrimMethod, trimK: TRIM_K_DEFAULT[d.value as TrimMethod] || f.trimK }))}>
                    {TRIM_METHODS.map((m) => (
                      <option key={m} value={m}>{T(TRIM_LABEL[m])}</option>
                    ))}
                  </Select>
                </Field>
                {(form.trim === "iqr" || form.trim === "sd" || form.trim === "logsd") && (
                  <Field label={T("trimK")} style={{ width: 70 }}>
                    <Input value={form.trimK} onChange={(_, d) => set("trimK", d.value)} />
                  </Field>
                )}
              </div>
              {form.trim === "percentile" && (
                <div className={styles.row}>
                  <Field className={styles.grow} label={T("pLow")}>
                    <Input value={form.pLow} onChange={(_, d) => set("pLow", d.value)} />
                  </Field>
                  <Field className={styles.grow} label={T("pHigh")}>
                    <Input value={form.pHigh} onChange={(_, d) => set("pHigh", d.value)} />
                  </Field>
                </div>
              )}
              <Field label={T("yearWeights")}>
                <Input value={form.yearWeights} placeholder="1, 2, 7" onChange={(_, d) => set("yearWeights", d.value)} />
              </Field>
            </>
          ) : (
            <>
              <Caption1>{T("weightTableSource")}</Caption1>
              {sourcePicker(form.weightSource, (k) => set("weightSource", k), form.weightTableName, (v) => set("weightTableName", v), form.weightRangeName, (v) => set("weightRangeName", v), "weightTableHint", "weights")}
              <div className={styles.buttons}>
                <Button onClick={onReadWeights} disabled={busy !== null}>{T("readWeightTable")}</Button>
              </div>
              {weights && <Caption1>{T("weightTableRead", { groups: weights.table.codes.length, address: weights.name })}</Caption1>}
            </>
          )}
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="settings-heading">
          <Subtitle2 id="settings-heading">{T("settingsSection")}</Subtitle2>
          <Field label={T("layer")}>
            <Select value={form.layer} onChange={(_, d) => set("layer", d.value as MarginLayer)} data-testid="layer">
              {MARGIN_LAYERS.map((l) => (
                <option key={l} value={l}>{CONTRIBUTION_LABELS[l][lang]}</option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Field className={styles.grow} label={T("xCut")}>
              <Select value={form.xCut} onChange={(_, d) => set("xCut", d.value as FormState["xCut"])}>
                <option value="cmi">{T("xCutCmi")}</option>
                <option value="one">{T("xCutOne")}</option>
                <option value="median">{T("xCutMedian")}</option>
                <option value="custom">…</option>
              </Select>
            </Field>
            {form.xCut === "custom" && (
              <Field label="RW" style={{ width: 80 }}>
                <Input value={form.xCutValue} onChange={(_, d) => set("xCutValue", d.value)} />
              </Field>
            )}
          </div>
          <div className={styles.row}>
            <Field className={styles.grow} label={T("yCut")}>
              <Select value={form.yCut} onChange={(_, d) => set("yCut", d.value as FormState["yCut"])}>
                <option value="zero">{T("yCutZero")}</option>
                <option value="median">{T("yCutMedian")}</option>
                <option value="custom">…</option>
              </Select>
            </Field>
            {form.yCut === "custom" && (
              <Field label="%" style={{ width: 80 }} hint="0.05 = 5%">
                <Input value={form.yCutValue} onChange={(_, d) => set("yCutValue", d.value)} />
              </Field>
            )}
          </div>
          <Field label={T("minCases")}>
            <Input value={form.minCases} onChange={(_, d) => set("minCases", d.value)} />
          </Field>
          <Caption1>{T("coefficients")}</Caption1>
          <div className={styles.quadrants}>
            <span />
            <Caption1 className={styles.muted}>{T("coefficient")}</Caption1>
            <Caption1 className={styles.muted}>{T("quadrantName")}</Caption1>
            {QUADRANTS.map((q: Quadrant) => (
              <React.Fragment key={q}>
                <Body1>{quadrantLabel(q, lang)}</Body1>
                <Input size="small" aria-label={`${T("coefficient")} ${quadrantLabel(q, lang)}`} value={form.coefficients[q]}
                  onChange={(_, d) => setForm((f) => ({ ...f, coefficients: { ...f.coefficients, [q]: d.value } }))} />
                <Input size="small" aria-label={`${T("quadrantName")} ${quadrantLabel(q, lang)}`} value={form.labels[q]} placeholder={quadrantLabel(q, lang)}
                  onChange={(_, d) => setForm((f) => ({ ...f, labels: { ...f.labels, [q]: d.value } }))} />
              </React.Fragment>
            ))}
          </div>
          <Field label={T("incentiveMode")}>
            <RadioGroup layout="horizontal" value={form.moneyMode} onChange={(_, d) => set("moneyMode", d.value as FormState["moneyMode"])}>
              <Radio value="perPoint" label={T("perPoint")} />
              <Radio value="pool" label={T("pool")} />
            </RadioGroup>
          </Field>
          <Field label={T("amount")}>
            <Input value={form.moneyMode === "pool" ? form.pool : form.perPoint}
              onChange={(_, d) => set(form.moneyMode === "pool" ? "pool" : "perPoint", d.value)} />
          </Field>
          <Field label={T("yearFilter")}>
            <Input value={form.year} placeholder="2024" onChange={(_, d) => set("year", d.value)} />
          </Field>
          <Field label={T("unit")}>
            <RadioGroup layout="horizontal" value={form.unit} onChange={(_, d) => set("unit", d.value as UnitChoice)}>
              <Radio value="department" label={T("unitDepartment")} />
              <Radio value="doctor" label={T("unitDoctor")} />
              <Radio value="both" label={T("unitBoth")} />
            </RadioGroup>
          </Field>
        </section>

        <Divider />
        <section className={styles.section} aria-live="polite">
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={onBuild} disabled={busy !== null} data-testid="build">{T("build")}</Button>
            {busy !== null && (
              <Button onClick={onCancel} disabled={cancelling} data-testid="cancel">{cancelling ? T("cancelling") : T("cancel")}</Button>
            )}
          </div>
          {busy !== null && (
            <Field validationMessage={busy.label} validationState="none" data-testid="progress">
              <ProgressBar value={busy.progress} max={1} thickness="large" />
            </Field>
          )}
          {error !== undefined && (
            <MessageBar intent="error" data-testid="error">
              <MessageBarBody>
                <MessageBarTitle>{T("failed")}</MessageBarTitle>
                <span style={{ whiteSpace: "pre-wrap" }}>{error}</span>
              </MessageBarBody>
            </MessageBar>
          )}
          {notice !== undefined && (
            <MessageBar intent="warning" data-testid="notice">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {result !== undefined && (
            <MessageBar intent="success" layout="multiline" data-testid="result">
              <MessageBarBody>
                <MessageBarTitle>{T("resultTitle")}</MessageBarTitle>
                <ul className={styles.lines}>
                  {result.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </section>
        <Caption1 className={styles.muted}>CaseMix {VERSION}</Caption1>
      </div>

      <Dialog open={conflict !== null} onOpenChange={(_, d) => !d.open && answer(null)}>
        <DialogSurface data-testid="conflict">
          <DialogBody>
            <DialogTitle>{T("conflictTitle")}</DialogTitle>
            <DialogContent>
              {conflict && T(conflict.ours ? "conflictOurs" : "conflictNotOurs", { sheets: conflict.sheets.map((s) => `“${s}”`).join(sep), suffix: conflict.suffix })}
            </DialogContent>
            <DialogActions>
              {conflict?.ours && (
                <Button appearance="primary" onClick={() => answer("replace")} data-testid="replace">{T("replace")}</Button>
              )}
              <Button appearance={conflict?.ours ? "secondary" : "primary"} onClick={() => answer("suffix")} data-testid="suffix">
                {T("writeSuffix", { suffix: conflict?.suffix ?? "" })}
              </Button>
              <Button onClick={() => answer(null)}>{T("cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}

const TRIM_LABEL: Record<TrimMethod, StringKey> = {
  none: "trimNone",
  iqr: "trimIqr",
  sd: "trimSd",
  logsd: "trimLogSd",
  percentile: "trimPercentile",
};

/** Canonical columns by their names in the user's language, for a message. */
export function columnNames(columns: readonly ColumnName[], lang: Lang): string {
  return columns.map((c) => COLUMN_LABELS[c][lang]).join(lang === "zh" ? "、" : ", ");
}
