import { useEffect, useRef, useState } from "react";
import type { Api } from "./api";
import type { PresentPerson } from "./live";
import type { Participant } from "./types";

export interface FollowedMeeting {
  /** The other people who have the meeting open now (never the person themselves). */
  others: PresentPerson[];
  /** The last change the other person made, to announce (a count, so that the same name is announced again). */
  changedBy: { name: string; count: number } | null;
}

/**
 * Follows the meeting live (core/live.ts) while the component is on screen: reads again on every change, and answers
 * who else has it open and the other person's last change. The channel's code loads after the first view, never
 * before it; a new `onChange` or participant list on a later render is used without reconnecting.
 */
export function useFollowMeeting(api: Api, meetingId: string, participants: Participant[], onChange: () => void): FollowedMeeting {
  const [present, setPresent] = useState<PresentPerson[]>([]);
  const [changedBy, setChangedBy] = useState<FollowedMeeting["changedBy"]>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const people = useRef(participants);
  people.current = participants;
  useEffect(() => {
    let stop: (() => void) | null = null;
    let done = false;
    setPresent([]);
    void import("./live").then(({ followMeeting }) => {
      if (done) {
        return;
      }
      stop = followMeeting(api, meetingId, {
        onChange: (by) => {
          changed.current();
          const other = people.current.find((p) => !p.isMe && by.includes(p.id));
          if (other) {
            setChangedBy((last) => ({ name: other.displayName, count: (last?.count ?? 0) + 1 }));
          }
        },
        onPresence: setPresent,
      });
    });
    return () => {
      done = true;
      stop?.();
    };
  }, [api, meetingId]);
  const me = participants.find((p) => p.isMe)?.id;
  return { others: present.filter((p) => p.id !== me), changedBy };
}
