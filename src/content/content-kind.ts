import { basename, dirname } from "node:path";

export type ContentKind = "lesson" | "quiz" | "workshop" | "interview";

/**
 * Whether a file holds a lesson, a quiz, a workshop or interview questions: its folder says so in
 * the shipped layout (lessons/, quizzes/, workshops/, interviews/); elsewhere, a workshop is the
 * file with a top-level `blocks:`, interview questions the file with a top-level `interviews:`,
 * a quiz the file with a top-level `topic:` or `questions:`. Decided from the text so that even
 * a file with YAML syntax errors gets the right schema line.
 */
export const contentKind = (file: string, text: string): ContentKind => {
  const folder = basename(dirname(file));
  if (folder === "lessons") return "lesson";
  if (folder === "quizzes") return "quiz";
  if (folder === "workshops") return "workshop";
  if (folder === "interviews") return "interview";
  if (/^blocks\s*:/m.test(text)) return "workshop";
  if (/^interviews\s*:/m.test(text)) return "interview";
  return /^(topic|questions)\s*:/m.test(text) ? "quiz" : "lesson";
};
