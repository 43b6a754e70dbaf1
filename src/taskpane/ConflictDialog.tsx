/**
 * The question before a build writes over same-named sheets: replace them (offered only when
 * they are an earlier CaseMix report), write with a suffix, or cancel.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { Texts } from "./texts";
import { ReportRun } from "./useReportRun";

export function ConflictDialog({ run, say, testIds }: { run: ReportRun; say: Texts; testIds: string }) {
  const { conflict, answer } = run;
  return (
    <Dialog open={conflict !== null} onOpenChange={(_, d) => !d.open && answer(null)}>
      <DialogSurface data-testid={`${testIds}conflict`}>
        <DialogBody>
          <DialogTitle>{say.pane("conflictTitle")}</DialogTitle>
          <DialogContent>
            {conflict &&
              say.pane(conflict.ours ? "conflictOurs" : "conflictNotOurs", {
                sheets: conflict.sheets.map((s) => `“${s}”`).join(say.listSeparator),
                suffix: conflict.suffix,
              })}
          </DialogContent>
          <DialogActions>
            {conflict?.ours && (
              <Button appearance="primary" onClick={() => answer("replace")} data-testid={`${testIds}replace`}>
                {say.pane("replace")}
              </Button>
            )}
            <Button
              appearance={conflict?.ours ? "secondary" : "primary"}
              onClick={() => answer("suffix")}
              data-testid={`${testIds}suffix`}
            >
              {say.pane("writeSuffix", { suffix: conflict?.suffix ?? "" })}
            </Button>
            <Button onClick={() => answer(null)}>{say.pane("cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
