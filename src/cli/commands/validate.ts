import { loadCatalog, loadContentBesideShipped } from "../../content/catalog";
import { formatProblem } from "../../content/problem";
import { loadOperationChecker } from "../../handson/dispatch";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * `s3-tutor validate [paths]`: checks the shipped lessons and quizzes, or the files and folders
 * given, and prints each problem as file:line:col: message. Returns the exit code.
 */
export const runValidateCommand = async (paths: string[]): Promise<number> => {
  // Loads the three SDK packages once (~150 ms) so content can ask whether an operation exists.
  const operationExists = await loadOperationChecker();
  // Given files are checked as run takes them: beside the shipped content, whose ids they may use but not take.
  const content = paths.length === 0 ? await loadCatalog({ operationExists }) : await loadContentBesideShipped(paths, { operationExists });

  const out = content.problems.map((problem) => `${formatProblem(problem)}\n`);
  if (content.problems.length > 0) {
    const files = new Set(content.problems.map((problem) => problem.file)).size;
    out.push(`${plural(content.problems.length, "problem")} in ${plural(files, "file")}\n`);
  } else {
    const questions = content.quizzes.reduce((sum, quiz) => sum + quiz.quiz.questions.length, 0);
    out.push(`lessons and quizzes are valid: ${plural(content.lessons.length, "lesson")}, ${plural(questions, "question")}\n`);
  }
  process.stdout.write(out.join(""));
  return content.problems.length > 0 ? 1 : 0;
};
