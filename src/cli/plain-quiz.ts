import type { Question } from "../content/schema/quiz";
import { grade, type Answer } from "../engine/grading";
import { givesFeedback } from "../engine/quiz-modes";
import type { QuizPlan, QuizRequest } from "../engine/quiz-plan";
import { recordSession, recordSettledAnswers, saveFlag } from "../engine/quiz-recording";
import { quizResults, type QuizResults } from "../engine/quiz-results";
import {
  canMarkRight,
  currentQuestion,
  isQuizFinished,
  quizReducer,
  shownQuestion,
  timeLeftMs,
  type QuizEvent,
  type QuizState,
} from "../engine/quiz-session";
import type { QuizStores } from "../store/quiz-stores";
import { readLines, type LineReader } from "./line-reader";
import { parsePlainReply } from "./plain-reply";
import {
  feedbackLines,
  headerLines,
  markedRightLine,
  markRightPromptLine,
  questionLines,
  resultsLines,
  retryPromptLine,
  stoppedLines,
} from "./plain-quiz-text";

export interface PlainQuizStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Repeat each line read as "> line": when answers come from a pipe, the transcript then shows them. */
  echoAnswers?: boolean;
}

export interface PlainQuizContext {
  /** Every question there is, by id. */
  questions: ReadonlyMap<string, Question>;
  /** The titles of the quizzes asked, for the first line. */
  titles: readonly string[];
  clock: () => Date;
  /** Where answers, cards and flags are kept; without it nothing is recorded. */
  stores?: QuizStores;
  /** Plans the retry of the questions missed; without it no retry is offered. */
  planRetry?: (request: QuizRequest) => QuizPlan;
}

export type PlainQuizEnd = "finished" | "quit" | "input-ended";

export interface PlainQuizResult {
  state: QuizState;
  end: PlainQuizEnd;
  results: QuizResults;
  /** The retry of the questions missed, when the learner asked for it. */
  retry?: PlainQuizResult;
}

/** A reply that moves the quiz on. */
type Decision = { kind: "answer"; answer: Answer } | { kind: "skip" } | { kind: "quit" } | { kind: "input-ended" };

/**
 * `quiz --plain`, in any mode: numbered questions on `output`, one reply per line from `input`.
 * The quiz session's reducer keeps the state and decides what is right, so the Ink runner and
 * this one cannot disagree; an exam keeps its feedback for the results at the end.
 */
export const runPlainQuiz = async (start: QuizState, context: PlainQuizContext, streams: PlainQuizStreams): Promise<PlainQuizResult> => {
  const reader = readLines(streams.input);
  try {
    return await runSession(start, context, streams, reader);
  } finally {
    reader.close();
  }
};

const runSession = async (start: QuizState, context: PlainQuizContext, streams: PlainQuizStreams, reader: LineReader): Promise<PlainQuizResult> => {
  const { questions, clock, stores } = context;
  const say = (lines: string[]) => streams.output.write(lines.map((line) => `${line}\n`).join(""));
  const echo = (line: string) => {
    if (streams.echoAnswers) say([`> ${line}`]);
  };
  let state = start;
  const dispatch = (event: QuizEvent) => {
    state = quizReducer(questions, state, event);
  };
  const record = (leaving = false) => {
    if (!stores) return;
    const ids = recordSettledAnswers(stores, state, { leaving });
    if (ids.length > 0) dispatch({ type: "recorded", questionIds: ids });
  };
  const deadline = state.timeLimitMs !== undefined ? new Date(Date.parse(state.startedAt) + state.timeLimitMs) : undefined;
  const timeIsUp = () => deadline !== undefined && clock() >= deadline;
  const stop = (end: "quit" | "input-ended"): PlainQuizResult => {
    record(true);
    const results = quizResults(state, questions, clock());
    say(["", ...stoppedLines(results, end)]);
    return { state, end, results };
  };

  say(headerLines(context.titles, state.mode, state.items.length, state.timeLimitMs));
  while (!isQuizFinished(state)) {
    if (deadline && timeIsUp()) {
      dispatch({ type: "finish", at: deadline.toISOString(), timeUp: true });
      break;
    }
    const shown = shownQuestion(questions, state);
    const original = currentQuestion(questions, state);
    if (!shown || !original) break;
    const left = timeLeftMs(state, clock());

    const asked = questionLines(shown, {
      number: state.index + 1,
      total: state.items.length,
      mode: state.mode,
      flagged: state.flagged.includes(original.id),
      ...(left !== undefined ? { timeLeftMs: left } : {}),
    });
    say(["", ...asked]);
    const decision = await askUntilDecided(shown, asked.at(-1) ?? "", reader, say, echo, {
      flag: () => {
        dispatch({ type: "flag" });
        const flagged = state.flagged.includes(original.id);
        if (stores) void saveFlag(stores, original.id, flagged);
        return flagged ? "Flagged for review: it comes up in spaced review until you unflag it." : "Unflagged.";
      },
      guess: () => {
        dispatch({ type: "guess" });
        return state.guessed.includes(original.id) ? "Marked as a guess: a right answer counts as shaky." : "No longer marked as a guess.";
      },
    });
    if (decision.kind === "quit" || decision.kind === "input-ended") return stop(decision.kind);
    if (deadline && timeIsUp()) {
      say(["That answer came after the time was up, so it does not count."]);
      continue;
    }
    const last = state.index === state.items.length - 1;
    const at = clock().toISOString();
    if (decision.kind === "skip") {
      say([state.mode === "exam" ? "Left unanswered." : "Skipped."]);
      dispatch({ type: "skip", at });
    } else {
      dispatch({ type: "answer", answer: decision.answer, at });
      if (givesFeedback(state.mode)) {
        const answered = state.answers[original.id];
        if (answered) say(feedbackLines(shown, decision.answer, grade(original, answered.answer)));
        if (canMarkRight(questions, state)) await offerMarkRight(reader, say, echo, () => dispatch({ type: "markRight" }));
      } else say(["Answer saved."]);
      dispatch({ type: "next", at });
    }
    // An exam's last question hands it in.
    if (state.mode === "exam" && last) dispatch({ type: "finish", at });
    record();
  }

  record(true);
  const results = quizResults(state, questions, clock());
  if (stores) void recordSession(stores, results);
  say(["", ...resultsLines(results)]);
  const retry = await offerRetry(results, context, streams, reader, say, echo);
  return { state, end: "finished", results, ...(retry ? { retry } : {}) };
};

/**
 * After a typed answer graded wrong: "r" marks it right (it counts, flagged for review); an empty
 * line goes on. Any other line is the reply to the next question, read early from a pipe, so it
 * is given back.
 */
const offerMarkRight = async (reader: LineReader, say: (lines: string[]) => void, echo: (line: string) => void, markRight: () => void): Promise<void> => {
  say([markRightPromptLine]);
  const line = await reader.next();
  if (line === undefined) return;
  const word = line.trim().toLowerCase();
  if (word === "r" || word === "right") {
    echo(line);
    markRight();
    say([markedRightLine]);
  } else if (word === "") echo(line);
  else reader.putBack(line);
};

const offerRetry = async (
  results: QuizResults,
  context: PlainQuizContext,
  streams: PlainQuizStreams,
  reader: LineReader,
  say: (lines: string[]) => void,
  echo: (line: string) => void,
): Promise<PlainQuizResult | undefined> => {
  if (!context.planRetry || results.missed.length === 0) return undefined;
  say(["", retryPromptLine(results.missed.length)]);
  const line = await reader.next();
  if (line === undefined) return undefined;
  echo(line);
  if (line.trim().toLowerCase() !== "r") return undefined;
  const plan = context.planRetry({ mode: "practice", topics: [], tags: [], questionIds: results.missed.map((missed) => missed.questionId) });
  if (!("state" in plan)) return undefined;
  say([""]);
  return runSession(plan.state, context, streams, reader);
};

interface Toggles {
  flag: () => string;
  guess: () => string;
}

/** Reads lines until one moves the quiz on; flag and guess are said and the question asked again. */
const askUntilDecided = async (
  question: Question,
  howTo: string,
  reader: LineReader,
  say: (lines: string[]) => void,
  echo: (line: string) => void,
  toggles: Toggles,
): Promise<Decision> => {
  for (;;) {
    const line = await reader.next();
    if (line === undefined) return { kind: "input-ended" };
    echo(line);
    const reply = parsePlainReply(question, line);
    if (reply.kind === "invalid") say([reply.reason]);
    // The how-to line again, so a screen reader user hears that the question still waits.
    else if (reply.kind === "flag" || reply.kind === "guess") say([toggles[reply.kind](), howTo]);
    else return reply;
  }
};
