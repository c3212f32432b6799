import { createContext, useContext } from "react";
import type { Lesson } from "../content/schema/lesson";
import { inTeachingOrder } from "../content/teaching-order";
import type { Question, Quiz } from "../content/schema/quiz";
import type { QuizRequest } from "../engine/quiz-plan";
import type { RandomSource } from "../engine/random";
import type { ProgressStore } from "../store/progress";
import type { QuizStores } from "../store/quiz-stores";
import type { TargetSession } from "../targets/target-session";
import type { Command } from "./keys/bindings";

/** The lessons and questions the app teaches from. */
export interface Catalog {
  lessons: readonly Lesson[];
  quizzes: readonly Quiz[];
  questions: ReadonlyMap<string, Question>;
}

/** A question the app asks before doing something that cannot be undone. */
export interface Confirmation {
  title: string;
  lines?: string[];
  onAnswer: (yes: boolean) => void;
}

export type View =
  | { screen: "home" }
  | { screen: "lessons" }
  | { screen: "lesson"; lessonId: string }
  /** The quiz menu: a mode, then topics. */
  | { screen: "quizMenu" }
  /** A quiz session; without a request, practice over every topic. */
  | { screen: "quiz"; request?: QuizRequest }
  | { screen: "stats" }
  | { screen: "target" };

export interface AppServices {
  catalog: Catalog;
  progress: ProgressStore;
  /** The quiz history, review cards and flags. */
  quizStores: QuizStores;
  /** The time now: injectable so tests can run an exam's clock. */
  clock: () => Date;
  /** Shuffles questions and options: a stream for each quiz request and lesson (`quizPurpose`, `lessonPurpose`). */
  randomFor: RandomSource;
  session: TargetSession;
  /** Goes to another screen. */
  go: (view: View) => void;
  /** Asks a yes/no question over the current screen. */
  confirm: (confirmation: Confirmation) => void;
  /** Tells the learner something in the notice line (progress saved elsewhere, a corrupt file moved aside...). */
  notify: (message: string) => void;
  /** The keys the status bar shows for what is on screen now (the screen's usual ones when unset). */
  setStatusKeys: (keys: readonly Command[] | undefined) => void;
  /** While a text answer is typed, letters are text: q and ? do not quit or open help. */
  setTextEntry: (typing: boolean) => void;
  /** While set, leaving the screen (esc, q) asks this first: an exam in progress would be lost. */
  setLeaveGuard: (question: string | undefined) => void;
  quit: () => void;
}

export const AppContext = createContext<AppServices | undefined>(undefined);

export const useServices = (): AppServices => {
  const services = useContext(AppContext);
  if (!services) throw new Error("useServices outside the app");
  return services;
};

export const catalogFrom = (lessons: readonly Lesson[], quizzes: readonly Quiz[]): Catalog => ({
  lessons: inTeachingOrder(lessons),
  quizzes,
  questions: new Map(quizzes.flatMap((quiz) => quiz.questions.map((question) => [question.id, question] as const))),
});
