import type { LiveQuestion, LiveReveal } from "../protocol";
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
  /** The live quiz (absent until the first question): how many answered while open, never what; the rest after the reveal. */
  live?: PageLiveView;
}

export interface PageLiveView {
  /** The question on screen: the last one asked. */
  question: { number: number; prompt: string; choices: string[]; multi: boolean; secondsLeft: number; answered: number; of: number; revealed?: LiveReveal };
  /** Correct first, then speed (over every revealed question); empty before the first reveal. */
  leaderboard: { name: string; correct: number; seconds: number }[];
  /** Whether this is the end: every question of the pool asked and revealed. */
  final: boolean;
}

/** The leaderboard's rows on the projector: enough for the podium and a little more. */
const LEADERBOARD_ROWS = 10;

const liveView = (state: RoomState, now: Date, pool: readonly LiveQuestion[] | undefined): PageLiveView | undefined => {
  const asked = state.live.current;
  if (!asked) return undefined;
  const revealed = asked.revealed;
  return {
    question: {
      number: state.live.asked.length,
      prompt: asked.question.prompt,
      choices: asked.question.choices,
      multi: asked.question.correct.length > 1,
      secondsLeft: revealed ? 0 : Math.max(0, Math.ceil((Date.parse(asked.deadline) - now.getTime()) / 1000)),
      answered: asked.answers.size,
      of: state.participants.size,
      ...(revealed ? { revealed } : {}),
    },
    leaderboard: state.live
      .leaderboard(state.nameOf)
      .slice(0, LEADERBOARD_ROWS)
      .map((row) => ({ name: row.name, correct: row.correct, seconds: Math.round(row.correctMs / 100) / 10 })),
    final: revealed !== undefined && pool !== undefined && pool.every((question) => state.live.asked.some((done) => done.question.id === question.id)),
  };
};

export const buildPageView = (
  state: RoomState,
  workshop: ReportWorkshop | undefined,
  now: Date,
  title: string,
  world?: PageWorld,
  pool?: readonly LiveQuestion[],
): PageView => {
  const live = liveView(state, now, pool);
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
    ...(live ? { live } : {}),
  };
};
