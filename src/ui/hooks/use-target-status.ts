import { useSyncExternalStore } from "react";
import type { TargetSession, TargetStatus } from "../../targets/target-session";

/** The target session's status, re-rendering whenever it changes. */
export const useTargetStatus = (session: TargetSession): TargetStatus =>
  useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.status,
  );
