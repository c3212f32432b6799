import type { Lesson } from "../content/schema/lesson";

/** The lesson after `lessonId` in the catalog's order (the teaching order); none after the last. */
export const nextLesson = (lessons: readonly Lesson[], lessonId: string): Lesson | undefined => {
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  return index >= 0 ? lessons[index + 1] : undefined;
};
