import type { PhaseResult } from "./results";

/** One expectation that did not hold, as the room's console and reports show it. */
export interface FailedExpectation {
  expectation: string;
  reason: string;
}

/**
 * What a check found wrong, line by line as its checklist shows it: each failing expectation with
 * its reason, or, for a call that failed before anything could be compared, the call and its error.
 */
export const failedExpectations = (phases: readonly PhaseResult[]): FailedExpectation[] =>
  phases.flatMap((phase) =>
    phase.actions.flatMap((action): FailedExpectation[] => {
      if (action.pass || action.notRun || action.notChecked) return [];
      const failing = action.items.filter((item) => !item.pass).map((item) => ({ expectation: item.label, reason: item.reason }));
      if (failing.length > 0) return failing;
      const call = action.action.label ?? `${action.service}:${action.operation}`;
      return [{ expectation: call, reason: action.error ? `${action.error.code}: ${action.error.message}` : "did not pass" }];
    }),
  );
