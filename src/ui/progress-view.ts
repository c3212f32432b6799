import type { Lesson } from "../content/schema/lesson";
import { isLessonState, startLesson, type LessonState } from "../engine/lesson-session";
import type { ProgressData } from "../store/progress";

/** How far the learner is in each lesson, as the lists and the home screen show it. */

export type LessonMark = "done" | "started" | "new";

export const savedState = (lesson: Lesson, progress: ProgressData): LessonState | undefined => {
  const saved = progress.lessons[lesson.id]?.state;
  return isLessonState(saved) ? startLesson(lesson, saved) : undefined;
};

export const lessonMark = (lesson: Lesson, progress: ProgressData): LessonMark => {
  const saved = progress.lessons[lesson.id];
  if (saved?.completedAt) return "done";
  return saved ? "started" : "new";
};

export const MARKS: Record<LessonMark, string> = { done: "✓", started: "◐", new: "·" };

/** The lesson to continue: the last one opened if unfinished, else the first not done. */
export const lessonToContinue = (lessons: readonly Lesson[], progress: ProgressData): Lesson | undefined => {
  const last = lessons.find((lesson) => lesson.id === progress.lastLessonId);
  if (last && lessonMark(last, progress) !== "done") return last;
  return lessons.find((lesson) => lessonMark(lesson, progress) !== "done");
};
