import type { PhaseResult } from "./results";

/** One expectation that did not hold, as the room's console and reports show it. */
export interface FailedExpectation {
  expectation: string;
  reason: string;
}

/**
 * What a check found wrong, as its checklist shows it: the ✗ line (the action's label, else its
 * call) with each reason under it, so the room counts the same failure under one name whoever hit it.
 */
export const failedExpectations = (phases: readonly PhaseResult[]): FailedExpectation[] =>
  phases.flatMap((phase) =>
    phase.actions.flatMap((action): FailedExpectation[] => {
      if (action.pass || action.notRun || action.notChecked) return [];
      const expectation = action.action.label ?? `${action.service}:${action.operation}`;
      const failing = action.items.filter((item) => !item.pass).map((item) => ({ expectation, reason: item.reason || item.label }));
      if (failing.length > 0) return failing;
      return [{ expectation, reason: action.error ? `${action.error.code}: ${action.error.message}` : "did not pass" }];
    }),
  );
