import { useEffect, useRef, useState } from "react";
import type { Api } from "./api";
import type { PresentPerson } from "./live";

/**
 * Follows the meeting live (core/live.ts) while the component is on screen, and answers who has it open. The channel's
 * code loads after the first view, never before it; a new `onChange` on a later render is used without reconnecting.
 */
export function useFollowMeeting(api: Api, meetingId: string, onChange: () => void): PresentPerson[] {
  const [present, setPresent] = useState<PresentPerson[]>([]);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    let stop: (() => void) | null = null;
    let done = false;
    setPresent([]);
    void import("./live").then(({ followMeeting }) => {
      if (!done) {
        stop = followMeeting(api, meetingId, { onChange: () => changed.current(), onPresence: setPresent });
      }
    });
    return () => {
      done = true;
      stop?.();
    };
  }, [api, meetingId]);
  return present;
}
