import { loadAppContent } from "../app-content";
import { formatProblem } from "../../content/problem";
import type { Question } from "../../content/schema/quiz";
import type { QuizMode } from "../../engine/quiz-modes";
import { planQuiz, quizPurpose, type QuizRequest } from "../../engine/quiz-plan";
import { filterProblem } from "../../engine/quiz-selection";
import { topicOf } from "../../engine/question-topic";
import { randomSourceFor } from "../../engine/random";
import { dueToday } from "../../engine/review-due";
import { flushQuizStores, openQuizStores } from "../../store/quiz-stores";
import { UserError } from "../errors";
import { runPlainQuiz } from "../plain-quiz";
import { exitQuietlyOnEpipe } from "../quiet-epipe";
import { nothingToAskJson, quizJson } from "../quiz-json";

export interface QuizCommandOptions {
  plain?: boolean;
  json?: boolean;
  mode?: QuizMode;
  count?: number;
  tag?: string[];
  seed?: number;
}

export const NO_TERMINAL_QUIZ_MESSAGE =
  "the quiz screens need an interactive terminal. Without one, run s3-tutor quiz --plain: questions and answers line by line (add --json for a report).";

/**
 * `s3-tutor quiz [topics...] [--mode] [--count] [--tag] [--plain] [--json] [--seed]`. In a terminal it
 * opens the app on the quiz; with --plain (or --json, which implies it) the session runs line
 * by line on stdin and stdout, and --json prints the results as JSON on stdout (the dialogue
 * then goes to stderr). Exit 0 once the quiz ran, whatever the score.
 */
export const runQuizCommand = async (topics: string[], options: QuizCommandOptions): Promise<number> => {
  const request: QuizRequest = {
    mode: options.mode ?? "practice",
    topics,
    tags: options.tag ?? [],
    ...(options.count !== undefined ? { count: options.count } : {}),
  };
  const lineByLine = options.plain === true || options.json === true;
  if (!lineByLine && (!process.stdin.isTTY || !process.stdout.isTTY)) throw new UserError(NO_TERMINAL_QUIZ_MESSAGE, 2);

  const loaded = await loadAppContent();
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw new UserError(`the lessons and quizzes have ${loaded.problems.length} problems (above); run s3-tutor validate for details.`);
  }
  const { quizzes } = loaded.content;
  const questions: Question[] = quizzes.flatMap((quiz) => quiz.questions);
  if (questions.length === 0) throw new UserError("there are no quizzes to ask.");
  const problem = filterProblem(questions, request);
  if (problem) throw new UserError(problem);

  if (!lineByLine) {
    const { runAppCommand } = await import("./app");
    return runAppCommand(options.seed !== undefined ? { seed: options.seed } : {}, undefined, { screen: "quiz", request });
  }

  // `quiz --plain | head` closes the pipe early: that ends the quiz, it is no crash.
  exitQuietlyOnEpipe(process.stdout, process.stderr);
  const { stores, notices } = await openQuizStores();
  for (const notice of notices) process.stderr.write(`s3-tutor: ${notice}\n`);
  // Drawn as the app draws it: the same --seed gives the same exam on the screens and line by line.
  const randomFor = randomSourceFor(options.seed);
  const clock = () => new Date();
  const plan = (wanted: QuizRequest) =>
    planQuiz(wanted, { questions, history: stores.history.data, cards: stores.cards.data, now: clock(), random: randomFor(quizPurpose(wanted)) });
  const first = plan(request);
  const dialogue = options.json ? process.stderr : process.stdout;

  if (!("state" in first)) {
    if (options.json) process.stdout.write(`${JSON.stringify(nothingToAskJson(request.mode, first.reason), null, 2)}\n`);
    else dialogue.write(`${first.reason}\n`);
    return 0;
  }
  const asked = new Set(first.state.items.map((item) => topicOf(item.questionId)));
  const byId = new Map(questions.map((question) => [question.id, question]));
  const run = await runPlainQuiz(
    first.state,
    { questions: byId, titles: quizzes.filter((quiz) => asked.has(quiz.topic)).map((quiz) => quiz.title), clock, stores, ...(options.json ? {} : { planRetry: plan }) },
    { input: process.stdin, output: dialogue, echoAnswers: process.stdin.isTTY !== true },
  );
  const writeErrors = await flushQuizStores(stores);
  for (const error of writeErrors) process.stderr.write(`s3-tutor: ${error}\n`);
  if (options.json) {
    const due = dueToday(stores.cards.data.cards, clock(), new Set(byId.keys())).length;
    process.stdout.write(`${JSON.stringify(quizJson(run, due), null, 2)}\n`);
  }
  return 0;
};
