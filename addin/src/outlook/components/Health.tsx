import { tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useI18n } from "../../core/I18nProvider";
import type { SeriesHealth } from "../../core/types";
import { useStyles } from "../../core/ui/styles";

/** A glance at the series: a dot per meeting held, and one bar of how the action items went. */
export function Health({ health }: { health: SeriesHealth }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const late = health.actionsDone - health.actionsDoneOnTime;
  const openInTime = health.actionsOpen - health.actionsOverdue;
  const parts = [
    { value: health.actionsDoneOnTime, color: tokens.colorPaletteGreenBackground3, label: t("healthOnTime") },
    { value: late, color: tokens.colorPaletteMarigoldBackground3, label: t("healthLate") },
    { value: openInTime, color: tokens.colorNeutralBackground5, label: t("healthOpen") },
    { value: health.actionsOverdue, color: tokens.colorPaletteRedBackground3, label: t("healthOverdue") },
  ];
  const total = Math.max(1, health.actionsTotal);
  const meetings = t(health.meetingsHeld === 1 ? "healthMeetingsOne" : "healthMeetingsMany", { count: health.meetingsHeld });
  const summary =
    health.actionsTotal === 0
      ? t("healthNoActions")
      : t("healthActions", { onTime: health.actionsDoneOnTime, done: health.actionsDone, open: health.actionsOpen, overdue: health.actionsOverdue });
  const shownDots = Math.min(health.meetingsHeld, 24);

  let x = 0;
  return (
    <section className={styles.section} aria-labelledby={id} data-testid="health">
      <h2 id={id} className={styles.heading}>
        {t("healthTitle")}
      </h2>
      <svg width="100%" height="14" viewBox="0 0 240 14" preserveAspectRatio="xMinYMid meet" role="img" aria-label={meetings}>
        {Array.from({ length: shownDots }, (_, i) => (
          <circle key={i} cx={7 + i * 10} cy={7} r={4} fill={tokens.colorBrandBackground} />
        ))}
      </svg>
      <span className={styles.meta}>{meetings}</span>
      <svg width="100%" height="12" viewBox="0 0 240 12" preserveAspectRatio="none" role="img" aria-label={summary}>
        <rect x={0} y={0} width={240} height={12} rx={3} fill={tokens.colorNeutralBackground3} />
        {parts.map((part) => {
          const width = (part.value / total) * 240;
          const rect = part.value > 0 ? <rect key={part.label} x={x} y={0} width={width} height={12} fill={part.color} /> : null;
          x += width;
          return rect;
        })}
      </svg>
      <span className={styles.meta}>{summary}</span>
      <div className={styles.row} aria-hidden="true">
        {parts.map((part) => (
          <span key={part.label} className={styles.meta}>
            <span style={{ display: "inline-block", width: 10, height: 10, borderRadius: 2, background: part.color, marginRight: 4 }} />
            {part.label}
          </span>
        ))}
      </div>
    </section>
  );
}
