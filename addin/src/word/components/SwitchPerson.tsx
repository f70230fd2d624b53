import { Button, Text } from "@fluentui/react-components";
import { useI18n } from "../../core/I18nProvider";
import { useStyles } from "../../core/ui/styles";
import type { BootChoice } from "../boot";

/**
 * Development mode only. Word does not say who its user is, so the pane remembers the demo person chosen last; this
 * lets one be someone else (the other participant, say).
 */
export function SwitchPerson({ name, restart }: { name: string | null; restart: (choice?: BootChoice) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.row}>
      {name && <Text className={styles.meta}>{t("wordSignedInAs", { name })}</Text>}
      <Button size="small" appearance="subtle" onClick={() => restart({ choosePerson: true })}>
        {t("wordSwitchPerson")}
      </Button>
    </div>
  );
}
