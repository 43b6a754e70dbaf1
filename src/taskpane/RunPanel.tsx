/**
 * The foot of every view: Build (and Cancel while it runs), the progress, the error, notice or
 * result of the last run, the version. `testIds` prefixes the test ids ("" for the quadrant
 * view, "audit-", "trends-").
 */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import { VERSION } from "./version";
import { Texts } from "./texts";
import { ReportRun } from "./useReportRun";
import { useViewStyles } from "./viewStyles";

export interface RunPanelProps {
  run: ReportRun;
  say: Texts;
  testIds: string;
  onBuild: () => void;
  buildLabel: string;
  failedTitle: string;
  resultTitle: string;
}

export function RunPanel({ run, say, testIds, onBuild, buildLabel, failedTitle, resultTitle }: RunPanelProps) {
  const styles = useViewStyles();
  const { busy, error, notice, result } = run;
  return (
    <>
      <section className={styles.section} aria-live="polite">
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={onBuild} disabled={busy !== null} data-testid={`${testIds}build`}>
            {buildLabel}
          </Button>
          {busy !== null && (
            <Button onClick={run.cancel} disabled={run.cancelling} data-testid={`${testIds}cancel`}>
              {run.cancelling ? say.pane("cancelling") : say.pane("cancel")}
            </Button>
          )}
        </div>
        {busy !== null && (
          <Field validationMessage={busy.label} validationState="none" data-testid={`${testIds}progress`}>
            <ProgressBar value={busy.progress} max={1} thickness="large" />
          </Field>
        )}
        {error !== undefined && (
          <MessageBar intent="error" data-testid={`${testIds}error`}>
            <MessageBarBody>
              <MessageBarTitle>{failedTitle}</MessageBarTitle>
              <span style={{ whiteSpace: "pre-wrap" }}>{error}</span>
            </MessageBarBody>
          </MessageBar>
        )}
        {notice !== undefined && (
          <MessageBar intent="warning" data-testid={`${testIds}notice`}>
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {result !== undefined && (
          <MessageBar intent="success" layout="multiline" data-testid={`${testIds}result`}>
            <MessageBarBody>
              <MessageBarTitle>{resultTitle}</MessageBarTitle>
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
    </>
  );
}
