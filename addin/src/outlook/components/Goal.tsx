import { Field, Input } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { useI18n } from "../../core/I18nProvider";

/** The meeting's goal, saved when the field is left or Enter is pressed. */
export function Goal({ goal, onSave }: { goal: string | null; onSave: (goal: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [text, setText] = useState(goal ?? "");
  const id = useId();
  useEffect(() => setText(goal ?? ""), [goal]);

  const save = () => {
    if (text.trim() !== (goal ?? "")) {
      void onSave(text.trim());
    }
  };
  return (
    <section aria-labelledby={id}>
      <Field label={{ children: t("goalLabel"), id }}>
        <Input
          value={text}
          placeholder={t("goalPlaceholder")}
          maxLength={300}
          onChange={(_, data) => setText(data.value)}
          onBlur={save}
          onKeyDown={(event) => event.key === "Enter" && save()}
        />
      </Field>
    </section>
  );
}
