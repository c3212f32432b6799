import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { isLessonComplete, lessonReducer, startLesson, type LessonEvent } from "../../src/engine/lesson-session";
import { catalogFrom } from "../../src/ui/app-context";

/** The shipped lessons as the app orders them, and s3-basics played through with a mixed score. */

const content = await shippedCatalog();
export const catalog = catalogFrom(
  content.lessons.map((loaded) => loaded.lesson),
  content.quizzes.map((loaded) => loaded.quiz),
);
const found = catalog.lessons.find((lesson) => lesson.id === "s3-basics");
if (!found) throw new Error("no s3-basics lesson");
export const basics = found;

/** s3-basics played to its last step: a question wrong, a step with the hint, one done for you, one skipped, the last question right. */
export const playedBasics = (): string => {
  const events: LessonEvent[] = [
    { type: "next" },
    { type: "answered", correct: false },
    { type: "next" },
    { type: "hint" },
    { type: "checked", passed: true },
    { type: "next" },
    { type: "next" },
    { type: "solve" },
    { type: "checked", passed: true },
    { type: "next" },
    { type: "skip" },
    { type: "next" },
    { type: "answered", correct: true },
  ];
  const state = events.reduce((current, event) => lessonReducer(basics, current, event), startLesson(basics));
  expect(state.index).toBe(basics.steps.length - 1);
  const dir = mkdtempSync(join(tmpdir(), "s3-tutor-ui-recap-"));
  const saved = { state, updatedAt: "2026-03-02T10:00:00.000Z", ...(isLessonComplete(state) ? { completedAt: "2026-03-02T10:00:00.000Z" } : {}) };
  writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 1, welcomed: true, lastLessonId: "s3-basics", lessons: { "s3-basics": saved } }));
  return dir;
};

