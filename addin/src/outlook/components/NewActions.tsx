import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useId, useState } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { PaneData } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import { ActionRow, type ActionRowContext } from "./PreviousActions";

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
  const [text, setText] = useState("");
  const [ownerId, setOwnerId] = useState(me?.id ?? pane.participants[0]?.id ?? "");
  const [due, setDue] = useState("");
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (!text.trim() || busy) {
      return;
    }
    setBusy(true);
    if (await onAdd(text.trim(), ownerId, due || null)) {
      setText("");
      setDue("");
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
        <Field label={t("newActionText")}>
          <Input value={text} maxLength={500} onChange={(_, data) => setText(data.value)} />
        </Field>
        <div className={styles.row}>
          <Field label={t("newActionOwner")} className={styles.grow}>
            <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
              {pane.participants.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("newActionDue")} className={styles.grow}>
            <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
          </Field>
        </div>
        <div>
          <Button type="submit" disabled={busy || !text.trim()}>
            {t("newActionAdd")}
          </Button>
        </div>
      </form>
    </section>
  );
}
