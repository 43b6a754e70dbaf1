/* global Excel */
/**
 * The "Audit weights" view: a base table, an optional adjusted table and an optional case
 * volume, each taken from the selection, an Excel table or a named range; Build writes the
 * audit sheets (权重审核 / 审核参数) with progress and cancel, asking before it replaces an
 * earlier audit. The steps are in auditBuild.ts; this file is the screen.
 */
import * as React from "react";
import { Button, Caption1, Checkbox, Divider, Field, Input, Subtitle2 } from "@fluentui/react-components";
import { Lang } from "../engine/text";
import { AuditTableSource, AuditVolumeSource } from "../engine/weightAudit/fromGrid";
import { AUDIT_LABELS } from "../report/audit/labels";
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
import { AuditStringKey } from "./auditI18n";
import { SourceData, readSource } from "./excelData";
import { NO_CHOICE, SourceChoice, sourceKey, sourceOfChoice } from "./settings";
import { SourcePicker, useSourceList } from "./SourcePicker";
import { Texts, textsIn } from "./texts";
import { useReportRun } from "./useReportRun";
import { useViewStyles } from "./viewStyles";
import { ViewFrame } from "./ViewFrame";

type Read = { key: string; data: SourceData; table?: AuditTableSource; volume?: AuditVolumeSource };

export function AuditView({ lang }: { lang: Lang }) {
  const s = useAuditSession(lang);
  const { say, A, runState, onBuild } = s;
  return (
    <ViewFrame testId="audit-view" texts={A} run={runState} say={say} testIds="audit-" onBuild={onBuild}>
      <AuditBaseSection s={s} />

      <Divider />
      <AuditAdjustedSection s={s} />

      <Divider />
      <AuditVolumeSection s={s} />

      <Divider />
      <AuditSettingsSection s={s} />
    </ViewFrame>
  );
}

type AuditSession = ReturnType<typeof useAuditSession>;

/** The view's state and what its buttons do. */
function useAuditSession(lang: Lang) {
  const styles = useViewStyles();
  const say = textsIn(lang);
  const A = say.audit;
  const runState = useReportRun(say);
  const { busy, setBusy, setError, setResult, run } = runState;
  const { sources, refresh: refreshSources } = useSourceList(say, setError);

  const [choices, setChoices] = React.useState<Record<AuditRole, SourceChoice>>({
    base: NO_CHOICE,
    adjusted: NO_CHOICE,
    volume: NO_CHOICE,
  });
  const [useAdjusted, setUseAdjusted] = React.useState(false);
  const [useVolume, setUseVolume] = React.useState(false);
  const [reads, setReads] = React.useState<Partial<Record<AuditRole, Read>>>({});
  const [form, setForm] = React.useState<AuditForm>(DEFAULT_AUDIT_FORM);

  const enabled = (role: AuditRole) => role === "base" || (role === "adjusted" ? useAdjusted : useVolume);
  const setChoice = (role: AuditRole, change: Partial<SourceChoice>) =>
    setChoices((c) => ({ ...c, [role]: { ...c[role], ...change } }));
  /** The values read for a role, when they were read from the source now chosen. */
  const current = (role: AuditRole): Read | undefined => {
    const r = reads[role];
    return r && r.key === sourceKey(sourceOfChoice(choices[role])) ? r : undefined;
  };

  const onRead = (role: AuditRole) =>
    run(async () => {
      const source = sourceOfChoice(choices[role]);
      setBusy({ label: A("phaseReading", { source: roleName(role, lang, useAdjusted) }), progress: 0 });
      const data = await Excel.run((context) =>
        readSource(context, source, {
          onProgress: (done, total) =>
            setBusy({
              label: A("phaseReading", { source: roleName(role, lang, useAdjusted) }),
              progress: total > 0 ? done / total : 1,
            }),
          isCancelled: runState.isCancelled,
        }),
      );
      // Parsed at once, so a wrong range shows its error now and the status says what was found.
      const read: Read = { key: sourceKey(source), data };
      if (role === "volume") read.volume = auditVolumeOf(data);
      else read.table = auditTableOf(data);
      setReads((r) => ({ ...r, [role]: read }));
    });

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
        ask: runState.ask,
        onProgress: (label, progress) => setBusy({ label, progress }),
        isCancelled: runState.isCancelled,
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
      setResult(auditSummaryLines(built, lang, (Date.now() - started) / 1000));
    });

  const picker = (role: AuditRole, hint: AuditStringKey) => {
    const c = choices[role];
    return (
      <>
        <Caption1 className={styles.muted}>{A(hint)}</Caption1>
        <SourcePicker
          choice={c}
          onChange={(next) => setChoice(role, next)}
          sources={sources}
          onRefresh={() => void refreshSources()}
          say={say}
          testId={`audit-${role}`}
          ariaLabel={roleName(role, lang, useAdjusted)}
        />
        <div className={styles.buttons}>
          <Button onClick={() => onRead(role)} disabled={busy !== null} data-testid={`audit-read-${role}`}>
            {current(role) ? A("readAgain") : A("read")}
          </Button>
        </div>
        <AuditSourceStatus say={say} role={role} read={current(role)} />
      </>
    );
  };

  return {
    styles,
    say,
    A,
    runState,
    busy,
    setBusy,
    setError,
    setResult,
    run,
    sources,
    refreshSources,
    choices,
    setChoices,
    useAdjusted,
    setUseAdjusted,
    useVolume,
    setUseVolume,
    reads,
    setReads,
    form,
    setForm,
    enabled,
    setChoice,
    current,
    onRead,
    onBuild,
    picker,
  };
}

function AuditBaseSection({ s }: { s: AuditSession }) {
  const { styles, say, useAdjusted, picker } = s;
  return (
    <section className={styles.section} aria-labelledby="audit-base-heading">
      <Subtitle2 id="audit-base-heading">{roleName("base", say.lang, useAdjusted)}</Subtitle2>
      {picker("base", "baseHint")}
    </section>
  );
}

function AuditAdjustedSection({ s }: { s: AuditSession }) {
  const { styles, A, useAdjusted, setUseAdjusted, enabled, picker } = s;
  return (
    <section className={styles.section} aria-labelledby="audit-adjusted-heading">
      <Subtitle2 id="audit-adjusted-heading">{A("adjusted")}</Subtitle2>
      <Checkbox
        checked={useAdjusted}
        onChange={(_, d) => setUseAdjusted(d.checked === true)}
        label={A("useAdjusted")}
        data-testid="audit-use-adjusted"
      />
      {enabled("adjusted") && picker("adjusted", "adjustedHint")}
    </section>
  );
}

function AuditVolumeSection({ s }: { s: AuditSession }) {
  const { styles, A, useVolume, setUseVolume, enabled, picker } = s;
  return (
    <section className={styles.section} aria-labelledby="audit-volume-heading">
      <Subtitle2 id="audit-volume-heading">{A("volume")}</Subtitle2>
      <Checkbox
        checked={useVolume}
        onChange={(_, d) => setUseVolume(d.checked === true)}
        label={A("useVolume")}
        data-testid="audit-use-volume"
      />
      {enabled("volume") && picker("volume", "volumeHint")}
    </section>
  );
}

function AuditSettingsSection({ s }: { s: AuditSession }) {
  const { styles, A, form, setForm } = s;
  return (
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
  );
}

/** What was read for a source: the groups and columns of a table, the rows and units of a volume. */
function AuditSourceStatus({ say, role, read }: { say: Texts; role: AuditRole; read: Read | undefined }) {
  if (!read) return null;
  const A = say.audit;
  if (read.volume) {
    const units = read.volume.units.map((u) => AUDIT_LABELS[u.dimension][say.lang]).join(say.listSeparator);
    return (
      <Caption1 data-testid={`audit-status-${role}`}>
        {A("volumeRead", { rows: read.volume.rowsRead.toLocaleString(), address: read.data.address })}
        {" · "}
        {units ? A("volumeUnits", { units }) : A("volumeNoUnits")}
      </Caption1>
    );
  }
  const t = read.table!;
  return (
    <Caption1 data-testid={`audit-status-${role}`}>
      {A("tableRead", {
        groups: t.groups.toLocaleString(),
        rows: t.rowsRead.toLocaleString(),
        address: read.data.address,
      })}
      {" · "}
      {A("tableColumns", { code: t.columns.code, weight: t.columns.weight })}
      {t.columns.name ? A("tableNames", { name: t.columns.name }) : ""}
    </Caption1>
  );
}
