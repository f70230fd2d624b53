import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useI18n } from "../../core/I18nProvider";
import { useStyles } from "../../core/ui/styles";

/** The event is not between exactly two people: say why (the server's reason) and what would make it a 1-on-1. */
export function NotOneOnOne({ detail, onRetry }: { detail: string | null; onRetry: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("notOneOnOneTitle")}</MessageBarTitle> {detail ?? t("notOneOnOneUnreadable")}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry}>{t("retry")}</Button>
        </MessageBarActions>
      </MessageBar>
      <Text as="p">{t("notOneOnOneHelp")}</Text>
    </main>
  );
}
