import { useEffect, useState } from "react";
import { throttle } from "./throttle";

/** At most this many redraws a second from the room's changes: 200 participants post often. */
export const ROOM_REDRAWS_PER_SECOND = 4;
/** The clocks (time on step, the agenda) move every second even when nobody posts. */
const CLOCK_TICK_MS = 1000;

/**
 * Re-renders the caller when the room changes (throttled) and once a second for its clocks.
 * `subscribe` must be stable (the room's own method, bound once).
 */
export const useRoomUpdates = (subscribe: (listener: () => void) => () => void): number => {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const redraw = throttle(() => setVersion((current) => current + 1), 1000 / ROOM_REDRAWS_PER_SECOND);
    const unsubscribe = subscribe(redraw.request);
    const tick = setInterval(() => setVersion((current) => current + 1), CLOCK_TICK_MS);
    return () => {
      unsubscribe();
      redraw.cancel();
      clearInterval(tick);
    };
  }, [subscribe]);
  return version;
};
