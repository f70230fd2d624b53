import { Button, Text } from "@fluentui/react-components";
import { ArrowClockwise20Regular } from "@fluentui/react-icons";
import { formatMeetingTime } from "../format";
import { useI18n } from "../I18nProvider";
import type { PaneData } from "../types";
import { useStyles } from "./styles";

export function Header({ pane, onRefresh }: { pane: PaneData; onRefresh: () => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const other = pane.participants.find((p) => !p.isMe);
  return (
    <header className={styles.header}>
      <div className={styles.grow}>
        <h1 className={styles.heading} data-testid="pane-title">
          {t("headerWith", { name: other?.displayName ?? "" })}
        </h1>
        <Text as="p" block className={styles.meta}>
          {pane.meeting.myRole === "Manager" ? t("roleManager") : t("roleReport")} ·{" "}
          <time dateTime={pane.meeting.start}>{formatMeetingTime(pane.meeting.start, pane.meeting.end, locale)}</time>
        </Text>
      </div>
      <Button appearance="subtle" icon={<ArrowClockwise20Regular />} aria-label={t("refresh")} title={t("refresh")} onClick={onRefresh} />
    </header>
  );
}
