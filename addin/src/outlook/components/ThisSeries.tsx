import { Button, Field, Select } from "@fluentui/react-components";
import { useId } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { PaneData } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import { fill } from "../../core/i18n";
import { moreTexts } from "../moreTexts";

/**
 * The 1-on-1 as a whole: who is the manager and who the report (swapped when the calendar got it the wrong way
 * round), and the agenda template from the organisation's guide, whose standing items go on every new meeting's
 * agenda (not this one's). Either person may change both.
 */
export function ThisSeries({
  pane,
  onSwapRoles,
  onChooseTemplate,
}: {
  pane: PaneData;
  onSwapRoles: () => Promise<boolean>;
  onChooseTemplate: (templateKey: string | null) => Promise<boolean>;
}) {
  const { language } = useI18n();
  const styles = useStyles();
  const texts = moreTexts(language);
  const id = useId();
  const name = (role: string) => pane.participants.find((p) => p.role === role)?.displayName ?? "";
  const chosen = pane.templates.find((template) => template.key === pane.templateKey);
  return (
    <section className={styles.section} aria-labelledby={id} data-testid="this-series">
      <h2 id={id} className={styles.heading}>
        {texts.seriesTitle}
      </h2>
      <div className={styles.row}>
        <span className={styles.grow}>{fill(texts.roles, { manager: name("Manager"), report: name("Report") })}</span>
        <Button size="small" onClick={() => void onSwapRoles()}>
          {texts.swapRoles}
        </Button>
      </div>
      {pane.templates.length > 0 && (
        <Field
          label={texts.templateChoose}
          hint={chosen ? fill(texts.templateStanding, { items: chosen.standingItems.join("; ") }) : texts.templateNone}
          data-testid="agenda-template"
        >
          <Select value={pane.templateKey ?? ""} onChange={(_, data) => void onChooseTemplate(data.value === "" ? null : data.value)}>
            <option value="">{texts.templateNoneOption}</option>
            {pane.templates.map((template) => (
              <option key={template.key} value={template.key}>
                {template.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </section>
  );
}
