import { askTimeLimitMs, followUpReasons, interviewReducer, type InterviewEvent, type InterviewState } from "../engine/interview/interview-session";
import { readLines, type LineReader } from "./line-reader";
import {
  answeredLine,
  askLines,
  followUpReasonLine,
  parseTicks,
  rubricLines,
  scoredLines,
  tickPromptLine,
} from "./plain-interview-text";

export interface PlainInterviewStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Repeat each line read as "> line": when answers come from a pipe, the transcript then shows them. */
  echoAnswers?: boolean;
}

/** Typed on a line of its own while answering. */
export const SKIP_COMMAND = "/skip";
export const END_COMMAND = "/end";

/** An answer as read: its text, or a command, or the input's end (with what was typed before it). */
type Answer = { kind: "text"; text: string; inputEnded: boolean } | { kind: "skip" } | { kind: "end" };

/**
 * `interview --plain`: each ask, the answer typed line by line, the rubric with the matcher's
 * ticks to confirm or correct, the model answer, then the follow-up the misses chose. The
 * interview's reducer decides everything, as on the screen. The input ending (a pipe run dry,
 * Ctrl-D) scores what was typed so far and ends the interview.
 */
export const runPlainInterview = async (start: InterviewState, clock: () => Date, streams: PlainInterviewStreams): Promise<InterviewState> => {
  const reader = readLines(streams.input);
  const say = (lines: readonly string[]) => streams.output.write(lines.map((line) => `${line}\n`).join(""));
  const echo = (line: string) => {
    if (streams.echoAnswers) say([`> ${line}`]);
  };
  let state = start;
  const dispatch = (event: InterviewEvent) => {
    state = interviewReducer(state, event);
  };
  const now = () => clock().toISOString();
  try {
    while (state.phase !== "done") {
      const limit = askTimeLimitMs(state);
      say(["", ...askLines(state, limit)]);
      const answer = await readAnswer(reader, echo);
      if (answer.kind === "skip") {
        dispatch({ type: "skip", at: now() });
        say(["Skipped."]);
        continue;
      }
      // The input ending before anything was typed ends the interview, as /end does.
      if (answer.kind === "end" || (answer.inputEnded && answer.text.trim() === "")) {
        dispatch({ type: "end", at: now() });
        break;
      }
      dispatch({ type: "answer", text: answer.text, at: now() });
      say([answeredLine(Date.parse(state.answeredAt ?? state.askedAt) - Date.parse(state.askedAt), limit), "", ...rubricLines(state)]);
      const inputEnded = answer.inputEnded || !(await confirmTicks(state, reader, say, echo, dispatch));
      const made = state.ticked.length;
      const scored = state;
      dispatch({ type: "score", at: now() });
      say(["", ...scoredLines(scored, made)]);
      if (inputEnded) {
        dispatch({ type: "end", at: now() });
        break;
      }
      const reason = state.phase === "answering" ? followUpReasonLine(followUpReasons(state)) : undefined;
      if (reason) say(["", reason]);
    }
  } finally {
    reader.close();
  }
  return state;
};

const readAnswer = async (reader: LineReader, echo: (line: string) => void): Promise<Answer> => {
  const lines: string[] = [];
  for (;;) {
    const line = await reader.next();
    if (line === undefined) return { kind: "text", text: lines.join("\n"), inputEnded: true };
    echo(line);
    const command = line.trim().toLowerCase();
    if (lines.length === 0 && command === SKIP_COMMAND) return { kind: "skip" };
    if (lines.length === 0 && command === END_COMMAND) return { kind: "end" };
    if (line.trim() === "") return { kind: "text", text: lines.join("\n"), inputEnded: false };
    lines.push(line);
  }
};

/** Asks for the points made until the reply is numbers or enter; false when the input ended (the ticks then stand). */
const confirmTicks = async (
  state: InterviewState,
  reader: LineReader,
  say: (lines: readonly string[]) => void,
  echo: (line: string) => void,
  dispatch: (event: InterviewEvent) => void,
): Promise<boolean> => {
  const points = state.current.points;
  say([tickPromptLine(state)]);
  for (;;) {
    const line = await reader.next();
    if (line === undefined) return false;
    echo(line);
    const reply = parseTicks(line, points.length);
    if (reply === "keep") return true;
    if ("invalid" in reply) {
      say([reply.invalid, tickPromptLine(state)]);
      continue;
    }
    points.forEach((point, index) => {
      if (reply.made.includes(index + 1) !== state.ticked.includes(point.id)) dispatch({ type: "toggle", pointId: point.id });
    });
    return true;
  }
};
