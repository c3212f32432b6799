import type { Lesson } from "./schema/lesson";

/** Lessons in an order where each comes after the lessons it requires (ties by id). */
export const inTeachingOrder = (lessons: readonly Lesson[]): Lesson[] => {
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const ordered: Lesson[] = [];
  const placed = new Set<string>();
  const place = (lesson: Lesson, seen: Set<string>) => {
    if (placed.has(lesson.id) || seen.has(lesson.id)) return;
    seen.add(lesson.id);
    for (const required of lesson.requires ?? []) {
      const before = byId.get(required);
      if (before) place(before, seen);
    }
    placed.add(lesson.id);
    ordered.push(lesson);
  };
  // Ids are lower-case words joined by hyphens (the schema), which sort the same by code unit as by
  // localeCompare, without setting up ICU's collator on the way to the first frame.
  for (const lesson of [...lessons].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) place(lesson, new Set());
  return ordered;
};
