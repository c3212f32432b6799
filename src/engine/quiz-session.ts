import type { Question } from "../content/schema/quiz";
import { grade, type Answer, type Grade } from "./grading";

/** A run through a list of questions: answer, see the feedback, move on; the score at the end. */

export interface QuizAnswerRecord {
  questionId: string;
  answer: Answer;
  correct: boolean;
}

export interface QuizState {
  questionIds: string[];
  index: number;
  answers: Record<string, QuizAnswerRecord>;
  skipped: string[];
  notice?: string;
}

export type QuizEvent = { type: "answer"; answer: Answer } | { type: "next" } | { type: "back" } | { type: "skip" };

export const startQuiz = (questions: Question[]): QuizState => ({
  questionIds: questions.map((question) => question.id),
  index: 0,
  answers: {},
  skipped: [],
});

export const currentQuestion = (questions: ReadonlyMap<string, Question>, state: QuizState): Question | undefined =>
  questions.get(state.questionIds[state.index] ?? "");

/** The feedback for the current question once answered. */
export const currentGrade = (questions: ReadonlyMap<string, Question>, state: QuizState): Grade | undefined => {
  const question = currentQuestion(questions, state);
  const record = question ? state.answers[question.id] : undefined;
  return question && record ? grade(question, record.answer) : undefined;
};

export const quizReducer = (questions: ReadonlyMap<string, Question>, state: QuizState, event: QuizEvent): QuizState => {
  const question = currentQuestion(questions, state);
  if (!question) return state;
  const last = state.index === state.questionIds.length - 1;
  switch (event.type) {
    case "answer": {
      if (state.answers[question.id]) return { ...state, notice: "Already answered: press n for the next question." };
      const { correct } = grade(question, event.answer);
      return {
        ...state,
        notice: undefined,
        answers: { ...state.answers, [question.id]: { questionId: question.id, answer: event.answer, correct } },
        skipped: state.skipped.filter((id) => id !== question.id),
      };
    }
    case "next":
      if (!state.answers[question.id] && !state.skipped.includes(question.id)) {
        return { ...state, notice: "Answer the question first, or skip it (S)." };
      }
      return last ? { ...state, notice: undefined } : { ...state, index: state.index + 1, notice: undefined };
    case "back":
      return state.index === 0 ? state : { ...state, index: state.index - 1, notice: undefined };
    case "skip": {
      const skipped = state.answers[question.id] || state.skipped.includes(question.id) ? state.skipped : [...state.skipped, question.id];
      return { ...state, skipped, index: last ? state.index : state.index + 1, notice: undefined };
    }
  }
};

export const isQuizComplete = (state: QuizState): boolean =>
  state.questionIds.every((id) => state.answers[id] !== undefined || state.skipped.includes(id));

export const quizScore = (state: QuizState): { correct: number; total: number; percent: number } => {
  const total = state.questionIds.length;
  const correct = Object.values(state.answers).filter((record) => record.correct).length;
  return { correct, total, percent: total === 0 ? 0 : Math.round((correct / total) * 100) };
};
