import { responseDetail } from "../handson/response-detail";
import type { ActionResult, PhaseResult } from "../handson/results";

/**
 * A checklist as plain lines, for `s3-tutor check` and `setup`: each action ✓, ✗ or – (not
 * checked on this target), with the reasons of what failed and the response's telling details.
 */

export const actionLines = (action: ActionResult, indent = "  "): string[] => {
  const title = action.action.label ?? action.action.ask?.question ?? `${action.service}:${action.operation}`;
  if (action.notRun) return [`${indent}· ${title} (not run: an earlier action failed)`];
  if (action.notChecked) return [`${indent}– ${title}: ${action.notChecked}`];
  const lines = [`${indent}${action.pass ? "✓" : "✗"} ${title}`];
  for (const item of action.items) {
    if (!item.pass) lines.push(`${indent}    ${item.reason || item.label}`);
    else if (action.action.ask && item.label !== title) lines.push(`${indent}    ${item.label}`);
  }
  const shown = responseDetail(action);
  if (shown && !action.pass) lines.push(`${indent}    ${shown}`);
  return lines;
};

export const checklistLines = (phases: readonly PhaseResult[], indent = "  "): string[] =>
  phases.flatMap((phase) => phase.actions.flatMap((action) => actionLines(action, indent)));
