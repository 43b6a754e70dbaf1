/* global Excel */
/**
 * The "Trends and quality" view: the case data (selection, Excel table or named range) with the
 * quadrant view's column detection and mapping, weights (from the data or a weight table),
 * risk levels (from the data or a benchmark), the two years compared, the unit; Build writes
 * the sheet 趋势与质量 / Trends and Quality with progress and cancel, asking before it replaces
 * an earlier one. The steps are in trendsBuild.ts; this file is the screen.
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
import { GroupRisk } from "../engine/mortalityRisk";
import { Lang } from "../engine/text";
import { WeightTable } from "../engine/weightTable";
import { ExistingPolicy, RenderCancelled, columnLetters } from "../report/excelRenderer";
import { renderIntoWorkbook } from "../report/excelRun";
import { TrendsUnit } from "../report/trendsReport";
import { Detection, Overrides, VERSION, detectColumns, errorText, mappingWith, weightTableOf } from "./build";
import { DataSource, ReadCancelled, SourceData, SourceList, listSources, readSource } from "./excelData";
import { COLUMN_LABELS, StringKey, tr } from "./i18n";
import { SourceKind, sourceOf } from "./settings";
import {
  benchmarkOf,
  buildTrends,
  DEFAULT_TRENDS_FORM,
  TrendsForm,
  trendsMappingColumns,
  trendsMissingColumns,
  trendsSettingsFromForm,
  trendsSummaryLines,
  yearsOf,
} from "./trendsBuild";
import { TrendsStringKey, tt } from "./trendsI18n";

const useStyles = makeStyles({
  root: { padding: "12px 14px 24px", display: "flex", flexDirection: "column", rowGap: "10px", maxWidth: "560px" },
  section: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", columnGap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  mapping: { display: "grid", gridTemplateColumns: "minmax(110px, 40%) 1fr", columnGap: "8px", rowGap: "4px", alignItems: "center" },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", columnGap: "8px" },
  lines: { margin: 0, paddingLeft: "16px" },
});

type Busy = { label: string; progress: number } | null;
type Conflict = { ours: boolean; sheets: string[]; suffix: string; resolve: (policy: ExistingPolicy | null) => void } | null;
type Choice = { kind: SourceKind; table: string; name: string };
type Read = { key: string; data: SourceData; detection: Detection; years: string[] };

const NO_CHOICE: Choice = { kind: "selection", table: "", name: "" };
const sourceKey = (s: DataSource) => (s.kind === "selection" ? "selection" : `${s.kind}:${s.name}`);
const sourceOfChoice = (c: Choice) => sourceOf(c.kind, c.table, c.name);

export function TrendsView({ lang }: { lang: Lang }) {
  const styles = useStyles();
  const X = (key: TrendsStringKey, params?: Record<string, string | number>) => tt(lang, key, params);
  const T = (key: StringKey, params?: Record<string, string | number>) => tr(lang, key, params);
  const sep = lang === "zh" ? "、" : ", ";

  const [sources, setSources] = React.useState<SourceList>({ tables: [], names: [] });
  const [choice, setChoice] = React.useState<Choice>(NO_CHOICE);
  const [weightChoice, setWeightChoice] = React.useState<Choice>(NO_CHOICE);
  const [benchChoice, setBenchChoice] = React.useState<Choice>(NO_CHOICE);
  const [read, setRead] = React.useState<Read | undefined>();
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const [weights, setWeights] = React.useState<{ table: WeightTable; name: string } | undefined>();
  const [benchmark, setBenchmark] = React.useState<{ risk: GroupRisk; name: string } | undefined>();
  const [form, setForm] = React.useState<TrendsForm>(DEFAULT_TRENDS_FORM);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<string | undefined>();
  const [notice, setNotice] = React.useState<string | undefined>();
  const [result, setResult] = React.useState<string[] | undefined>();
  const [conflict, setConflict] = React.useState<Conflict>(null);
  const [cancelling, setCancelling] = React.useState(false);
  const cancelRef = React.useRef(false);

  const set = <K extends keyof TrendsForm>(key: K, value: TrendsForm[K]) => setForm((f) => ({ ...f, [key]: value }));

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

  const source = sourceOfChoice(choice);
  const current = read && read.key === sourceKey(source) ? read : undefined;
  const shape = {
    unit: form.unit,
    weights: form.weightMode === "table" && weights ? { source: "table" as const, table: weights.table, name: weights.name } : { source: "data" as const },
  };
  const missing = current ? trendsMissingColumns(current.detection, overrides, shape) : [];
  const mapped = current ? mappingWith(current.detection, overrides) : {};

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

  const readFrom = (target: DataSource) =>
    Excel.run((context) =>
      readSource(context, target, {
        onProgress: (done, total) =>
          setBusy({ label: X("phaseReading", { done: done.toLocaleString(), total: total.toLocaleString() }), progress: total > 0 ? done / total : 1 }),
        isCancelled: () => cancelRef.current,
      }),
    );

  const remember = (data: SourceData, detection: Detection, corrections: Overrides) =>
    setRead({ key: sourceKey(source), data, detection, years: yearsOf(data, detection, corrections) });

  const onRead = () =>
    run(async () => {
      setBusy({ label: X("phaseReading", { done: 0, total: "…" }), progress: 0 });
      const data = await readFrom(source);
      setOverrides({});
      remember(data, detectColumns(data.values), {});
    });

  const onReadWeights = () =>
    run(async () => {
      const data = await readFrom(sourceOfChoice(weightChoice));
      setWeights({ table: weightTableOf(data), name: data.address });
    });

  const onReadBenchmark = () =>
    run(async () => {
      const data = await readFrom(sourceOfChoice(benchChoice));
      setBenchmark({ risk: benchmarkOf(data), name: data.address });
    });

  const onMap = (column: keyof Overrides, value: string) => {
    const next = { ...overrides, [column]: value === "" ? null : Number(value) };
    setOverrides(next);
    if (current && (column === "year" || column === "dischargeDate")) remember(current.data, current.detection, next);
  };

  const ask = (existing: { name: string; ours: boolean }[], suffix: number) =>
    new Promise<ExistingPolicy | null>((resolve) =>
      setConflict({ ours: existing.every((e) => e.ours), sheets: existing.map((e) => e.name), suffix: `(${suffix})`, resolve }),
    );

  const onBuild = () =>
    run(async () => {
      setResult(undefined);
      const started = Date.now();
      const checked = trendsSettingsFromForm(form, lang, weights, benchmark);
      if (checked.settings === undefined) {
        setError(checked.errors.join("\n"));
        return;
      }
      const built = await buildTrends(
        { source, data: current?.data, detection: current?.detection, overrides },
        checked.settings,
        lang,
        {
          run: (batch) => Excel.run(batch),
          render: renderIntoWorkbook,
          ask,
          onProgress: (label, progress) => setBusy({ label, progress }),
          isCancelled: () => cancelRef.current,
        },
      );
      if (!current) {
        setOverrides({});
        remember(built.data, built.detection, {});
      }
      setResult(trendsSummaryLines(built, lang, (Date.now() - started) / 1000, built.syncs));
    });

  const onCancel = () => {
    cancelRef.current = true;
    setCancelling(true);
  };

  const answer = (policy: ExistingPolicy | null) => {
    conflict?.resolve(policy);
    setConflict(null);
  };

  const picker = (c: Choice, onChange: (c: Choice) => void, id: string) => {
    const list = c.kind === "table" ? sources.tables : sources.names;
    return (
      <>
        <RadioGroup value={c.kind} onChange={(_, d) => onChange({ ...c, kind: d.value as SourceKind })} aria-label={T("sourceKind")}>
          <Radio value="selection" label={T("sourceSelection")} data-testid={`${id}-selection`} />
          <Radio value="table" label={T("sourceTable")} data-testid={`${id}-table`} />
          <Radio value="name" label={T("sourceName")} data-testid={`${id}-name`} />
        </RadioGroup>
        {c.kind !== "selection" && (
          <div className={styles.row}>
            <Field className={styles.grow} label={T(c.kind === "table" ? "pickTable" : "pickName")}
              validationMessage={list.length === 0 ? T(c.kind === "table" ? "noTables" : "noNames") : undefined} validationState="none">
              <Select value={c.kind === "table" ? c.table : c.name} onChange={(_, d) => onChange(c.kind === "table" ? { ...c, table: d.value } : { ...c, name: d.value })}>
                <option value="" />
                {list.map((n) => (
                  <option key={n} value={n}>{n}</option>
                ))}
              </Select>
            </Field>
            <Button onClick={() => void refreshSources()}>{T("refresh")}</Button>
          </div>
        )}
      </>
    );
  };

  const years = current?.years ?? [];
  const yearPicker = (key: "before" | "after", label: TrendsStringKey) =>
    years.length > 0 ? (
      <Field className={styles.grow} label={X(label)}>
        <Select value={form[key]} onChange={(_, d) => set(key, d.value)} data-testid={`trends-${key}`}>
          <option value="">{X("latestTwo")}</option>
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </Select>
      </Field>
    ) : (
      <Field className={styles.grow} label={X(label)}>
        <Input value={form[key]} placeholder={X("latestTwo")} onChange={(_, d) => set(key, d.value)} data-testid={`trends-${key}`} />
      </Field>
    );
  const headerOption = (i: number) => `${columnLetters((current?.data.columnIndex ?? 0) + i)} · ${current?.detection.headers[i] || "—"}`;

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <div className={styles.root} data-testid="trends-view">
        <Title3>{X("title")}</Title3>
        <Body1 className={styles.muted}>{X("intro")}</Body1>
        <Divider />

        <section className={styles.section} aria-labelledby="trends-data-heading">
          <Subtitle2 id="trends-data-heading">{T("dataSection")}</Subtitle2>
          <Caption1 className={styles.muted}>{X("dataHint")}</Caption1>
          {picker(choice, setChoice, "trends-source")}
          <div className={styles.buttons}>
            <Button onClick={onRead} disabled={busy !== null} data-testid="trends-read">
              {current ? X("readAgain") : X("read")}
            </Button>
          </div>
          {current && (
            <Caption1 data-testid="trends-data-status">
              {T("dataRead", { rows: current.data.rowCount.toLocaleString(), columns: current.data.columnCount, address: current.data.address })}
              {" · "}
              {current.detection.found ? T("headerRowAt", { row: current.data.rowIndex + current.detection.headerRow + 1 }) : T("noHeaderRow")}
              {" · "}
              {years.length > 0 ? X("yearsFound", { years: years.join(sep) }) : X("noYears")}
              {mapped.died === undefined ? ` · ${X("noDied")}` : ""}
            </Caption1>
          )}
        </section>

        {current && (
          <section className={styles.section} aria-labelledby="trends-mapping-heading">
            <Subtitle2 id="trends-mapping-heading">{T("mappingSection")}</Subtitle2>
            <Caption1 className={styles.muted}>{T("mappingHint")}</Caption1>
            {missing.length > 0 && (
              <MessageBar intent="error" data-testid="trends-missing-columns">
                <MessageBarBody>{X("missingColumns", { columns: missing.map((c) => COLUMN_LABELS[c][lang]).join(sep) })}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.mapping}>
              {trendsMappingColumns(shape).map(({ column, required }) => (
                <React.Fragment key={column}>
                  <label htmlFor={`trends-map-${column}`} className={missing.includes(column) ? styles.missing : undefined}>
                    {COLUMN_LABELS[column][lang]}
                    {required ? " *" : ""}
                  </label>
                  <Select id={`trends-map-${column}`} size="small" value={mapped[column] === undefined ? "" : String(mapped[column])}
                    onChange={(_, d) => onMap(column, d.value)}>
                    <option value="">{T("notMapped")}</option>
                    {current.detection.headers.map((_, i) => (
                      <option key={i} value={String(i)}>{headerOption(i)}</option>
                    ))}
                  </Select>
                </React.Fragment>
              ))}
            </div>
            <Caption1 className={styles.muted}>* {T("required")}</Caption1>
          </section>
        )}

        <Divider />
        <section className={styles.section} aria-labelledby="trends-weights-heading">
          <Subtitle2 id="trends-weights-heading">{T("weightsSection")}</Subtitle2>
          <Caption1 className={styles.muted}>{X("weightsHint")}</Caption1>
          <RadioGroup value={form.weightMode} onChange={(_, d) => set("weightMode", d.value as TrendsForm["weightMode"])}>
            <Radio value="data" label={X("weightsFromData")} />
            <Radio value="table" label={T("weightsFromTable")} />
          </RadioGroup>
          {form.weightMode === "table" && (
            <>
              <Caption1 className={styles.muted}>{T("weightTableHint")}</Caption1>
              {picker(weightChoice, setWeightChoice, "trends-weights")}
              <div className={styles.buttons}>
                <Button onClick={onReadWeights} disabled={busy !== null}>{T("readWeightTable")}</Button>
              </div>
              {weights && <Caption1>{T("weightTableRead", { groups: weights.table.codes.length, address: weights.name })}</Caption1>}
            </>
          )}
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="trends-levels-heading">
          <Subtitle2 id="trends-levels-heading">{X("levelsSection")}</Subtitle2>
          <RadioGroup value={form.levelMode} onChange={(_, d) => set("levelMode", d.value as TrendsForm["levelMode"])}>
            <Radio value="data" label={X("levelsFromData")} />
            <Radio value="benchmark" label={X("levelsFromBenchmark")} />
          </RadioGroup>
          {form.levelMode === "benchmark" && (
            <>
              <Caption1 className={styles.muted}>{X("benchmarkHint")}</Caption1>
              {picker(benchChoice, setBenchChoice, "trends-benchmark")}
              <div className={styles.buttons}>
                <Button onClick={onReadBenchmark} disabled={busy !== null}>{X("readBenchmark")}</Button>
              </div>
              {benchmark && (
                <Caption1>
                  {X("benchmarkRead", {
                    groups: benchmark.risk.codes.length,
                    withDeaths: Array.from(benchmark.risk.deaths).filter((d) => d > 0).length,
                    address: benchmark.name,
                  })}
                </Caption1>
              )}
            </>
          )}
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="trends-settings-heading">
          <Subtitle2 id="trends-settings-heading">{T("settingsSection")}</Subtitle2>
          <div className={styles.row}>
            {yearPicker("before", "before")}
            {yearPicker("after", "after")}
          </div>
          <Caption1 className={styles.muted}>{X("yearsHint")}</Caption1>
          <Field label={X("unit")}>
            <RadioGroup layout="horizontal" value={form.unit} onChange={(_, d) => set("unit", d.value as TrendsUnit)}>
              <Radio value="department" label={T("unitDepartment")} />
              <Radio value="doctor" label={T("unitDoctor")} />
            </RadioGroup>
          </Field>
          <Field label={X("minCases")}>
            <Input value={form.minCases} onChange={(_, d) => set("minCases", d.value)} />
          </Field>
          <Field label={X("flagTolerance")}>
            <Input value={form.flagTolerance} onChange={(_, d) => set("flagTolerance", d.value)} />
          </Field>
          <Field label={X("topAdrgs")}>
            <Input value={form.topAdrgs} onChange={(_, d) => set("topAdrgs", d.value)} />
          </Field>
        </section>

        <Divider />
        <section className={styles.section} aria-live="polite">
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={onBuild} disabled={busy !== null} data-testid="trends-build">{X("build")}</Button>
            {busy !== null && (
              <Button onClick={onCancel} disabled={cancelling} data-testid="trends-cancel">{cancelling ? T("cancelling") : T("cancel")}</Button>
            )}
          </div>
          {busy !== null && (
            <Field validationMessage={busy.label} validationState="none" data-testid="trends-progress">
              <ProgressBar value={busy.progress} max={1} thickness="large" />
            </Field>
          )}
          {error !== undefined && (
            <MessageBar intent="error" data-testid="trends-error">
              <MessageBarBody>
                <MessageBarTitle>{X("failed")}</MessageBarTitle>
                <span style={{ whiteSpace: "pre-wrap" }}>{error}</span>
              </MessageBarBody>
            </MessageBar>
          )}
          {notice !== undefined && (
            <MessageBar intent="warning" data-testid="trends-notice">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {result !== undefined && (
            <MessageBar intent="success" layout="multiline" data-testid="trends-result">
              <MessageBarBody>
                <MessageBarTitle>{X("resultTitle")}</MessageBarTitle>
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
        <DialogSurface data-testid="trends-conflict">
          <DialogBody>
            <DialogTitle>{T("conflictTitle")}</DialogTitle>
            <DialogContent>
              {conflict && T(conflict.ours ? "conflictOurs" : "conflictNotOurs", { sheets: conflict.sheets.map((s) => `“${s}”`).join(sep), suffix: conflict.suffix })}
            </DialogContent>
            <DialogActions>
              {conflict?.ours && (
                <Button appearance="primary" onClick={() => answer("replace")} data-testid="trends-replace">{T("replace")}</Button>
              )}
              <Button appearance={conflict?.ours ? "secondary" : "primary"} onClick={() => answer("suffix")} data-testid="trends-suffix">
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
