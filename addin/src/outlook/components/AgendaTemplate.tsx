import { Field, Select } from "@fluentui/react-components";
import { useId } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { PaneData } from "../../core/types";
import { useStyles } from "../../core/ui/styles";

/**
 * The agenda template of this 1-on-1, from the organisation's guide: either person chooses it, and its standing items
 * go on every new meeting's agenda (not this one's). Hidden when the organisation has no templates.
 */
export function AgendaTemplate({ pane, onChoose }: { pane: PaneData; onChoose: (templateKey: string | null) => Promise<boolean> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  if (pane.templates.length === 0) {
    return null;
  }
  const chosen = pane.templates.find((template) => template.key === pane.templateKey);
  return (
    <section className={styles.section} aria-labelledby={id} data-testid="agenda-template">
      <h2 id={id} className={styles.heading}>
        {t("templateTitle")}
      </h2>
      <Field label={t("templateChoose")} hint={chosen ? t("templateStanding", { items: chosen.standingItems.join("; ") }) : t("templateNone")}>
        <Select value={pane.templateKey ?? ""} onChange={(_, data) => void onChoose(data.value === "" ? null : data.value)}>
          <option value="">{t("templateNoneOption")}</option>
          {pane.templates.map((template) => (
            <option key={template.key} value={template.key}>
              {template.name}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}
