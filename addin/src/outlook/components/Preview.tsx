import { lazy, Suspense } from "react";
import type { BootChoice, Session } from "../boot";

// Only the preview outside Office shows the bar: inside Office its code (and Fluent's Select) is never loaded.
const PreviewBarView = lazy(() => import("./PreviewBar"));

export function PreviewBar(props: { session: Session; meetingId: string | null; restart: (choice: BootChoice) => void }) {
  if (props.session.mode !== "preview") {
    return null;
  }
  return (
    <Suspense fallback={null}>
      <PreviewBarView {...props} />
    </Suspense>
  );
}
