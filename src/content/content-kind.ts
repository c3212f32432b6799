import { basename, dirname } from "node:path";

export type ContentKind = "lesson" | "quiz" | "workshop";

/**
 * Whether a file holds a lesson, a quiz or a workshop: its folder says so in the shipped layout
 * (lessons/, quizzes/, workshops/); elsewhere, a workshop is the file with a top-level `blocks:`,
 * a quiz the file with a top-level `topic:` or `questions:`. Decided from the text so that even
 * a file with YAML syntax errors gets the right schema line.
 */
export const contentKind = (file: string, text: string): ContentKind => {
  const folder = basename(dirname(file));
  if (folder === "lessons") return "lesson";
  if (folder === "quizzes") return "quiz";
  if (folder === "workshops") return "workshop";
  if (/^blocks\s*:/m.test(text)) return "workshop";
  return /^(topic|questions)\s*:/m.test(text) ? "quiz" : "lesson";
};
