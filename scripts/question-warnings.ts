// Lists the warnings `validate` gives quiz files (an answer given away by its length, true/false
// answers that lean one way), for the files or folders given, default the shipped quizzes/. Unlike
// `validate <paths>` it checks them on their own, not beside this checkout's shipped quizzes, so a
// content author can measure a bank in another checkout:
//   npx tsx scripts/question-warnings.ts ../other-checkout/quizzes
// Exit 1 when there are warnings or problems.
import { join } from "node:path";
import { loadContent } from "../src/content/catalog";
import { packageRoot } from "../src/content/package-root";
import { formatProblem, formatWarning } from "../src/content/problem";
import { questionWarnings } from "../src/content/question-warnings";

const paths = process.argv.slice(2);
const content = await loadContent(paths.length > 0 ? paths : [join(packageRoot(), "quizzes")]);
const problems = content.problems;
const warnings = questionWarnings(content.quizzes);
for (const problem of problems) console.log(formatProblem(problem));
for (const warning of warnings) console.log(formatWarning(warning));
const questions = content.quizzes.reduce((sum, quiz) => sum + quiz.quiz.questions.length, 0);
console.log(`${warnings.length} warnings in ${content.quizzes.length} quiz files (${questions} questions)${problems.length > 0 ? `; ${problems.length} problems` : ""}`);
process.exitCode = warnings.length > 0 || problems.length > 0 ? 1 : 0;
