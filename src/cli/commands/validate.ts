import { loadContentBesideShipped, loadEverythingShipped } from "../../content/catalog";
import { formatProblem, formatWarning, sortProblems } from "../../content/problem";
import { questionWarnings } from "../../content/question-warnings";
import { workshopWarnings } from "../../content/workshop-warnings";
import { operationExists } from "../../handson/operation-exists";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

export interface ValidateCommandOptions {
  /** Warnings fail the run too (exit 1), for a content repository's CI. */
  strict?: boolean;
}

/**
 * `s3-tutor validate [paths] [--strict]`: checks the shipped lessons, quizzes and workshops, or the
 * files and folders given, and prints each problem as file:line:col: message and each warning as
 * file:line:col: warning: message, in file order. Problems exit 1; warnings (a question whose
 * answer shows, see question-warnings.ts; an agenda whose blocks do not add up,
 * workshop-warnings.ts) only with --strict: the content works, it just teaches less well.
 * Returns the exit code.
 */
export const runValidateCommand = async (paths: string[], options: ValidateCommandOptions = {}): Promise<number> => {
  // Given files are checked as run takes them: beside the shipped content, whose ids they may use but not take.
  const content = paths.length === 0 ? await loadEverythingShipped({ operationExists }) : await loadContentBesideShipped(paths, { operationExists });
  const warnings = new Set([...questionWarnings(content.quizzes), ...workshopWarnings(content.workshops)]);

  const out = sortProblems([...content.problems, ...warnings]).map((found) => `${warnings.has(found) ? formatWarning(found) : formatProblem(found)}\n`);
  const warned = warnings.size > 0 ? `; ${plural(warnings.size, "warning")}` : "";
  if (content.problems.length > 0) {
    const files = new Set(content.problems.map((problem) => problem.file)).size;
    out.push(`${plural(content.problems.length, "problem")} in ${plural(files, "file")}${warned}\n`);
  } else {
    const questions = content.quizzes.reduce((sum, quiz) => sum + quiz.quiz.questions.length, 0);
    const workshops = content.workshops.length;
    const interviews = content.interviews.reduce((sum, file) => sum + file.interviews.interviews.length, 0);
    const noLessonsOrQuizzes = content.lessons.length === 0 && questions === 0;
    const onlyWorkshops = workshops > 0 && noLessonsOrQuizzes && interviews === 0;
    const onlyInterviews = interviews > 0 && noLessonsOrQuizzes && workshops === 0;
    const what = onlyWorkshops
      ? "workshops are valid"
      : onlyInterviews
        ? "interview questions are valid"
        : workshops > 0
          ? "lessons, quizzes and workshops are valid"
          : "lessons and quizzes are valid";
    const counted = [
      ...(onlyWorkshops || onlyInterviews ? [] : [plural(content.lessons.length, "lesson"), plural(questions, "question")]),
      ...(workshops > 0 ? [plural(workshops, "workshop")] : []),
      ...(interviews > 0 ? [plural(interviews, "interview question")] : []),
    ];
    out.push(`${what}: ${counted.join(", ")}${warned}\n`);
  }
  process.stdout.write(out.join(""));
  return content.problems.length > 0 || (options.strict === true && warnings.size > 0) ? 1 : 0;
};
