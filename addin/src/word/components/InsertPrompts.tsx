import { Button, makeStyles, Text } from "@fluentui/react-components";
import { TextAdd20Regular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { PaneData } from "../../core/types";
import { useStyles } from "../../core/ui/styles";

// The button keeps its label whole beside a long prompt.
const useLocalStyles = makeStyles({ button: { flexShrink: 0 } });

/** This conversation's feedback prompts for the caller's role; one click puts one in the notes at the cursor. */
export function InsertPrompts({ pane, insert }: { pane: PaneData; insert: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const local = useLocalStyles();
  const id = useId();
  const [status, setStatus] = useState("");
  if (pane.prompts.length === 0) {
    return null;
  }
  const put = async (text: string) => {
    try {
      await insert(text);
      setStatus(t("wordInserted", { text }));
    } catch (error) {
      setStatus(t("wordInsertFailed", { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {pane.meeting.myRole === "Manager" ? t("promptsTitleManager") : t("promptsTitleReport")}
      </h2>
      <Text as="p" className={styles.meta}>
        {t("wordPromptsHelp")}
      </Text>
      <ul className={styles.list} data-testid="prompts">
        {pane.prompts.map((prompt) => (
          <li key={prompt.key} className={styles.item}>
            <span className={styles.itemBody}>{prompt.text}</span>
            <Button size="small" className={local.button} icon={<TextAdd20Regular />} aria-label={t("wordInsertLabel", { text: prompt.text })} onClick={() => void put(prompt.text)}>
              {t("wordInsert")}
            </Button>
          </li>
        ))}
      </ul>
      <Text as="p" role="status" className={styles.meta}>
        {status}
      </Text>
    </section>
  );
}
