import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { ActionItem, Participant } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import { moreTexts } from "../moreTexts";
import { ActionFields } from "./ActionFields";
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
  const { language } = useI18n();
  const styles = useStyles();
  const texts = moreTexts(language);
  const [value, setValue] = useState<ActionChange>({ text: action.text, ownerId: action.ownerId, dueDate: action.dueDate });
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!value.text.trim() || busy) {
      return;
    }
    setBusy(true);
    const saved = await onSave({ ...value, text: value.text.trim() });
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
      <ActionFields value={value} participants={participants} onChange={setValue} autoFocus />
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy || !value.text.trim()}>
          {texts.save}
        </Button>
        <Button type="button" onClick={onClose}>
          {texts.cancel}
        </Button>
      </div>
    </form>
  );
}
