import { basename, dirname } from "node:path";

export type ContentKind = "lesson" | "quiz";

/**
 * Whether a file holds a lesson or a quiz: its folder says so in the shipped layout
 * (lessons/, quizzes/); elsewhere, a quiz is the file with a top-level `topic:` or `questions:`.
 * Decided from the text so that even a file with YAML syntax errors gets the right schema line.
 */
export const contentKind = (file: string, text: string): ContentKind => {
  const folder = basename(dirname(file));
  if (folder === "lessons") return "lesson";
  if (folder === "quizzes") return "quiz";
  return /^(topic|questions)\s*:/m.test(text) ? "quiz" : "lesson";
};
