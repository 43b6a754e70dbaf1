/* global Excel */
/**
 * The "Audit weights" view: a base table, an optional adjusted table and an optional case
 * volume, each taken from the selection, an Excel table or a named range; Build writes the
 * audit sheets (权重审核 / 审核参数) with progress and cancel, asking before it replaces an
 * earlier audit. The steps are in auditBuild.ts; this file is the screen.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
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
import { Lang } from "../engine/text";
import { AUDIT_LABELS, AuditTableSource, AuditVolumeSource } from "../report/auditReport";
import { ExistingPolicy, RenderCancelled } from "../report/excelRenderer";
import { renderIntoWorkbook } from "../report/excelRun";
import {
  AuditForm,
  AuditPicks,
  AuditRole,
  auditSettingsFromForm,
  auditSummaryLines,
  auditTableOf,
  auditVolumeOf,
  buildAudit,
  DEFAULT_AUDIT_FORM,
  roleName,
} from "./auditBuild";
import { AuditStringKey, ta } from "./auditI18n";
import { errorText, VERSION } from "./build";
import { DataSource, ReadCancelled, SourceData, SourceList, listSources, readSource } from "./excelData";
import { StringKey, tr } from "./i18n";
import { SourceKind, sourceOf } from "./settings";

const useStyles = makeStyles({
  root: { padding: "12px 14px 24px", display: "flex", flexDirection: "column", rowGap: "10px", maxWidth: "560px" },
  section: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", columnGap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", columnGap: "8px" },
  lines: { margin: 0, paddingLeft: "16px" },
});

type Busy = { label: string; progress: number } | null;
type Conflict = { ours: boolean; sheets: string[]; suffix: string; resolve: (policy: ExistingPolicy | null) => void } | null;
type Choice = { kind: SourceKind; table: string; name: string };
type Read = { key: string; data: SourceData; table?: AuditTableSource; volume?: AuditVolumeSource };

const NO_CHOICE: Choice = { kind: "selection", table: "", name: "" };
const sourceKey = (s: DataSource) => (s.kind === "selection" ? "selection" : `${s.kind}:${s.name}`);
const sourceOfChoice = (c: Choice) => sourceOf(c.kind, c.table, c.name);

export function AuditView({ lang }: { lang: Lang }) {
  const styles = useStyles();
  const A = (key: AuditStringKey, params?: Record<string, string | number>) => ta(lang, key, params);
  const T = (key: StringKey, params?: Record<string, string | number>) => tr(lang, key, params);
  const sep = lang === "zh" ? "、" : ", ";

  const [sources, setSources] = React.useState<SourceList>({ tables: [], names: [] });
  const [choices, setChoices] = React.useState<Record<AuditRole, Choice>>({ base: NO_CHOICE, adjusted: NO_CHOICE, volume: NO_CHOICE });
  const [useAdjusted, setUseAdjusted] = React.useState(false);
  const [useVolume, setUseVolume] = React.useState(false);
  const [reads, setReads] = React.useState<Partial<Record<AuditRole, Read>>>({});
  const [form, setForm] = React.useState<AuditForm>(DEFAULT_AUDIT_FORM);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<string | undefined>();
  const [notice, setNotice] = React.useState<string | undefined>();
  const [result, setResult] = React.useState<string[] | undefined>();
  const [conflict, setConflict] = React.useState<Conflict>(null);
  const [cancelling, setCancelling] = React.useState(false);
  const cancelRef = React.useRef(false);

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

  const enabled = (role: AuditRole) => role === "base" || (role === "adjusted" ? useAdjusted : useVolume);
  const setChoice = (role: AuditRole, change: Partial<Choice>) => setChoices((c) => ({ ...c, [role]: { ...c[role], ...change } }));
  /** The values read for a role, when they were read from the source now chosen. */
  const current = (role: AuditRole): Read | undefined => {
    const r = reads[role];
    return r && r.key === sourceKey(sourceOfChoice(choices[role])) ? r : undefined;
  };

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

  const onRead = (role: AuditRole) =>
    run(async () => {
      const source = sourceOfChoice(choices[role]);
      setBusy({ label: A("phaseReading", { source: roleName(role, lang, useAdjusted) }), progress: 0 });
      const data = await Excel.run((context) =>
        readSource(context, source, {
          onProgress: (done, total) => setBusy({ label: A("phaseReading", { source: roleName(role, lang, useAdjusted) }), progress: total > 0 ? done / total : 1 }),
          isCancelled: () => cancelRef.current,
        }),
      );
      // Parsed at once, so a wrong range shows its error now and the status says what was found.
      const read: Read = { key: sourceKey(source), data };
      if (role === "volume") read.volume = auditVolumeOf(data);
      else read.table = auditTableOf(data);
      setReads((r) => ({ ...r, [role]: read }));
    });

  const ask = (existing: { name: string; ours: boolean }[], suffix: number) =>
    new Promise<ExistingPolicy | null>((resolve) =>
      setConflict({ ours: existing.every((e) => e.ours), sheets: existing.map((e) => e.name), suffix: `(${suffix})`, resolve }),
    );

  const onBuild = () =>
    run(async () => {
      setResult(undefined);
      const started = Date.now();
      const checked = auditSettingsFromForm(form, lang);
      if (checked.settings === undefined) {
        setError(checked.errors.join("\n"));
        return;
      }
      const pick = (role: AuditRole) => ({ source: sourceOfChoice(choices[role]), data: current(role)?.data });
      const picks: AuditPicks = { base: pick("base") };
      if (useAdjusted) picks.adjusted = pick("adjusted");
      if (useVolume) picks.volume = pick("volume");
      const built = await buildAudit(picks, checked.settings, lang, {
        run: (batch) => Excel.run(batch),
        render: renderIntoWorkbook,
        ask,
        onProgress: (label, progress) => setBusy({ label, progress }),
        isCancelled: () => cancelRef.current,
      });
      setReads((r) => {
        const next = { ...r };
        for (const role of ["base", "adjusted", "volume"] as const) {
          const data = built.data[role];
          if (!data || current(role)) continue;
          const read: Read = { key: sourceKey(sourceOfChoice(choices[role])), data };
          if (role === "volume") read.volume = built.report.sources.volume;
          else read.table = role === "base" ? built.report.sources.base : built.report.sources.adjusted;
          next[role] = read;
        }
        return next;
      });
      setResult(auditSummaryLines(built, lang, (Date.now() - started) / 1000, built.syncs));
    });

  const onCancel = () => {
    cancelRef.current = true;
    setCancelling(true);
  };

  const answer = (policy: ExistingPolicy | null) => {
    conflict?.resolve(policy);
    setConflict(null);
  };

  const status = (role: AuditRole) => {
    const r = current(role);
    if (!r) return null;
    if (r.volume) {
      const units = r.volume.units.map((u) => AUDIT_LABELS[u.dimension][lang]).join(sep);
      return (
        <Caption1 data-testid={`audit-status-${role}`}>
          {A("volumeRead", { rows: r.data.rowCount.toLocaleString(), address: r.data.address })}
          {" · "}
          {units ? A("volumeUnits", { units }) : A("volumeNoUnits")}
        </Caption1>
      );
    }
    const t = r.table!;
    return (
      <Caption1 data-testid={`audit-status-${role}`}>
        {A("tableRead", { groups: t.groups.toLocaleString(), rows: t.rowsRead.toLocaleString(), address: r.data.address })}
        {" · "}
        {A("tableColumns", { code: t.columns.code, weight: t.columns.weight })}
        {t.columns.name ? A("tableNames", { name: t.columns.name }) : ""}
      </Caption1>
    );
  };

  const picker = (role: AuditRole, hint: AuditStringKey) => {
    const c = choices[role];
    const list = c.kind === "table" ? sources.tables : sources.names;
    return (
      <>
        <Caption1 className={styles.muted}>{A(hint)}</Caption1>
        <RadioGroup value={c.kind} onChange={(_, d) => setChoice(role, { kind: d.value as SourceKind })} aria-label={roleName(role, lang, useAdjusted)}>
          <Radio value="selection" label={T("sourceSelection")} data-testid={`audit-${role}-selection`} />
          <Radio value="table" label={T("sourceTable")} data-testid={`audit-${role}-table`} />
          <Radio value="name" label={T("sourceName")} data-testid={`audit-${role}-name`} />
        </RadioGroup>
        {c.kind !== "selection" && (
          <div className={styles.row}>
            <Field className={styles.grow} label={T(c.kind === "table" ? "pickTable" : "pickName")}
              validationMessage={list.length === 0 ? T(c.kind === "table" ? "noTables" : "noNames") : undefined} validationState="none">
              <Select value={c.kind === "table" ? c.table : c.name} onChange={(_, d) => setChoice(role, c.kind === "table" ? { table: d.value } : { name: d.value })}>
                <option value="" />
                {list.map((n) => (
                  <option key={n} value={n}>{n}</option>
                ))}
              </Select>
            </Field>
            <Button onClick={() => void refreshSources()}>{T("refresh")}</Button>
          </div>
        )}
        <div className={styles.buttons}>
          <Button onClick={() => onRead(role)} disabled={busy !== null} data-testid={`audit-read-${role}`}>
            {current(role) ? A("readAgain") : A("read")}
          </Button>
        </div>
        {status(role)}
      </>
    );
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <div className={styles.root} data-testid="audit-view">
        <Title3>{A("title")}</Title3>
        <Body1 className={styles.muted}>{A("intro")}</Body1>
        <Divider />

        <section className={styles.section} aria-labelledby="audit-base-heading">
          <Subtitle2 id="audit-base-heading">{roleName("base", lang, useAdjusted)}</Subtitle2>
          {picker("base", "baseHint")}
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="audit-adjusted-heading">
          <Subtitle2 id="audit-adjusted-heading">{A("adjusted")}</Subtitle2>
          <Checkbox checked={useAdjusted} onChange={(_, d) => setUseAdjusted(d.checked === true)} label={A("useAdjusted")} data-testid="audit-use-adjusted" />
          {enabled("adjusted") && picker("adjusted", "adjustedHint")}
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="audit-volume-heading">
          <Subtitle2 id="audit-volume-heading">{A("volume")}</Subtitle2>
          <Checkbox checked={useVolume} onChange={(_, d) => setUseVolume(d.checked === true)} label={A("useVolume")} data-testid="audit-use-volume" />
          {enabled("volume") && picker("volume", "volumeHint")}
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="audit-settings-heading">
          <Subtitle2 id="audit-settings-heading">{A("settings")}</Subtitle2>
          <div className={styles.row}>
            <Field className={styles.grow} label={A("largest")}>
              <Input value={form.largest} onChange={(_, d) => setForm((f) => ({ ...f, largest: d.value }))} />
            </Field>
            <Field className={styles.grow} label={A("tolerance")}>
              <Input value={form.tolerance} onChange={(_, d) => setForm((f) => ({ ...f, tolerance: d.value }))} />
            </Field>
          </div>
        </section>

        <Divider />
        <section className={styles.section} aria-live="polite">
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={onBuild} disabled={busy !== null} data-testid="audit-build">{A("build")}</Button>
            {busy !== null && (
              <Button onClick={onCancel} disabled={cancelling} data-testid="audit-cancel">{cancelling ? T("cancelling") : T("cancel")}</Button>
            )}
          </div>
          {busy !== null && (
            <Field validationMessage={busy.label} validationState="none" data-testid="audit-progress">
              <ProgressBar value={busy.progress} max={1} thickness="large" />
            </Field>
          )}
          {error !== undefined && (
            <MessageBar intent="error" data-testid="audit-error">
              <MessageBarBody>
                <MessageBarTitle>{A("failed")}</MessageBarTitle>
                <span style={{ whiteSpace: "pre-wrap" }}>{error}</span>
              </MessageBarBody>
            </MessageBar>
          )}
          {notice !== undefined && (
            <MessageBar intent="warning" data-testid="audit-notice">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {result !== undefined && (
            <MessageBar intent="success" layout="multiline" data-testid="audit-result">
              <MessageBarBody>
                <MessageBarTitle>{A("resultTitle")}</MessageBarTitle>
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
        <DialogSurface data-testid="audit-conflict">
          <DialogBody>
            <DialogTitle>{T("conflictTitle")}</DialogTitle>
            <DialogContent>
              {conflict && T(conflict.ours ? "conflictOurs" : "conflictNotOurs", { sheets: conflict.sheets.map((s) => `“${s}”`).join(sep), suffix: conflict.suffix })}
            </DialogContent>
            <DialogActions>
              {conflict?.ours && (
                <Button appearance="primary" onClick={() => answer("replace")} data-testid="audit-replace">{T("replace")}</Button>
              )}
              <Button appearance={conflict?.ours ? "secondary" : "primary"} onClick={() => answer("suffix")} data-testid="audit-suffix">
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
