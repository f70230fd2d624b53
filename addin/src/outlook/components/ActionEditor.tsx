import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { ActionItem, Participant } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import { moreTexts } from "../moreTexts";
import type { ActionChange } from "./PreviousActions";

/** Changes an action's text, owner or due date (PATCH /api/actions/{id}): loaded when the person asks to edit one. */
export default function ActionEditor({
  action,
  participants,
  onSave,
  onClose,
}: {
  action: ActionItem;
  participants: Participant[];
  onSave: (change: ActionChange) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const texts = moreTexts(language);
  const [text, setText] = useState(action.text);
  const [ownerId, setOwnerId] = useState(action.ownerId);
  const [due, setDue] = useState(action.dueDate ?? "");
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!text.trim() || busy) {
      return;
    }
    setBusy(true);
    const saved = await onSave({ text: text.trim(), ownerId, dueDate: due || null });
    setBusy(false);
    // A failure keeps the form as typed; the pane's problem bar says why.
    if (saved) {
      onClose();
    }
  };

  return (
    <form
      className={styles.section}
      data-testid="action-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={t("newActionText")}>
        <Input value={text} maxLength={500} autoFocus onChange={(_, data) => setText(data.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t("newActionOwner")} className={styles.grow}>
          <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
            {participants.map((p) => (
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
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy || !text.trim()}>
          {texts.save}
        </Button>
        <Button type="button" onClick={onClose}>
          {texts.cancel}
        </Button>
      </div>
    </form>
  );
}
