import { Button } from "@fluentui/react-components";
import { useId, useState } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { PaneData } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import { ActionFields } from "./ActionFields";
import { ActionRow, type ActionChange, type ActionRowContext } from "./PreviousActions";

/** Action items agreed in this meeting: what, who (one of the two), and optionally by when. */
export function NewActions({
  pane,
  onAdd,
  context,
}: {
  pane: PaneData;
  onAdd: (text: string, ownerId: string, dueDate: string | null) => Promise<boolean>;
  context: ActionRowContext;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const me = pane.participants.find((p) => p.isMe);
  const [value, setValue] = useState<ActionChange>({ text: "", ownerId: me?.id ?? pane.participants[0]?.id ?? "", dueDate: null });
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (!value.text.trim() || busy) {
      return;
    }
    setBusy(true);
    if (await onAdd(value.text.trim(), value.ownerId, value.dueDate)) {
      setValue((current) => ({ ...current, text: "", dueDate: null }));
    }
    setBusy(false);
  };

  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t("newActionsTitle")}
      </h2>
      {pane.newActions.length === 0 ? (
        <p className={styles.muted}>{t("newActionsEmpty")}</p>
      ) : (
        <ul className={styles.list} data-testid="new-actions">
          {pane.newActions.map((action) => (
            <ActionRow key={action.id} action={action} context={context} />
          ))}
        </ul>
      )}
      <form
        className={styles.section}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <ActionFields value={value} participants={pane.participants} onChange={setValue} />
        <div>
          <Button type="submit" disabled={busy || !value.text.trim()}>
            {t("newActionAdd")}
          </Button>
        </div>
      </form>
    </section>
  );
}
