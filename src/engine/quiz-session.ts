import type { Question } from "../content/schema/quiz";
import { presentQuestion, shuffledChoiceOrder, toOriginalAnswer, toShownAnswer } from "./choice-order";
import { grade, type Answer, type Grade } from "./grading";
import { givesFeedback, type QuizMode } from "./quiz-modes";
import type { Random } from "./random";

/**
 * A run through a list of questions in one of the modes, as a reducer: events in, a new state
 * out, so the Ink runner and `quiz --plain` share every rule. Times come in with the events
 * (the caller owns the clock), which keeps this pure and testable with fixed dates.
 */

export interface QuizItem {
  questionId: string;
  /** The options' shuffled order: `choiceOrder[shown] = index in the file`. Empty when there is nothing to shuffle. */
  choiceOrder: number[];
}

export interface QuizAnswerRecord {
  questionId: string;
  /** As in the file: choice indexes are the file's, whatever order they were shown in. */
  answer: Answer;
  correct: boolean;
  /** When it was given, ISO 8601. */
  at: string;
}

/** finished: past the last question, or an exam the learner handed in; time-up: the exam's time ran out. */
export type QuizEnd = "finished" | "time-up";

export interface QuizState {
  mode: QuizMode;
  items: QuizItem[];
  index: number;
  answers: Record<string, QuizAnswerRecord>;
  skipped: string[];
  /** Answers the learner marked "I guessed": right, but shaky (review rates them Hard). */
  guessed: string[];
  /** Questions flagged for review; the caller keeps the flags between sessions. */
  flagged: string[];
  /** Typed answers graded wrong that the learner said were right ("I was right"): they count as right, flagged for review. */
  markedRight: string[];
  /** Answers already written to the history and the review cards. */
  recorded: string[];
  startedAt: string;
  /** Exams only. */
  timeLimitMs?: number;
  finishedAt?: string;
  endedBy?: QuizEnd;
  /** Why the last event was refused, in words for the learner; cleared by the next event. */
  notice?: string;
}

export type QuizEvent =
  /** `answer` is as shown on screen (shuffled choice indexes). */
  | { type: "answer"; answer: Answer; at: string }
  | { type: "next"; at: string }
  | { type: "back" }
  | { type: "skip"; at: string }
  | { type: "guess" }
  | { type: "flag" }
  /** "I was right": the current typed answer, graded wrong, counts as right. */
  | { type: "markRight" }
  | { type: "finish"; at: string; timeUp?: boolean }
  | { type: "recorded"; questionIds: readonly string[] };

export interface StartQuizOptions {
  mode: QuizMode;
  now: Date;
  /** Shuffles each question's options; without it they keep the file's order. */
  random?: Random;
  timeLimitMs?: number;
  /** Questions flagged in earlier sessions. */
  flagged?: readonly string[];
}

/** A session over `questions` in the order given (selection decides the order of questions). */
export const startQuiz = (questions: readonly Question[], options: StartQuizOptions): QuizState => {
  const ids = new Set(questions.map((question) => question.id));
  return {
    mode: options.mode,
    items: questions.map((question) => ({
      questionId: question.id,
      choiceOrder: options.random ? shuffledChoiceOrder(question, options.random) : [],
    })),
    index: 0,
    answers: {},
    skipped: [],
    guessed: [],
    flagged: (options.flagged ?? []).filter((id) => ids.has(id)),
    markedRight: [],
    recorded: [],
    startedAt: options.now.toISOString(),
    ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
  };
};

export const currentItem = (state: QuizState): QuizItem | undefined => state.items[state.index];

/** The current question as it is in the file. */
export const currentQuestion = (questions: ReadonlyMap<string, Question>, state: QuizState): Question | undefined =>
  questions.get(currentItem(state)?.questionId ?? "");

/** The current question as the learner sees it, options shuffled. */
export const shownQuestion = (questions: ReadonlyMap<string, Question>, state: QuizState): Question | undefined => {
  const item = currentItem(state);
  const question = currentQuestion(questions, state);
  return item && question ? presentQuestion(question, item.choiceOrder) : undefined;
};

/** The learner's answer to the current question, as it was picked on screen. */
export const shownAnswer = (state: QuizState): Answer | undefined => {
  const item = currentItem(state);
  const record = item ? state.answers[item.questionId] : undefined;
  return item && record ? toShownAnswer(record.answer, item.choiceOrder) : undefined;
};

/** The feedback for the current question once answered, in the modes that give feedback. */
export const currentGrade = (questions: ReadonlyMap<string, Question>, state: QuizState): Grade | undefined => {
  const question = currentQuestion(questions, state);
  const record = question ? state.answers[question.id] : undefined;
  return question && record && givesFeedback(state.mode) ? grade(question, record.answer) : undefined;
};

export const isQuizFinished = (state: QuizState): boolean => state.finishedAt !== undefined;

const toggled = (list: readonly string[], id: string): string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

const finish = (state: QuizState, at: string, endedBy: QuizEnd): QuizState => ({ ...state, finishedAt: at, endedBy, notice: undefined });

const refuse = (state: QuizState, notice: string): QuizState => ({ ...state, notice });

export const quizReducer = (questions: ReadonlyMap<string, Question>, state: QuizState, event: QuizEvent): QuizState => {
  if (event.type === "recorded") return { ...state, recorded: [...new Set([...state.recorded, ...event.questionIds])] };
  const item = currentItem(state);
  const question = currentQuestion(questions, state);
  if (!item || !question) return state;
  if (isQuizFinished(state)) return refuse(state, "This quiz is over.");
  const id = question.id;
  const last = state.index === state.items.length - 1;
  const exam = state.mode === "exam";
  const done = state.answers[id] !== undefined || state.skipped.includes(id);

  switch (event.type) {
    case "answer": {
      // An exam answer may change until the exam ends; elsewhere the feedback is already on screen.
      if (state.answers[id] && !exam) return refuse(state, "Already answered: press n for the next question.");
      const answer = toOriginalAnswer(event.answer, item.choiceOrder);
      const { correct } = grade(question, answer);
      return {
        ...state,
        notice: undefined,
        answers: { ...state.answers, [id]: { questionId: id, answer, correct, at: event.at } },
        skipped: state.skipped.filter((skippedId) => skippedId !== id),
      };
    }
    case "next":
      if (!done && !exam) return refuse(state, "Answer the question first, or skip it (S).");
      if (last) return exam ? refuse(state, "This is the last question: e ends the exam.") : finish(state, event.at, "finished");
      return { ...state, index: state.index + 1, notice: undefined };
    case "back":
      return state.index === 0 ? refuse(state, "This is the first question.") : { ...state, index: state.index - 1, notice: undefined };
    case "skip": {
      const skipped = done ? state.skipped : [...state.skipped, id];
      if (last) return exam ? { ...refuse(state, "This is the last question: e ends the exam."), skipped } : finish({ ...state, skipped }, event.at, "finished");
      return { ...state, skipped, index: state.index + 1, notice: undefined };
    }
    case "guess":
      if (state.recorded.includes(id)) return refuse(state, "That answer is already recorded: mark a guess before moving on.");
      return { ...state, guessed: toggled(state.guessed, id), notice: undefined };
    case "flag":
      return { ...state, flagged: toggled(state.flagged, id), notice: undefined };
    case "markRight": {
      const record = state.answers[id];
      const refusal = markRightRefusal(state, question, record);
      if (refusal) return refuse(state, refusal);
      return {
        ...state,
        notice: undefined,
        answers: { ...state.answers, [id]: { ...(record as QuizAnswerRecord), correct: true } },
        markedRight: [...state.markedRight, id],
        flagged: state.flagged.includes(id) ? state.flagged : [...state.flagged, id],
      };
    }
    case "finish":
      return finish(state, event.at, event.timeUp ? "time-up" : "finished");
  }
};

/** Why "I was right" cannot apply to this answer; undefined when it can. */
const markRightRefusal = (state: QuizState, question: Question, record: QuizAnswerRecord | undefined): string | undefined => {
  if (question.type !== "text") return "Only a typed answer can be marked right.";
  if (!givesFeedback(state.mode)) return "An exam's answers are marked when it ends.";
  if (!record) return "Answer the question first.";
  if (state.markedRight.includes(question.id)) return "Already marked right.";
  if (record.correct) return "That answer is already right.";
  if (state.recorded.includes(question.id)) return "That answer is already recorded: mark it right before moving on.";
  return undefined;
};

/** Whether the current question's answer can be marked "I was right" now (for the screens to offer it). */
export const canMarkRight = (questions: ReadonlyMap<string, Question>, state: QuizState): boolean => {
  const question = currentQuestion(questions, state);
  return question !== undefined && !isQuizFinished(state) && markRightRefusal(state, question, state.answers[question.id]) === undefined;
};

/** Questions not answered yet (skipped ones included). */
export const unansweredIds = (state: QuizState): string[] => state.items.map((item) => item.questionId).filter((id) => !state.answers[id]);

export const quizScore = (state: QuizState): { correct: number; total: number; percent: number } => {
  const total = state.items.length;
  const correct = Object.values(state.answers).filter((record) => record.correct).length;
  return { correct, total, percent: total === 0 ? 0 : Math.round((correct / total) * 100) };
};

/**
 * Answers ready to be written to the history and the review cards, and not written yet. An
 * answer settles when the learner moves past it ("I guessed" may still change until then), or
 * leaves. Exam answers settle only when the exam ends: an exam walked out of is not scored.
 */
export const answersToRecord = (state: QuizState, options: { leaving?: boolean } = {}): QuizAnswerRecord[] => {
  if (state.mode === "exam" && !isQuizFinished(state)) return [];
  const current = currentItem(state)?.questionId;
  const settled = (id: string) => isQuizFinished(state) || options.leaving === true || id !== current;
  return state.items
    .map((item) => state.answers[item.questionId])
    .filter((record): record is QuizAnswerRecord => record !== undefined && !state.recorded.includes(record.questionId) && settled(record.questionId));
};

/** What is left of an exam's time at `now`; undefined without a time limit. */
export const timeLeftMs = (state: QuizState, now: Date): number | undefined =>
  state.timeLimitMs === undefined ? undefined : Math.max(0, Date.parse(state.startedAt) + state.timeLimitMs - now.getTime());

/** How long the session took, or has taken so far. */
export const elapsedMs = (state: QuizState, now: Date): number =>
  Math.max(0, (state.finishedAt ? Date.parse(state.finishedAt) : now.getTime()) - Date.parse(state.startedAt));
