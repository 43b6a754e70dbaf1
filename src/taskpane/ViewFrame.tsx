/**
 * What every view of the taskpane is framed by: its title and introduction, its sections (the
 * children), the run panel at its foot and the question about same-named sheets.
 */
import * as React from "react";
import { Body1, Divider, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";
import { ConflictDialog } from "./ConflictDialog";
import { RunPanel, RunPanelProps } from "./RunPanel";
import { useViewStyles } from "./viewStyles";

export interface ViewFrameProps extends RunPanelProps {
  /** Test id of the view's root. */
  testId: string;
  title: string;
  intro: string;
  children: React.ReactNode;
}

export function ViewFrame({ testId, title, intro, children, ...panel }: ViewFrameProps) {
  const styles = useViewStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={panel.say.lang === "zh" ? "zh-CN" : "en-US"}>
      <div className={styles.root} data-testid={testId}>
        <Title3>{title}</Title3>
        <Body1 className={styles.muted}>{intro}</Body1>
        <Divider />
        {children}
        <Divider />
        <RunPanel {...panel} />
      </div>

      <ConflictDialog run={panel.run} say={panel.say} testIds={panel.testIds} />
    </FluentProvider>
  );
}
