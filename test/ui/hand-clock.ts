/** A clock the test moves by hand: the app's `clock`, read by exam timers and the interview's countdown. */
export const handClock = (start = Date.parse("2026-03-02T10:00:00.000Z")) => {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms), now: () => new Date(now) };
};
