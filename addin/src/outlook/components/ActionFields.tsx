import { Field, Input, Select } from "@fluentui/react-components";
import { useI18n } from "../../core/I18nProvider";
import type { Participant } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import type { ActionChange } from "./PreviousActions";

/** What an action says, who owns it (one of the two) and by when: the same fields to add an action and to edit one. */
export function ActionFields({
  value,
  participants,
  onChange,
  autoFocus = false,
}: {
  value: ActionChange;
  participants: Participant[];
  onChange: (value: ActionChange) => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <Field label={t("newActionText")}>
        <Input value={value.text} maxLength={500} autoFocus={autoFocus} onChange={(_, data) => onChange({ ...value, text: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field label={t("newActionOwner")} className={styles.grow}>
          <Select value={value.ownerId} onChange={(_, data) => onChange({ ...value, ownerId: data.value })}>
            {participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("newActionDue")} className={styles.grow}>
          <Input type="date" value={value.dueDate ?? ""} onChange={(_, data) => onChange({ ...value, dueDate: data.value || null })} />
        </Field>
      </div>
    </>
  );
}
