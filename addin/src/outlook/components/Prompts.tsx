import { Button } from "@fluentui/react-components";
import { Add16Regular, Checkmark16Regular } from "@fluentui/react-icons";
import { useId } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { PaneData } from "../../core/types";
import { useStyles } from "../../core/ui/styles";

/** Feedback prompts for the caller's role; one click puts one on the agenda. */
export function Prompts({ pane, onAdd }: { pane: PaneData; onAdd: (promptKey: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const onAgenda = new Set(pane.agenda.map((item) => item.promptKey).filter(Boolean));
  if (pane.prompts.length === 0) {
    return null;
  }
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {pane.meeting.myRole === "Manager" ? t("promptsTitleManager") : t("promptsTitleReport")}
      </h2>
      <ul className={styles.list} data-testid="prompts">
        {pane.prompts.map((prompt) => {
          const added = onAgenda.has(prompt.key);
          return (
            <li key={prompt.key} className={styles.item}>
              <span className={styles.itemBody}>{prompt.text}</span>
              <Button
                size="small"
                icon={added ? <Checkmark16Regular /> : <Add16Regular />}
                disabled={added}
                aria-label={added ? undefined : t("promptAddLabel", { text: prompt.text })}
                onClick={() => void onAdd(prompt.key)}
              >
                {added ? t("promptOnAgenda") : t("promptAdd")}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
