// React schedules its renders and effects on this scheduler; the same module instance is shared.
import { unstable_IdlePriority, unstable_scheduleCallback } from "scheduler";

/**
 * Runs `then` once React has no render or effect left to do. React queues a render from a
 * microtask, so first a turn of the event loop lets it queue; then idle priority on React's own
 * scheduler runs only after every task of a higher priority (the render, the effects that re-bind
 * key handlers, and whatever those queue). A timer alone cannot promise that: how many turns a
 * render takes depends on the machine.
 */
export const afterPendingRenders = (then: () => void): void => {
  setImmediate(() => {
    unstable_scheduleCallback(unstable_IdlePriority, () => {
      then();
    });
  });
};
