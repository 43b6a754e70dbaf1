/**
 * What every view of the taskpane is framed by: its title and introduction, its sections (the
 * children), the run panel at its foot and the question about same-named sheets.
 */
import * as React from "react";
import { Body1, Divider, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";
import { ConflictDialog } from "./ConflictDialog";
import { RunPanel, RunPanelProps } from "./RunPanel";
import { useViewStyles } from "./viewStyles";

/** The keys every view's string table has for its frame. */
type FrameTextKey = "title" | "intro" | "build" | "failed" | "resultTitle";

export interface ViewFrameProps extends Omit<RunPanelProps, "buildLabel" | "failedTitle" | "resultTitle"> {
  /** Test id of the view's root. */
  testId: string;
  /** The view's own string lookup: the frame takes its title, introduction and panel labels from it. */
  texts: (key: FrameTextKey) => string;
  children: React.ReactNode;
}

export function ViewFrame({ testId, texts, children, ...rest }: ViewFrameProps) {
  const styles = useViewStyles();
  const panel: RunPanelProps = {
    ...rest,
    buildLabel: texts("build"),
    failedTitle: texts("failed"),
    resultTitle: texts("resultTitle"),
  };
  return (
    <FluentProvider theme={webLightTheme} lang={panel.say.lang === "zh" ? "zh-CN" : "en-US"}>
      <div className={styles.root} data-testid={testId}>
        <Title3>{texts("title")}</Title3>
        <Body1 className={styles.muted}>{texts("intro")}</Body1>
        <Divider />
        {children}
        <Divider />
        <RunPanel {...panel} />
      </div>

      <ConflictDialog run={panel.run} say={panel.say} testIds={panel.testIds} />
    </FluentProvider>
  );
}
