import type { Question, Quiz } from "../content/schema/quiz";
import type { Answer } from "../engine/grading";
import { currentGrade, currentQuestion, isQuizComplete, quizReducer, startQuiz, type QuizState } from "../engine/quiz-session";
import { readLines, type LineReader } from "./line-reader";
import { parsePlainReply } from "./plain-reply";
import { feedbackLines, finalScoreLines, headerLines, partialScoreLines, questionLines } from "./plain-quiz-text";

export interface PlainQuizStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Repeat each line read as "> line": when answers come from a pipe, the transcript then shows them. */
  echoAnswers?: boolean;
}

export type PlainQuizEnd = "finished" | "quit" | "input-ended";

export interface PlainQuizResult {
  state: QuizState;
  end: PlainQuizEnd;
}

/** A reply that moves the quiz on: an answer, a skip, or the end of the dialogue. */
type Decision = { kind: "answer"; answer: Answer } | { kind: "skip" } | { kind: "quit" } | { kind: "input-ended" };

/**
 * `quiz --plain` in practice mode: numbered questions on `output`, one answer per line from
 * `input`, feedback after each, the score at the end. The quiz session's reducer keeps the
 * state and grade() decides what is right, so the Ink runner and this one cannot disagree.
 */
export const runPlainQuiz = async (quizzes: readonly Quiz[], streams: PlainQuizStreams): Promise<PlainQuizResult> => {
  const questions = quizzes.flatMap((quiz) => quiz.questions);
  const byId = new Map(questions.map((question) => [question.id, question]));
  const say = (lines: string[]) => streams.output.write(lines.map((line) => `${line}\n`).join(""));
  const reader = readLines(streams.input);
  const ask = (question: Question) => askUntilValid(question, reader, say, streams.echoAnswers === true);

  let state = startQuiz(questions);
  say(headerLines(quizzes, questions.length));
  try {
    while (!isQuizComplete(state)) {
      const question = currentQuestion(byId, state);
      if (!question) break;
      say(["", ...questionLines(question, state.index + 1, questions.length)]);
      const decision = await ask(question);
      if (decision.kind === "quit" || decision.kind === "input-ended") {
        say(["", ...partialScoreLines(state, decision.kind)]);
        return { state, end: decision.kind };
      }
      if (decision.kind === "skip") {
        say(["Skipped."]);
        state = quizReducer(byId, state, { type: "skip" });
        continue;
      }
      state = quizReducer(byId, state, { type: "answer", answer: decision.answer });
      const grade = currentGrade(byId, state);
      if (grade) say(feedbackLines(question, decision.answer, grade));
      state = quizReducer(byId, state, { type: "next" });
    }
    say(["", ...finalScoreLines(state)]);
    return { state, end: "finished" };
  } finally {
    reader.close();
  }
};

/** Reads lines until one is a usable reply; anything else is explained and asked again. */
const askUntilValid = async (
  question: Question,
  reader: LineReader,
  say: (lines: string[]) => void,
  echo: boolean,
): Promise<Decision> => {
  for (;;) {
    const line = await reader.next();
    if (line === undefined) return { kind: "input-ended" };
    if (echo) say([`> ${line}`]);
    const reply = parsePlainReply(question, line);
    if (reply.kind !== "invalid") return reply;
    say([reply.reason]);
  }
};
