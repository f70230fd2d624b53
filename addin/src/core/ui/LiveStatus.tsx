import { useI18n } from "../I18nProvider";
import type { FollowedMeeting } from "../useFollowMeeting";
import { useStyles } from "./styles";

/**
 * Who else has the meeting open, and (for screen readers, politely) that the other person just changed it: what a
 * sighted person notices as the pane changes under their eyes.
 */
export function LiveStatus({ live }: { live: FollowedMeeting }) {
  const { t } = useI18n();
  const styles = useStyles();
  const names = live.others.map((p) => p.name);
  return (
    <div aria-live="polite">
      {names.length > 0 && (
        <p className={styles.muted} data-testid="also-open">
          {t("alsoOpen", { names: names.join(", ") })}
        </p>
      )}
      {live.changedBy && (
        <p key={live.changedBy.count} className={styles.visuallyHidden} data-testid="changed-by">
          {t("changedBy", { name: live.changedBy.name })}
        </p>
      )}
    </div>
  );
}
