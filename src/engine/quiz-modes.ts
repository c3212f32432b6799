/** The ways to drill the quiz questions. */
export type QuizMode = "practice" | "exam" | "review" | "mistakes";

export const QUIZ_MODES: readonly QuizMode[] = ["practice", "exam", "review", "mistakes"];

export const MODE_TITLES: Record<QuizMode, string> = {
  practice: "Practice",
  exam: "Exam",
  review: "Spaced review",
  mistakes: "My mistakes",
};

export const MODE_DESCRIPTIONS: Record<QuizMode, string> = {
  practice: "the answer, the explanation and the source after each question",
  exam: "timed, no feedback until the end, then the score and what you missed",
  review: "the questions due today by spaced repetition, then new ones",
  mistakes: "only the questions you got wrong and have not got right since",
};

export const isQuizMode = (value: string): value is QuizMode => (QUIZ_MODES as readonly string[]).includes(value);

/** Practice, review and mistakes teach as you go; an exam says nothing until it ends. */
export const givesFeedback = (mode: QuizMode): boolean => mode !== "exam";
