import { afterEach, describe, expect, it, vi } from "vitest";
import { throttle } from "../../src/ui/hooks/throttle";

afterEach(() => {
  vi.useRealTimers();
});

describe("the console's redraw throttle", () => {
  it("folds a burst of changes into one redraw per interval", () => {
    vi.useFakeTimers();
    let runs = 0;
    const redraw = throttle(() => (runs += 1), 250);
    redraw.request();
    vi.advanceTimersByTime(0);
    expect(runs).toBe(1);
    // 200 participants posting at once: one more redraw, at the interval's end.
    for (let n = 0; n < 200; n += 1) redraw.request();
    vi.advanceTimersByTime(249);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
    // A second of steady changes: four redraws.
    for (let ms = 0; ms < 1000; ms += 10) {
      redraw.request();
      vi.advanceTimersByTime(10);
    }
    expect(runs).toBe(6);
  });

  it("drops a waiting redraw when cancelled", () => {
    vi.useFakeTimers();
    let runs = 0;
    const redraw = throttle(() => (runs += 1), 250);
    redraw.request();
    redraw.cancel();
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(0);
  });
});
