import { lazyScreen } from "./lazy-screen";

/**
 * Every screen but home, each loaded the first time it opens (lazy-screen.ts): before the first
 * frame the app loads the home screen's code only. test/build/lazy-loading.test.ts keeps it so.
 */

export const LessonList = lazyScreen(() => import("./screens/lesson-list").then((screen) => screen.LessonList));
export const LessonPlayer = lazyScreen(() => import("./screens/lesson-player").then((screen) => screen.LessonPlayer));
export const QuizMenu = lazyScreen(() => import("./screens/quiz-menu").then((screen) => screen.QuizMenu));
export const QuizRunner = lazyScreen(() => import("./screens/quiz-runner").then((screen) => screen.QuizRunner));
export const Stats = lazyScreen(() => import("./screens/stats").then((screen) => screen.Stats));
export const TargetPicker = lazyScreen(() => import("./screens/target-picker").then((screen) => screen.TargetPicker));
export const Help = lazyScreen(() => import("./screens/help").then((screen) => screen.Help));
export const InterviewScreen = lazyScreen(() => import("./screens/interview").then((screen) => screen.InterviewScreen), "Opening the interview…");
/** A workshop's: its agenda is home when joined, and the instructor's live questions come over any screen. */
export const Agenda = lazyScreen(() => import("./screens/agenda").then((screen) => screen.Agenda));
export const LiveQuestionScreen = lazyScreen(() => import("./screens/live-question").then((screen) => screen.LiveQuestionScreen));

/**
 * The screens a learner opens from home, loaded in the background once the first frame is up, so
 * that none of them waits for its code when chosen. The mock interview still loads when opened.
 */
export const preloadScreens = (): Promise<void> =>
  Promise.all([LessonList, LessonPlayer, QuizMenu, QuizRunner, Stats, TargetPicker, Help].map((screen) => screen.preload())).then(() => undefined);

/** Every screen's code, the interview's and the workshop's too (tests, which read a screen as soon as it is chosen). */
export const preloadAllScreens = (): Promise<void> =>
  Promise.all([preloadScreens(), InterviewScreen.preload(), Agenda.preload(), LiveQuestionScreen.preload()]).then(() => undefined);
