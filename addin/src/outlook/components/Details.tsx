import type { PaneData } from "../../core/types";
import type { Session } from "../boot";
import type { PaneActions } from "../usePane";
import { Health } from "./Health";
import { MySettings } from "./MySettings";
import { NewActions } from "./NewActions";
import { Notes } from "./Notes";
import { OpenInWord } from "./OpenInWord";
import { Prompts } from "./Prompts";
import { ThisSeries } from "./ThisSeries";

/** The part of the pane below the first screen, in its own chunk so the agenda shows sooner. */
export default function Details({ session, pane, actions, onErased }: { session: Session; pane: PaneData; actions: PaneActions; onErased: () => void }) {
  return (
    <>
      <NewActions pane={pane} onAdd={actions.addAction} onDone={actions.setActionDone} history={{ api: session.api, seriesId: pane.meeting.seriesId }} />
      <Prompts pane={pane} onAdd={actions.addPrompt} />
      <Notes api={session.api} pane={pane} />
      <OpenInWord session={session} pane={pane} />
      <Health health={pane.health} />
      <ThisSeries pane={pane} onSwapRoles={actions.swapRoles} onChooseTemplate={actions.setTemplate} />
      <MySettings api={session.api} onLanguage={actions.setLanguage} onErased={onErased} />
    </>
  );
}
