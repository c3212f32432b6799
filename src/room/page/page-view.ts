import type { ReportWorkshop } from "../report/report-types";
import { stepKey, type RoomState } from "../room-state";
import type { PageWorld } from "./room-world";

/**
 * What the projector page draws, built from the room's state: compact (one character per heat-map
 * cell) so 200 participants × 30 steps stay a few kilobytes per update. Names and reasons are the
 * participants' own text: the page writes them with textContent, never as HTML.
 */

/** A heat-map cell: passed, failing (failed and not passed yet), or not reached. */
export type PageCell = "p" | "f" | ".";

export interface PageView {
  workshop: string;
  code: string;
  /** The heat map's columns: the workshop's hands-on steps in order ("lesson/step"), with their block. */
  steps: { key: string; block: string; title: string }[];
  /** One row per participant, in join order; `cells[i]` is steps[i]. */
  participants: { name: string; table?: string; cells: string }[];
  stuck: { name: string; table?: string; step: string; why: string }[];
  mostFailed: { step: string; failedBy: number; reasons: { expectation: string; reason: string; participants: number }[] }[];
  clock: { elapsedMinutes: number; totalMinutes: number; scheduledBlock?: string; openBlock?: string; deltaMinutes: number };
  /** The room sandbox's buckets (absent when participants work elsewhere). */
  world?: PageWorld;
}

export const buildPageView = (state: RoomState, workshop: ReportWorkshop | undefined, now: Date, title: string, world?: PageWorld): PageView => {
  const tallies = state.checkTallies;
  const titles = new Map(tallies.map((tally) => [tally.key, tally.title]));
  for (const participant of state.participants.values()) if (participant.step) titles.set(stepKey(participant.step), participant.step.title);
  const blockTitles = new Map(workshop?.blocks.map((block) => [block.id, block.title]) ?? []);
  // The workshop's steps when the room was told them; else the steps the room has heard of, as they came.
  const steps = workshop
    ? workshop.blocks.flatMap((block) => (block.steps ?? []).map((key) => ({ key, block: block.title, title: titles.get(key) ?? key })))
    : tallies.map((tally) => ({ key: tally.key, block: blockTitles.get(tally.block) ?? tally.block, title: tally.title }));
  const failing = new Map(tallies.map((tally) => [tally.key, new Set(tally.failedBy)]));
  const participants = [...state.participants.values()].map((participant) => {
    const passed = new Set(participant.passedSteps);
    const cells = steps.map(({ key }): PageCell => (passed.has(key) ? "p" : failing.get(key)?.has(participant.id) ? "f" : ".")).join("");
    return { name: participant.name, ...(participant.table !== undefined ? { table: participant.table } : {}), cells };
  });
  const clock = state.agendaClock(now);
  return {
    workshop: title,
    code: state.code,
    steps,
    participants,
    stuck: state.stuck(now).map(({ participant, step, why }) => ({
      name: participant.name,
      ...(participant.table !== undefined ? { table: participant.table } : {}),
      step: step.title,
      why,
    })),
    mostFailed: state.mostFailed(5).map((tally) => ({
      step: tally.title,
      failedBy: tally.failedBy.length,
      reasons: tally.reasons.slice(0, 3).map((reason) => ({ expectation: reason.expectation, reason: reason.reason, participants: reason.participants.length })),
    })),
    clock: {
      elapsedMinutes: Math.floor(clock.elapsedMinutes),
      totalMinutes: state.blocks.reduce((sum, block) => sum + block.minutes, 0),
      ...(clock.scheduledBlock ? { scheduledBlock: blockTitles.get(clock.scheduledBlock) ?? clock.scheduledBlock } : {}),
      ...(clock.openBlock ? { openBlock: blockTitles.get(clock.openBlock) ?? clock.openBlock } : {}),
      deltaMinutes: Math.round(clock.deltaMinutes),
    },
    ...(world ? { world } : {}),
  };
};
