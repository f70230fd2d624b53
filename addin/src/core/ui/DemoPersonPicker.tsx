import { Button, Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../I18nProvider";
import type { DemoPerson } from "../types";
import { useStyles } from "./styles";

/** Development mode, when the pane does not know which demo person this is (Outlook's user is not one; Word does not say): choose one. */
export default function DemoPersonPicker({ people, onChoose }: { people: DemoPerson[]; onChoose: (email: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [email, setEmail] = useState(people[0]?.email ?? "");
  return (
    <main className={styles.page}>
      <h1 className={styles.heading}>{t("signInTitle")}</h1>
      <p>{t("signInHelp")}</p>
      <form
        className={styles.section}
        onSubmit={(event) => {
          event.preventDefault();
          onChoose(email);
        }}
      >
        <Field label={t("signInPerson")}>
          <Select value={email} onChange={(_, data) => setEmail(data.value)}>
            {people.map((p) => (
              <option key={p.email} value={p.email}>
                {p.displayName} ({p.email})
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button appearance="primary" type="submit">
            {t("signInContinue")}
          </Button>
        </div>
      </form>
    </main>
  );
}
