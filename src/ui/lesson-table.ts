import stringWidth from "string-width";
import type { Lesson } from "../content/schema/lesson";
import { lessonScore } from "../engine/lesson-session";
import type { ProgressData } from "../store/progress";
import { MARKS, lessonMark, savedState } from "./progress-view";

/**
 * The lesson list as a table: mark and title, id, minutes, score. The id, minutes and score keep
 * their columns whole; the title gives way (cut with "…") when the terminal is narrow, and the
 * list shows the chosen lesson's title in full under it.
 */

const GAP = "  ";

const fit = (text: string, width: number): string => {
  if (stringWidth(text) <= width) return text + " ".repeat(width - stringWidth(text));
  let cut = text;
  while (cut.length > 0 && stringWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…` + " ".repeat(Math.max(0, width - stringWidth(`${cut}…`)));
};

/** The score of a finished lesson ("80%"); nothing for one not finished. */
const scoreCell = (lesson: Lesson, progress: ProgressData): string => {
  const state = savedState(lesson, progress);
  return state && lessonMark(lesson, progress) === "done" ? `${lessonScore(lesson, state).percent}%` : "";
};

export const lessonTable = (lessons: readonly Lesson[], progress: ProgressData, width: number): { header: string; rows: string[] } => {
  const idWidth = Math.max(2, ...lessons.map((lesson) => lesson.id.length));
  const minutesWidth = Math.max(4, ...lessons.map((lesson) => `${lesson.minutes} min`.length));
  const scoreWidth = 5;
  const titleWidth = Math.max(8, width - 2 - idWidth - minutesWidth - scoreWidth - GAP.length * 3);
  const row = (mark: string, title: string, id: string, minutes: string, score: string) =>
    `${mark} ${fit(title, titleWidth)}${GAP}${fit(id, idWidth)}${GAP}${minutes.padStart(minutesWidth)}${GAP}${score.padStart(scoreWidth)}`.trimEnd();
  return {
    header: row(" ", "lesson", "id", "time", "score"),
    rows: lessons.map((lesson) => row(MARKS[lessonMark(lesson, progress)], lesson.title, lesson.id, `${lesson.minutes} min`, scoreCell(lesson, progress))),
  };
};

/** "score 4 of 5 (80%)", "started: step 3 of 8, 1 of 5 points so far", or "not started". */
export const lessonStanding = (lesson: Lesson, progress: ProgressData): string => {
  const state = savedState(lesson, progress);
  if (!state) return "not started";
  const score = lessonScore(lesson, state);
  if (lessonMark(lesson, progress) === "done") return `score ${score.earned} of ${score.possible} (${score.percent}%)`;
  return `started: step ${state.index + 1} of ${lesson.steps.length}, ${score.earned} of ${score.possible} points so far`;
};
