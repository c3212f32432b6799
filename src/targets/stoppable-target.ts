import { TargetError, type Target } from "./target";

export interface StoppableTarget {
  target: Target;
  /** From now on every new call is refused; calls already sent are left to the target's close(). */
  stop(): void;
}

/**
 * The target as a run sees it, until the run is interrupted (Ctrl-C): then nothing new is sent,
 * so a lesson that is still unwinding creates nothing more than what the journal already lists.
 */
export const stoppable = (target: Target): StoppableTarget => {
  let stopped = false;
  const refuseIfStopped = () => {
    if (stopped) throw new TargetError("The run was interrupted, so nothing more is sent.", "");
  };
  const guarded = new Proxy(target, {
    get(inner, property, receiver) {
      if (property === "client" || property === "beforeCall") {
        return async (...args: unknown[]) => {
          refuseIfStopped();
          return (Reflect.get(inner, property, receiver) as (...given: unknown[]) => Promise<unknown>).apply(inner, args);
        };
      }
      return Reflect.get(inner, property, receiver);
    },
  });
  return {
    target: guarded,
    stop: () => {
      stopped = true;
    },
  };
};
