import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useI18n } from "../../core/I18nProvider";
import { useStyles } from "../../core/ui/styles";
import type { NotOneOnOneReason } from "../boot";

const titles = { notOneOnOne: "notOneOnOneTitle", notInCalendar: "notInCalendarTitle", unsaved: "unsavedTitle" } as const;
const fallbacks = { notOneOnOne: "notOneOnOneUnreadable", notInCalendar: "notInCalendarDetail", unsaved: "unsavedDetail" } as const;

/**
 * The event cannot be a 1-on-1 here: not between exactly two people of the organisation, not in the person's calendar, or
 * not saved yet. Say why (the server's reason where it gave one) and what would make it work.
 */
export function NotOneOnOne({ reason, detail, onRetry }: { reason: NotOneOnOneReason; detail: string | null; onRetry: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(titles[reason])}</MessageBarTitle> {detail ?? t(fallbacks[reason])}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry}>{t("retry")}</Button>
        </MessageBarActions>
      </MessageBar>
      <Text as="p">{t("notOneOnOneHelp")}</Text>
    </main>
  );
}
