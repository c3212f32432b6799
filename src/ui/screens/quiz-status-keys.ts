import type { Command } from "../keys/bindings";

export interface QuizScreenState {
  finished: boolean;
  anyMissed: boolean;
  /** A text answer is being typed: letters are text, so only enter and esc act. */
  typing: boolean;
  exam: boolean;
  answered: boolean;
  /** A typed answer graded wrong may be marked "I was right". */
  canMarkRight?: boolean;
}

/** The keys the status bar offers for what the quiz shows now. */
export const quizStatusKeys = ({ finished, anyMissed, typing, exam, answered, canMarkRight = false }: QuizScreenState): Command[] => {
  if (finished) return [...(anyMissed ? (["retry"] as const) : []), "pageDown", "menu", "quit"];
  if (typing) return ["select", "menu"];
  if (exam) return answered ? ["next", "back", "change", "flag", "guess", "endExam", "menu"] : ["select", "next", "back", "flag", "guess", "endExam", "menu"];
  if (answered && canMarkRight) return ["next", "markRight", "flag", "menu", "help", "quit"];
  return answered ? ["next", "guess", "flag", "menu", "help", "quit"] : ["select", "skip", "flag", "guess", "menu", "help"];
};
