import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Question } from "../../src/content/schema/quiz";
import { finished, spawnCli, type Finished } from "../helpers/cli";

/**
 * Drives `s3-tutor quiz --plain` as a learner at a terminal would: reads each question as
 * printed (options shuffled), then types a reply. Each run has its own state directory.
 */

export const newStateDir = (): string => mkdtempSync(join(tmpdir(), "s3-tutor-plain-"));

export interface AskedQuestion {
  id: string;
  number: number;
  total: number;
  /** The options as numbered on screen. */
  choices: string[];
}

/** The last question printed in `text`, if any. */
export const lastQuestion = (text: string): AskedQuestion | undefined => {
  const headers = [...text.matchAll(/^Question (\d+) of (\d+) \(([a-z0-9-]+\.[a-z0-9-]+)\)/gm)];
  const header = headers.at(-1);
  if (!header?.[3] || header.index === undefined) return undefined;
  const block = text.slice(header.index).split("\n");
  const promptEnd = block.findIndex((line) => /^(Answer|Type your answer)/.test(line));
  const choices = block.slice(0, promptEnd).flatMap((line) => {
    const match = /^(\d+)\. (.*)$/.exec(line);
    return match?.[2] !== undefined ? [match[2]] : [];
  });
  return { id: header[3], number: Number(header[1]), total: Number(header[2]), choices };
};

/** The reply that answers `question` right (or wrong), from the options as numbered on screen. */
export const replyFor = (question: Question, asked: AskedQuestion, right: boolean): string => {
  switch (question.type) {
    case "single":
    case "multi": {
      const isCorrect = (text: string) => question.choices.find((choice) => choice.text === text)?.correct === true;
      const numbers = asked.choices.flatMap((text, index) => (isCorrect(text) === right ? [String(index + 1)] : []));
      return right ? numbers.join(" ") : (numbers[0] ?? "1");
    }
    case "truefalse":
      return question.answer === right ? "1" : "2";
    case "text":
      return right ? (question.accept[0] ?? "") : "certainly-not-an-accepted-answer";
  }
};

const PROMPT = /^(Answer .*|Type your answer .*|Type r and enter .*|Type r if you were right .*):$/m;

export class PlainQuiz {
  readonly child;
  private readonly done: Promise<Finished>;
  private output = "";
  private seen = 0;
  private closed = false;
  private asked: AskedQuestion | undefined;

  constructor(args: string[], readonly stateDir = newStateDir()) {
    this.child = spawnCli(["quiz", ...args], { S3_TUTOR_STATE_DIR: stateDir });
    this.child.stdin.on("error", () => {});
    this.child.stdout.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.done = finished(this.child);
    void this.done.then(() => (this.closed = true));
  }

  /** Waits for the next prompt: a question, the offer to retry the missed ones, or (undefined) the end. */
  async next(timeoutMs = 30_000): Promise<AskedQuestion | "retry" | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = this.output.slice(this.seen);
      const prompt = PROMPT.exec(fresh);
      if (prompt) {
        this.seen += prompt.index + prompt[0].length;
        if (prompt[0].startsWith("Type r and enter")) return "retry";
        // The offer to mark a typed answer right: this driver's learner goes on.
        if (prompt[0].startsWith("Type r if you were right")) {
          this.type("");
          continue;
        }
        // A prompt without a question before it asks the same question again (after flag or guess).
        this.asked = lastQuestion(fresh.slice(0, prompt.index + prompt[0].length)) ?? this.asked;
        return this.asked;
      }
      if (this.closed) return undefined;
      if (Date.now() > deadline) throw new Error(`no prompt came; the output so far:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The next prompt, which must be a question. */
  async question(): Promise<AskedQuestion> {
    const next = await this.next();
    if (next === undefined || next === "retry") throw new Error(`expected a question; the output so far:\n${this.output}`);
    return next;
  }

  transcript(): string {
    return this.output;
  }

  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  end(): Promise<Finished> {
    this.child.stdin.end();
    return this.done;
  }
}
