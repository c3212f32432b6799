import { loadCatalog } from "../../content/catalog";
import { formatProblem } from "../../content/problem";
import type { Quiz } from "../../content/schema/quiz";
import { UserError } from "../errors";
import { runPlainQuiz } from "../plain-quiz";

export interface QuizCommandOptions {
  plain?: boolean;
}

/**
 * `s3-tutor quiz [topics...] --plain`: the shipped quizzes (or those of the topics given, in
 * file order) as a line-by-line practice quiz on stdin/stdout. Returns the exit code: 0 once
 * the quiz ran, whatever the score; errors are for content or arguments that are wrong.
 */
export const runQuizCommand = async (topics: string[], options: QuizCommandOptions): Promise<number> => {
  if (!options.plain) {
    throw new UserError("the interactive quiz comes with the app. For now, run s3-tutor quiz --plain: questions and answers line by line.", 2);
  }
  const content = await loadCatalog();
  if (content.problems.length > 0) {
    for (const problem of content.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw new UserError(`the lessons and quizzes have ${content.problems.length} problems (above); run s3-tutor validate for details.`);
  }
  const quizzes = chooseQuizzes(
    content.quizzes.map((loaded) => loaded.quiz),
    topics,
  );
  await runPlainQuiz(quizzes, { input: process.stdin, output: process.stdout, echoAnswers: process.stdin.isTTY !== true });
  return 0;
};

const chooseQuizzes = (quizzes: Quiz[], topics: string[]): Quiz[] => {
  const known = quizzes.map((quiz) => quiz.topic);
  if (known.length === 0) throw new UserError("there are no quizzes to ask.");
  const unknown = topics.filter((topic) => !known.includes(topic));
  if (unknown.length > 0) {
    const named = unknown.map((topic) => `"${topic}"`).join(", ");
    const there = unknown.length === 1 ? `there is no quiz topic ${named}` : `there are no quiz topics ${named}`;
    throw new UserError(`${there}. Topics: ${known.join(", ")}.`);
  }
  return topics.length === 0 ? quizzes : quizzes.filter((quiz) => topics.includes(quiz.topic));
};
