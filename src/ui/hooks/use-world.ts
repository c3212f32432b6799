import { useEffect, useState } from "react";
import type { Target } from "../../targets/target";
import type { ReadWorldOptions } from "../../targets/world/read-world-options";
import type { WorldSnapshot } from "../../targets/world/world-snapshot";

/** Reads a target's world; the default loads the readers (and through the target, the SDK) on first use. */
export type WorldReader = (target: Target, options: ReadWorldOptions) => Promise<WorldSnapshot>;

const readThroughTarget: WorldReader = async (target, options) => {
  const { readWorld } = await import("../../targets/world/read-world");
  return readWorld(target, options);
};

export interface WorldView {
  snapshot?: WorldSnapshot;
  /** Why the latest read failed (the previous snapshot, if any, stays). */
  error?: string;
}

export interface UseWorldOptions {
  read?: WorldReader;
  /** The longest time from one read's start to the next (default 1 s). */
  everyMs?: number;
  /** Names the learner tried that another account holds (takenNamesIn): a change reads again at once. */
  takenNames?: readonly string[];
}

const NONE: readonly string[] = [];

/** A read that takes longer than the period still leaves the target a breather before the next (at most this). */
const MIN_PAUSE_MS = 100;

/**
 * The world of `target`, read at once and again every `everyMs` while `active`: one read at a
 * time (a slow read on AWS only delays the next), nothing read while hidden or once unmounted.
 */
export const useWorld = (target: (() => Promise<Target>) | undefined, active: boolean, { read = readThroughTarget, everyMs = 1000, takenNames = NONE }: UseWorldOptions = {}): WorldView => {
  const [view, setView] = useState<WorldView>({});
  useEffect(() => {
    if (!active || !target) return;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const tick = async () => {
      const started = Date.now();
      try {
        const snapshot = await read(await target(), takenNames.length > 0 ? { takenNames } : {});
        if (!stopped) setView({ snapshot });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!stopped) setView((current) => ({ ...current, error: message }));
      }
      if (stopped) return;
      timer = setTimeout(() => void tick(), Math.max(Math.min(MIN_PAUSE_MS, everyMs / 4), everyMs - (Date.now() - started)));
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, target, read, everyMs, takenNames]);
  return view;
};
