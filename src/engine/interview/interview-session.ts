import type { FollowUp, InterviewPoint, InterviewQuestion } from "../../content/schema/interview";
import { matchPoints } from "./cue-matcher";
import { chooseFollowUp } from "./follow-up-choice";
import { FOLLOW_UP_MINUTES, questionMinutes } from "./interview-plan";

/**
 * A mock interview as a reducer, like the quiz session: events in, a new state out, so the Ink
 * screen and `interview --plain` share every rule. Each ask (a question, then the follow-ups its
 * misses lead to) goes answering → scoring: the typed answer pre-ticks the points the matcher
 * finds, the candidate corrects the ticks, and scoring picks the next ask. Times come in with the
 * events (the caller owns the clock).
 */

/** A question or one of its follow-ups: what the interviewer asks, its rubric and model answer. */
export type InterviewAsk = InterviewQuestion | FollowUp;

export type InterviewPhase = "answering" | "scoring" | "done";

/** One ask, scored. */
export interface ScoredAsk {
  /** 1 for the question, 2-4 for its follow-ups. */
  depth: number;
  ask: string;
  /** The rubric's point ids, in the file's order. */
  points: string[];
  /** The rubric as the file has it (what each point says, where it is taught), for the report. */
  rubric: InterviewPoint[];
  /** The points the candidate ticked as made. */
  made: string[];
  /** What the matcher suggested (point id → cue), kept so a report can show it. */
  suggested: Record<string, string>;
  text: string;
  askedAt: string;
  answeredAt: string;
  scoredAt: string;
  /** The clock ran out before an answer came (or the answer came after it). */
  overTime: boolean;
}

/** A question done with: its chain of scored asks (empty when it was skipped before any was scored). */
export interface AskedQuestion {
  questionId: string;
  asks: ScoredAsk[];
}

export type InterviewEnd = "finished" | "ended";

export interface InterviewState {
  plan: InterviewQuestion[];
  /** The question being asked, an index into `plan`. */
  index: number;
  /** What is asked now: the question, or a follow-up in its chain. */
  current: InterviewAsk;
  /** 1..4: the current ask's place in the chain. */
  depth: number;
  /** The current question's asks scored so far. */
  chain: ScoredAsk[];
  phase: InterviewPhase;
  /** When the current ask was put: the countdown runs from here. */
  askedAt: string;
  answeredAt?: string;
  /** The answer as typed (empty when answered out loud). */
  text: string;
  /** Points the matcher found in `text`: point id → the cue it found. */
  suggested: Record<string, string>;
  /** Points ticked as made: the suggestions at first, then as the candidate toggles them. */
  ticked: string[];
  overTime: boolean;
  /** The questions done with, in order. */
  asked: AskedQuestion[];
  startedAt: string;
  finishedAt?: string;
  endedBy?: InterviewEnd;
}

export type InterviewEvent =
  | { type: "answer"; text: string; at: string }
  /** The countdown ran out: whatever was typed so far is the answer. */
  | { type: "timeUp"; at: string; text?: string }
  | { type: "toggle"; pointId: string }
  | { type: "score"; at: string }
  /** Leaves the current question (and the rest of its chain) for the next one. */
  | { type: "skip"; at: string }
  /** Ends the interview; the asks scored so far count. */
  | { type: "end"; at: string };

/** Starts on the plan's first question; a plan without questions starts done. */
export const startInterview = (plan: readonly InterviewQuestion[], now: Date): InterviewState => {
  const at = now.toISOString();
  const first = plan[0];
  const base = { plan: [...plan], index: 0, depth: 1, chain: [], text: "", suggested: {}, ticked: [], overTime: false, asked: [], startedAt: at, askedAt: at };
  return first ? { ...base, current: first, phase: "answering" } : { ...base, current: emptyAsk, phase: "done", finishedAt: at, endedBy: "finished" };
};

const emptyAsk: FollowUp = { ask: "", points: [], model: "" };

export const currentQuestion = (state: InterviewState): InterviewQuestion | undefined => state.plan[state.index];

/** The current ask's countdown: the question's minutes, a follow-up's 1.5. */
export const askTimeLimitMs = (state: InterviewState): number => {
  const question = currentQuestion(state);
  const minutes = state.depth === 1 && question ? questionMinutes(question) : FOLLOW_UP_MINUTES;
  return minutes * 60_000;
};

/** What is left of the current ask's countdown at `now` (0 once it has run out). */
export const askTimeLeftMs = (state: InterviewState, now: Date): number =>
  Math.max(0, Date.parse(state.askedAt) + askTimeLimitMs(state) - now.getTime());

const isOverTime = (state: InterviewState, at: string): boolean => Date.parse(at) - Date.parse(state.askedAt) > askTimeLimitMs(state);

const answered = (state: InterviewState, text: string, at: string, overTime: boolean): InterviewState => {
  const suggested = matchPoints(text, state.current.points);
  const ticked = state.current.points.map((point) => point.id).filter((id) => suggested[id] !== undefined);
  return { ...state, phase: "scoring", text, answeredAt: at, suggested, ticked, overTime };
};

const scoredAsk = (state: InterviewState, at: string): ScoredAsk => {
  const points = state.current.points.map((point) => point.id);
  return {
    depth: state.depth,
    ask: state.current.ask,
    points,
    rubric: state.current.points,
    made: points.filter((id) => state.ticked.includes(id)),
    suggested: state.suggested,
    text: state.text,
    askedAt: state.askedAt,
    answeredAt: state.answeredAt ?? at,
    scoredAt: at,
    overTime: state.overTime,
  };
};

/** The next ask's fresh answer fields. */
const freshAsk = (at: string) => ({ phase: "answering" as const, askedAt: at, answeredAt: undefined, text: "", suggested: {}, ticked: [], overTime: false });

/** Files the current question's chain and moves to the next question, or ends. */
const nextQuestion = (state: InterviewState, chain: ScoredAsk[], at: string, endedBy?: InterviewEnd): InterviewState => {
  // Ending before the current question's first ask was scored does not count it as skipped.
  const filed = endedBy && chain.length === 0 ? [] : [{ questionId: currentQuestion(state)?.id ?? "", asks: chain }];
  const asked = [...state.asked, ...filed];
  const next = endedBy ? undefined : state.plan[state.index + 1];
  if (!next) return { ...state, ...freshAsk(at), asked, chain: [], phase: "done", finishedAt: at, endedBy: endedBy ?? "finished" };
  return { ...state, ...freshAsk(at), asked, chain: [], index: state.index + 1, current: next, depth: 1 };
};

export const interviewReducer = (state: InterviewState, event: InterviewEvent): InterviewState => {
  if (state.phase === "done") return state;
  switch (event.type) {
    case "answer":
      return state.phase === "answering" ? answered(state, event.text, event.at, isOverTime(state, event.at)) : state;
    case "timeUp":
      return state.phase === "answering" ? answered(state, event.text ?? "", event.at, true) : state;
    case "toggle": {
      if (state.phase !== "scoring" || !state.current.points.some((point) => point.id === event.pointId)) return state;
      const ticked = state.ticked.includes(event.pointId) ? state.ticked.filter((id) => id !== event.pointId) : [...state.ticked, event.pointId];
      return { ...state, ticked };
    }
    case "score": {
      if (state.phase !== "scoring") return state;
      const ask = scoredAsk(state, event.at);
      const chain = [...state.chain, ask];
      const followUp = chooseFollowUp(state.current, missedIn(ask), state.depth);
      if (!followUp) return nextQuestion(state, chain, event.at);
      return { ...state, ...freshAsk(event.at), chain, current: followUp, depth: state.depth + 1 };
    }
    case "skip":
      return nextQuestion(state, state.chain, event.at);
    case "end":
      return nextQuestion(state, state.chain, event.at, "ended");
  }
};

export const isInterviewDone = (state: InterviewState): boolean => state.phase === "done";

/** The points of a scored ask the candidate did not make. */
export const missedIn = (ask: ScoredAsk): string[] => ask.points.filter((id) => !ask.made.includes(id));

/**
 * Why the interviewer asks the current follow-up: what the points the ask before it missed say,
 * for those its `when` listens for (none for a question, or a follow-up after a strong answer).
 */
export const followUpReasons = (state: InterviewState): string[] => {
  const before = state.depth > 1 ? state.chain.at(-1) : undefined;
  const when = "when" in state.current ? (state.current.when ?? []) : [];
  if (!before) return [];
  const missed = missedIn(before);
  return before.rubric.filter((point) => when.includes(point.id) && missed.includes(point.id)).map((point) => point.says);
};

/** The points of the current ask not ticked: what decides the follow-up. */
export const missedPoints = (state: InterviewState): string[] =>
  state.current.points.map((point) => point.id).filter((id) => !state.ticked.includes(id));

/** Points made and asked over a question's whole chain. */
export const chainScore = (asks: readonly ScoredAsk[]): { made: number; asked: number } => ({
  made: asks.reduce((sum, ask) => sum + ask.made.length, 0),
  asked: asks.reduce((sum, ask) => sum + ask.points.length, 0),
});
