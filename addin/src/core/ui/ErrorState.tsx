import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { describeError, errorTitle } from "../errors";
import { useI18n } from "../I18nProvider";
import { useStyles } from "./styles";

/**
 * The pane could not be shown: say what happened (not found, offline, signed out, the server failed) and offer to try
 * again (never a blank pane or an endless spinner).
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{errorTitle(error, t)}</MessageBarTitle> {describeError(error, t)}
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
