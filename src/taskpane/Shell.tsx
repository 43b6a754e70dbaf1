/**
 * The taskpane's four views as tabs: the four-quadrant and incentive report, the weight
 * audit, trends and quality, and the DRG payment profit and loss. Every view stays mounted while hidden, so switching tabs
 * keeps what the user has read and set.
 */
import * as React from "react";
import { FluentProvider, Tab, TabList, makeStyles, webLightTheme } from "@fluentui/react-components";
import { Lang } from "../engine/text";
import { QuadrantView } from "./QuadrantView";
import { AuditView } from "./AuditView";
import { StringKey, paneText } from "./i18n";
import { PaymentView } from "./PaymentView";
import { TrendsView } from "./TrendsView";

type View = "quadrant" | "audit" | "trends" | "payment";

const VIEWS: { id: View; label: StringKey }[] = [
  { id: "quadrant", label: "viewQuadrant" },
  { id: "audit", label: "viewAudit" },
  { id: "trends", label: "viewTrends" },
  { id: "payment", label: "viewPayment" },
];

const useStyles = makeStyles({
  // Wraps rather than scrolls when a narrow pane (320 px and up) cannot hold the four tabs.
  tabs: { padding: "4px 8px 0", flexWrap: "wrap" },
});

export function Shell({ lang }: { lang: Lang }) {
  const styles = useStyles();
  const [view, setView] = React.useState<View>("quadrant");
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={paneText(lang, "views")}
        selectedValue={view}
        onTabSelect={(_, data) => setView(data.value as View)}
      >
        {VIEWS.map((v) => (
          <Tab key={v.id} value={v.id}>
            {paneText(lang, v.label)}
          </Tab>
        ))}
      </TabList>
      <div hidden={view !== "quadrant"}>
        <QuadrantView lang={lang} />
      </div>
      <div hidden={view !== "audit"}>
        <AuditView lang={lang} />
      </div>
      <div hidden={view !== "trends"}>
        <TrendsView lang={lang} />
      </div>
      <div hidden={view !== "payment"}>
        <PaymentView lang={lang} />
      </div>
    </FluentProvider>
  );
}
