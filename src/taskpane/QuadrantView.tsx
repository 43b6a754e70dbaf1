/* global Excel */
/**
 * The quadrant view (four quadrants and incentives): data source, column mapping, weights, settings, Build (with progress and
 * cancel), the question about same-named sheets, and the result summary.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Title3,
  webLightTheme,
} from "@fluentui/react-components";
import { ColumnName } from "../engine/columns";
import { MARGIN_LAYERS, MarginLayer } from "../engine/margins";
import { Quadrant, QUADRANTS } from "../engine/quadrants";
import { Lang } from "../engine/text";
import { TrimMethod, TRIM_METHODS } from "../engine/trimming";
import { WeightTable } from "../engine/weightTable";
import { columnLetters } from "../report/excelRenderer";
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
import { DataSource, ReadCancelled, SourceData, readSource } from "./excelData";
import { COLUMN_LABELS, StringKey } from "./i18n";
import { ConflictDialog } from "./ConflictDialog";
import { RunPanel } from "./RunPanel";
import {
  DEFAULT_FORM,
  FormState,
  SourceChoice,
  TRIM_K_DEFAULT,
  settingsFromForm,
  sourceKey,
  sourceOf,
} from "./settings";
import { SourcePicker, useSourceList } from "./SourcePicker";
import { textsIn } from "./texts";
import { useReportRun } from "./useReportRun";
import { useViewStyles } from "./viewStyles";
import { pauseForUi, writeReport } from "./writeReport";

export function QuadrantView({ lang }: { lang: Lang }) {
  const styles = useViewStyles();
  const say = textsIn(lang);
  const T = say.pane;
  const runState = useReportRun(say);
  const { busy, setBusy, setError, setResult, run } = runState;
  const { sources, refresh: refreshSources } = useSourceList(say, setError);

  const [form, setForm] = React.useState<FormState>(DEFAULT_FORM);
  const [data, setData] = React.useState<{ key: string; data: SourceData; detection: Detection } | undefined>();
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const [weights, setWeights] = React.useState<{ table: WeightTable; name: string } | undefined>();

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const source = sourceOf(form.source, form.tableName, form.rangeName);
  const shape = {
    layer: form.layer,
    unit: form.unit,
    weights:
      form.weightMode === "table" && weights
        ? { source: "table" as const, table: weights.table, name: weights.name }
        : { source: "data" as const },
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
        isCancelled: runState.isCancelled,
      }),
    );
    const found = { data: read, detection: detectColumns(read.values) };
    setData({ key: sourceKey(target), ...found });
    setOverrides({});
    return found;
  }

  const onRead = () => run(async () => void (await read(source, 1)));

  const onReadWeights = () =>
    run(async () => {
      const target = sourceOf(form.weightSource, form.weightTableName, form.weightRangeName);
      const read = await Excel.run((context) => readSource(context, target, { isCancelled: runState.isCancelled }));
      setWeights({ table: weightTableOf(read), name: read.address });
    });

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
      await pauseForUi({});
      const table = caseTableOf(current.data, current.detection, currentOverrides, settings);
      const { report, model } = reportOf(table, settings, current.data, lang);
      if (runState.isCancelled()) throw new ReadCancelled();
      const written = await writeReport(
        model,
        {
          run: (batch) => Excel.run(batch),
          render: renderIntoWorkbook,
          ask: runState.ask,
          onProgress: (label, progress) => setBusy({ label, progress }),
          isCancelled: runState.isCancelled,
        },
        { checking: T("phaseChecking"), writing: (percent) => T("phaseWriting", { percent }) },
      );
      syncs += written.syncs;
      const rendered = written.rendered;
      setResult(summaryLines(report, rendered, lang, (Date.now() - started) / 1000, syncs));
    });

  const picker = (choice: SourceChoice, onChange: (c: SourceChoice) => void, hint: StringKey, id: string) => (
    <SourcePicker
      choice={choice}
      onChange={onChange}
      sources={sources}
      onRefresh={() => void refreshSources()}
      say={say}
      testId={id}
      ariaLabel={T("sourceKind")}
      selectionHint={T(hint)}
    />
  );

  const mapped = detection ? mappingWith(detection, overrides) : {};
  const headerOption = (i: number) =>
    `${columnLetters((data?.data.columnIndex ?? 0) + i)} · ${detection?.headers[i] || "—"}`;

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <div className={styles.root} data-testid="taskpane">
        <Title3>{T("title")}</Title3>
        <Body1 className={styles.muted}>{T("intro")}</Body1>
        <Divider />

        <section className={styles.section} aria-labelledby="data-heading">
          <Subtitle2 id="data-heading">{T("dataSection")}</Subtitle2>
          {picker(
            { kind: form.source, table: form.tableName, name: form.rangeName },
            (c) => setForm((f) => ({ ...f, source: c.kind, tableName: c.table, rangeName: c.name })),
            "selectionHint",
            "source",
          )}
          <div className={styles.buttons}>
            <Button onClick={onRead} disabled={busy !== null} data-testid="read">
              {data ? T("readAgain") : T("readData")}
            </Button>
          </div>
          {data && (
            <Caption1 data-testid="data-status">
              {T("dataRead", {
                rows: data.data.rowCount.toLocaleString(),
                columns: data.data.columnCount,
                address: data.data.address,
              })}
              {" · "}
              {data.detection.found
                ? T("headerRowAt", { row: data.data.rowIndex + data.detection.headerRow + 1 })
                : T("noHeaderRow")}
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
                    <Select
                      id={`map-${column}`}
                      size="small"
                      value={mapped[column] === undefined ? "" : String(mapped[column])}
                      onChange={(_, d) =>
                        setOverrides((o) => ({ ...o, [column]: d.value === "" ? null : Number(d.value) }))
                      }
                    >
                      <option value="">{T("notMapped")}</option>
                      {detection.headers.map((_, i) => (
                        <option key={i} value={String(i)}>
                          {headerOption(i)}
                        </option>
                      ))}
                    </Select>
                    {column === "drugCost" &&
                      overrides.drugCost === undefined &&
                      detection.drugCostParts.length > 1 && (
                        <Caption1 className={styles.muted}>
                          {T("drugParts", {
                            headers: detection.drugCostParts.map((i) => detection.headers[i]).join(" + "),
                          })}
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
          <RadioGroup
            value={form.weightMode}
            onChange={(_, d) => set("weightMode", d.value as FormState["weightMode"])}
          >
            <Radio value="data" label={T("weightsFromData")} />
            <Radio value="table" label={T("weightsFromTable")} />
          </RadioGroup>
          {form.weightMode === "data" ? (
            <>
              <div className={styles.row}>
                <Field className={styles.grow} label={T("trimMethod")}>
                  <Select
                    value={form.trim}
                    onChange={(_, d) =>
                      setForm((f) => ({
                        ...f,
                        trim: d.value as TrimMethod,
                        trimK: TRIM_K_DEFAULT[d.value as TrimMethod] || f.trimK,
                      }))
                    }
                  >
                    {TRIM_METHODS.map((m) => (
                      <option key={m} value={m}>
                        {T(TRIM_LABEL[m])}
                      </option>
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
                <Input
                  value={form.yearWeights}
                  placeholder="1, 2, 7"
                  onChange={(_, d) => set("yearWeights", d.value)}
                />
              </Field>
            </>
          ) : (
            <>
              <Caption1>{T("weightTableSource")}</Caption1>
              {picker(
                { kind: form.weightSource, table: form.weightTableName, name: form.weightRangeName },
                (c) =>
                  setForm((f) => ({ ...f, weightSource: c.kind, weightTableName: c.table, weightRangeName: c.name })),
                "weightTableHint",
                "weights",
              )}
              <div className={styles.buttons}>
                <Button onClick={onReadWeights} disabled={busy !== null}>
                  {T("readWeightTable")}
                </Button>
              </div>
              {weights && (
                <Caption1>
                  {T("weightTableRead", { groups: weights.table.codes.length, address: weights.name })}
                </Caption1>
              )}
            </>
          )}
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="settings-heading">
          <Subtitle2 id="settings-heading">{T("settingsSection")}</Subtitle2>
          <Field label={T("layer")}>
            <Select value={form.layer} onChange={(_, d) => set("layer", d.value as MarginLayer)} data-testid="layer">
              {MARGIN_LAYERS.map((l) => (
                <option key={l} value={l}>
                  {CONTRIBUTION_LABELS[l][lang]}
                </option>
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
                <Input
                  size="small"
                  aria-label={`${T("coefficient")} ${quadrantLabel(q, lang)}`}
                  value={form.coefficients[q]}
                  onChange={(_, d) => setForm((f) => ({ ...f, coefficients: { ...f.coefficients, [q]: d.value } }))}
                />
                <Input
                  size="small"
                  aria-label={`${T("quadrantName")} ${quadrantLabel(q, lang)}`}
                  value={form.labels[q]}
                  placeholder={quadrantLabel(q, lang)}
                  onChange={(_, d) => setForm((f) => ({ ...f, labels: { ...f.labels, [q]: d.value } }))}
                />
              </React.Fragment>
            ))}
          </div>
          <Field label={T("incentiveMode")}>
            <RadioGroup
              layout="horizontal"
              value={form.moneyMode}
              onChange={(_, d) => set("moneyMode", d.value as FormState["moneyMode"])}
            >
              <Radio value="perPoint" label={T("perPoint")} />
              <Radio value="pool" label={T("pool")} />
            </RadioGroup>
          </Field>
          <Field label={T("amount")}>
            <Input
              value={form.moneyMode === "pool" ? form.pool : form.perPoint}
              onChange={(_, d) => set(form.moneyMode === "pool" ? "pool" : "perPoint", d.value)}
            />
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
        <RunPanel
          run={runState}
          say={say}
          testIds=""
          onBuild={onBuild}
          buildLabel={T("build")}
          failedTitle={T("failed")}
          resultTitle={T("resultTitle")}
        />
      </div>

      <ConflictDialog run={runState} say={say} testIds="" />
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
