import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { describeError } from "../errors";
import { useI18n } from "../I18nProvider";
import { useStyles } from "./styles";

/** The backend is down, slow or failing: say so and offer to try again (never a blank pane or an endless spinner). */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t("errorTitle")}</MessageBarTitle> {describeError(error, t)}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onRetry}>
            {t("retry")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </main>
  );
}
