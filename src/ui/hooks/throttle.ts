/**
 * Calls `run` at most once per `intervalMs`, however often `request` is called: the first request
 * after a quiet spell runs at once, later ones are folded into one run at the interval's end.
 * `cancel` drops a run still waiting (when the screen goes).
 */
export const throttle = (run: () => void, intervalMs: number, now: () => number = Date.now) => {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    last = now();
    run();
  };
  return {
    request: () => {
      if (timer) return;
      timer = setTimeout(fire, Math.max(0, last + intervalMs - now()));
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
};
