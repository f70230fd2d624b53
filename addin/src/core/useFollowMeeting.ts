import { useEffect, useRef, useState } from "react";
import type { Api } from "./api";
import type { PresentPerson } from "./live";
import type { Participant } from "./types";

/** The other person's changes are announced at most this often: typing a shared note saves every few seconds. */
const announceEveryMs = 30_000;

export interface FollowedMeeting {
  /** The other people who have the meeting open now (never the person themselves). */
  others: PresentPerson[];
  /**
   * The other person's last announced change (a count, so that the same name is announced again); at most one every
   * half minute, so that a screen reader is not talked over while they type.
   */
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
    let announced = 0;
    setPresent([]);
    setChangedBy(null);
    void import("./live").then(({ followMeeting }) => {
      if (done) {
        return;
      }
      stop = followMeeting(api, meetingId, {
        onChange: (by) => {
          changed.current();
          const other = people.current.find((p) => !p.isMe && by.includes(p.id));
          if (other && Date.now() - announced >= announceEveryMs) {
            announced = Date.now();
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
