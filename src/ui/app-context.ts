import { createContext, useContext } from "react";
import type { Lesson } from "../content/schema/lesson";
import { inTeachingOrder } from "../content/teaching-order";
import type { InterviewFile } from "../content/schema/interview";
import type { Question, Quiz } from "../content/schema/quiz";
import type { QuizRequest } from "../engine/quiz-plan";
import type { RandomSource } from "../engine/random";
import type { ProgressStore } from "../store/progress";
import type { QuizStores } from "../store/quiz-stores";
import type { TargetSession } from "../targets/target-session";
import type { ParticipantActivity } from "../room/protocol";
import type { RoomLink } from "../room-client/room-connection";
import type { WorkshopPlan } from "../room-client/workshop-plan";
import type { ExamResult, LiveAnswerOutcome } from "../room-client/room-connection";
import type { Command } from "./keys/bindings";

/** The lessons and questions the app teaches from. */
export interface Catalog {
  lessons: readonly Lesson[];
  quizzes: readonly Quiz[];
  questions: ReadonlyMap<string, Question>;
  /** The mock interview's questions, a file per topic. */
  interviews: readonly InterviewFile[];
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
  /**
   * A lesson; in a workshop, as the agenda's block (with `steps`: only those step indices). With
   * `step` (an index into its steps) it opens there: the interview report sends a missed point there.
   */
  | { screen: "lesson"; lessonId: string; block?: string; steps?: readonly number[]; step?: number }
  /** The quiz menu: a mode, then topics. */
  | { screen: "quizMenu" }
  /**
   * A quiz session; without a request, practice over every topic. In a workshop, as the agenda's
   * block, with the room's seed (the same questions for everyone) and an exam's pass mark.
   */
  | { screen: "quiz"; request?: QuizRequest; block?: string; seed?: number; passMark?: number }
  /** The mock interview: `minutes` long (default 20), over these topics (default all), `seed` as --seed. */
  | { screen: "interview"; minutes?: number; topics?: readonly string[]; seed?: number }
  | { screen: "stats" }
  | { screen: "target" };

/** The room a participant joined, as the app shows it: the workshop's agenda and the live link. */
export interface WorkshopMode {
  plan: WorkshopPlan;
  room: {
    readonly link: RoomLink;
    subscribe(listener: () => void): () => void;
    /** An exam block this participant has finished, with their result: it is taken once. */
    examResult(block: string): ExamResult | undefined;
    /** Live quiz: sends an answer at once (never queued: a late one is pointless); absent where there is no room to answer. */
    answerLive?(questionId: string, choices: number[]): Promise<LiveAnswerOutcome>;
  };
}

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
  /** In a workshop: the agenda is home, and the room's pacing and link are shown. */
  workshop?: WorkshopMode;
  /** In a workshop: tells the room what the participant did (recorded on disk first). Solo: absent. */
  reportActivity?: (activity: ParticipantActivity) => void;
}

export const AppContext = createContext<AppServices | undefined>(undefined);

export const useServices = (): AppServices => {
  const services = useContext(AppContext);
  if (!services) throw new Error("useServices outside the app");
  return services;
};

export const catalogFrom = (lessons: readonly Lesson[], quizzes: readonly Quiz[], interviews: readonly InterviewFile[] = []): Catalog => ({
  lessons: inTeachingOrder(lessons),
  quizzes,
  interviews,
  questions: new Map(quizzes.flatMap((quiz) => quiz.questions.map((question) => [question.id, question] as const))),
});
