import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useI18n } from "../../core/I18nProvider";
import type { PaneMeeting } from "../../core/types";

/** What the calendar says about this meeting when it is not simply on: cancelled, or its follow-ups paused or ended. */
export function CalendarNotice({ meeting }: { meeting: PaneMeeting }) {
  const { t } = useI18n();
  const message =
    meeting.status === "Cancelled"
      ? t("calendarCancelled")
      : meeting.calendarState === "Paused"
        ? t("calendarPaused")
        : meeting.calendarState === "Ended"
          ? t("calendarEnded")
          : null;
  return message ? (
    <MessageBar intent="warning" layout="multiline" data-testid="calendar-notice">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  ) : null;
}
