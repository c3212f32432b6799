import { fileURLToPath } from "node:url";
import { loadContent } from "../../src/content/catalog";
import type { Question } from "../../src/content/schema/quiz";

/** The fixture content (a quiz with one question of each type, two lessons), so the tests can name questions. */
export const FIXTURE = fileURLToPath(new URL("../fixtures/content/good", import.meta.url));
const fixture = await loadContent([FIXTURE]);
export const QUESTIONS = new Map<string, Question>(fixture.quizzes.flatMap((loaded) => loaded.quiz.questions.map((question) => [question.id, question])));
export const question = (id: string): Question => {
  const found = QUESTIONS.get(id);
  if (!found) throw new Error(`no fixture question ${id}`);
  return found;
};
