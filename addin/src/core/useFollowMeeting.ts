import { useEffect } from "react";
import type { Api } from "./api";

/**
 * Follows the meeting live (core/live.ts) while the component is on screen. The channel's code loads after the first
 * view, never before it. `onChange` should keep its identity between renders (useCallback).
 */
export function useFollowMeeting(api: Api, meetingId: string, onChange: () => void): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let done = false;
    void import("./live").then(({ followMeeting }) => {
      if (!done) {
        stop = followMeeting(api, meetingId, { onChange });
      }
    });
    return () => {
      done = true;
      stop?.();
    };
  }, [api, meetingId, onChange]);
}
