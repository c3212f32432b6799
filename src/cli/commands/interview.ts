import { loadAppContent } from "../app-content";
import { formatProblem } from "../../content/problem";
import { interviewReport } from "../../engine/interview/interview-report";
import { recordInterview } from "../../engine/interview/interview-recording";
import { DEFAULT_INTERVIEW_MINUTES, INTERVIEW_PURPOSE, planInterview } from "../../engine/interview/interview-plan";
import { startInterview } from "../../engine/interview/interview-session";
import { randomSourceFor } from "../../engine/random";
import { interviewsOf } from "../../store/quiz-history";
import { flushQuizStores, openQuizStores } from "../../store/quiz-stores";
import { UserError } from "../errors";
import { runPlainInterview } from "../plain-interview";
import { headerLines, reportLines } from "../plain-interview-text";
import { exitQuietlyOnEpipe } from "../quiet-epipe";

export interface InterviewCommandOptions {
  minutes?: number;
  topics?: string[];
  seed?: number;
  plain?: boolean;
  json?: boolean;
}


export const NO_TERMINAL_INTERVIEW_MESSAGE =
  "the interview screen needs an interactive terminal. Without one, run s3-tutor interview --plain: questions and answers line by line (add --json for the report as JSON).";

/**
 * `s3-tutor interview [--minutes] [--topics] [--seed] [--plain] [--json]`. In a terminal it opens
 * the app; with --plain (or --json, which implies it) the interview runs line by line on stdin
 * and stdout, and --json prints the report as JSON on stdout (the dialogue then goes to stderr).
 * The interview is recorded (history and review cards) whatever the score; exit 0 once it ran.
 */
export const runInterviewCommand = async (options: InterviewCommandOptions): Promise<number> => {
  const lineByLine = options.plain === true || options.json === true;
  if (!lineByLine && (!process.stdin.isTTY || !process.stdout.isTTY)) throw new UserError(NO_TERMINAL_INTERVIEW_MESSAGE, 2);

  const loaded = await loadAppContent();
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw new UserError(`the content has ${loaded.problems.length} problems (above); run s3-tutor validate for details.`);
  }
  const { interviews, lessons } = loaded.content;
  const questions = interviews.flatMap((file) => file.interviews);
  if (questions.length === 0) throw new UserError("there are no interview questions to ask.");
  const topics = options.topics ?? [];
  const known = interviews.map((file) => file.topic);
  const unknown = topics.filter((topic) => !known.includes(topic));
  if (unknown.length > 0) throw new UserError(`no interview questions on ${unknown.join(", ")}. Topics: ${known.join(", ")}.`, 2);
  const minutes = options.minutes ?? DEFAULT_INTERVIEW_MINUTES;

  if (!lineByLine) {
    const { runAppCommand } = await import("./app");
    const seed = options.seed !== undefined ? { seed: options.seed } : {};
    return runAppCommand(seed, undefined, { screen: "interview", minutes, ...(topics.length > 0 ? { topics } : {}), ...seed });
  }

  exitQuietlyOnEpipe(process.stdout, process.stderr);
  const { stores, notices } = await openQuizStores();
  for (const notice of notices) process.stderr.write(`s3-tutor: ${notice}\n`);
  const clock = () => new Date();
  const plan = planInterview(questions, { minutes, topics, random: randomSourceFor(options.seed)(INTERVIEW_PURPOSE), cards: stores.cards.data.cards, now: clock() });
  const dialogue = options.json ? process.stderr : process.stdout;
  dialogue.write(headerLines(plan, minutes).map((line) => `${line}\n`).join(""));

  const past = interviewsOf(stores.history.data);
  const done = await runPlainInterview(startInterview(plan, clock()), clock, {
    input: process.stdin,
    output: dialogue,
    echoAnswers: process.stdin.isTTY !== true,
  });
  await recordInterview(stores, done);
  const writeErrors = await flushQuizStores(stores);
  for (const error of writeErrors) process.stderr.write(`s3-tutor: ${error}\n`);

  const report = interviewReport(done, lessons, past);
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else dialogue.write(["", ...reportLines(report)].map((line) => `${line}\n`).join(""));
  return 0;
};
