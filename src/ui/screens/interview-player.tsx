import { Box, Text, useInput } from "ink";
import { useCallback, useEffect, useRef, useState } from "react";
import { chooseFollowUp, MAX_CHAIN_DEPTH } from "../../engine/interview/follow-up-choice";
import {
  askTimeLimitMs,
  currentQuestion,
  followUpReasons,
  interviewReducer,
  isInterviewDone,
  missedPoints,
  type InterviewEvent,
  type InterviewState,
} from "../../engine/interview/interview-session";
import { formatDuration } from "../../engine/quiz-results";
import { useServices } from "../app-context";
import { AskingView } from "../components/interview/asking-view";
import { InterviewClock, interviewClockWidth } from "../components/interview/interview-clock";
import { ScoringView } from "../components/interview/scoring-view";
import { QuizHeader, headerRows, leftColumns } from "../components/quiz-header";
import { ScrollArea, useScroll } from "../components/scroll-area";
import { commandFor, type Command } from "../keys/bindings";
import { readableWidth } from "../text-layout";
import { useTheme } from "../theme";
import { InterviewReport } from "./interview-report";

export interface InterviewPlayerProps {
  start: InterviewState;
  /** The interview's length, as asked for: the report measures the time used against it. */
  minutes: number;
  isActive: boolean;
  width: number;
  height: number;
}

const LEAVE = "Leave the interview? Nothing of it is recorded (e, on a rubric, ends it with the report of what you scored).";

const STATUS_KEYS: Record<"answering" | "scoring", readonly Command[]> = {
  answering: ["answered", "newLine", "menu"],
  scoring: ["tickPoint", "scored", "skip", "endInterview", "menu", "help", "quit"],
};

/**
 * One mock interview on screen. The engine's reducer holds every rule (what the matcher ticks,
 * which follow-up the misses lead to); this renders the state, turns keys into events, and at the
 * end shows the report, which records it.
 */
export const InterviewPlayer = ({ start, minutes, isActive, width, height }: InterviewPlayerProps) => {
  const { clock, setStatusKeys, setLeaveGuard } = useServices();
  const theme = useTheme();
  const [state, setState] = useState(start);
  const latest = useRef(state);
  latest.current = state;
  const [cursor, setCursor] = useState(0);
  const textWidth = readableWidth(width - 2);
  const done = isInterviewDone(state);

  const dispatch = useCallback((event: InterviewEvent) => {
    const next = interviewReducer(latest.current, event);
    latest.current = next;
    setState(next);
  }, []);
  const now = () => clock().toISOString();

  const header = headerRows(
    [
      { text: "Mock interview", colour: theme.heading, bold: true },
      { text: `question ${state.index + 1} of ${state.plan.length}`, colour: theme.muted },
      ...(currentQuestion(state)?.kind === "design" ? [{ text: "design prompt", colour: theme.accent }] : []),
      ...(state.depth > 1 ? [{ text: `follow-up: ask ${state.depth} of up to ${MAX_CHAIN_DEPTH}`, colour: theme.accent }] : []),
    ],
    leftColumns(textWidth, interviewClockWidth(askTimeLimitMs(state))),
  );
  const bodyHeight = Math.max(3, height - 1 - header.length);
  const scroll = useScroll(bodyHeight);

  // Done, the report sets its own.
  useEffect(() => {
    if (!done) setStatusKeys(STATUS_KEYS[state.phase === "scoring" ? "scoring" : "answering"]);
  }, [done, state.phase, setStatusKeys]);
  useEffect(() => {
    setLeaveGuard(done ? undefined : LEAVE);
    return () => setLeaveGuard(undefined);
  }, [done, setLeaveGuard]);
  // Each new ask starts at the top, the cursor on its first point.
  useEffect(() => {
    scroll.toTop();
    setCursor(0);
  }, [state.askedAt]);

  const points = state.current.points;
  const toggle = (index: number) => {
    const point = points[index];
    if (point) dispatch({ type: "toggle", pointId: point.id });
  };

  // The phase this handler was bound for: the enter that finishes an answer reaches this handler
  // too, after the answer box has already moved the state on to scoring.
  const phase = state.phase;
  useInput(
    (input, key) => {
      if (phase !== "scoring") return;
      const command = commandFor("interview", input, key);
      if (command === "pageDown") scroll.pageBy(1);
      else if (command === "pageUp") scroll.pageBy(-1);
      else if (command === "top") scroll.toTop();
      else if (command === "bottom") scroll.toBottom();
      else if (command === "down") setCursor((at) => Math.min(points.length - 1, at + 1));
      else if (command === "up") setCursor((at) => Math.max(0, at - 1));
      else if (command === "toggle") toggle(cursor);
      else if (command === "tickPoint") toggle(Number(input) - 1);
      else if (command === "answered" || command === "scored") {
        dispatch({ type: "score", at: now() });
      } else if (command === "skip") dispatch({ type: "skip", at: now() });
      else if (command === "endInterview") {
        // The rubric on screen was ticked: it counts, then the interview ends.
        dispatch({ type: "score", at: now() });
        dispatch({ type: "end", at: now() });
      }
    },
    { isActive: isActive && !done },
  );

  if (done) return <InterviewReport state={state} minutes={minutes} isActive={isActive} width={width} height={height} />;

  // A follow-up names the points whose miss brought it on (one without `when` follows a strong answer).
  const because = followUpReasons(state);
  // What enter leads to with the ticks as they are: the engine's own choice, asked ahead.
  const then = chooseFollowUp(state.current, missedPoints(state), state.depth)
    ? "a follow-up"
    : state.index + 1 < state.plan.length
      ? "the next question"
      : "the report";
  const answeredIn = state.answeredAt ? Date.parse(state.answeredAt) - Date.parse(state.askedAt) : 0;
  const right =
    state.phase === "scoring" ? (
      <Text color={state.overTime ? theme.warning : theme.muted}>{`${state.overTime ? "over time: " : "took "}${formatDuration(answeredIn)}`}</Text>
    ) : (
      <InterviewClock since={state.askedAt} limitMs={askTimeLimitMs(state)} clock={clock} />
    );

  return (
    <Box flexDirection="column" paddingX={1}>
      <QuizHeader rows={header} width={textWidth} rightWidth={interviewClockWidth(askTimeLimitMs(state))} right={right} />
      <Box marginTop={1} width={textWidth}>
        {state.phase === "answering" ? (
          <AskingView
            key={state.askedAt}
            ask={state.current.ask}
            because={because}
            width={textWidth}
            height={bodyHeight}
            isActive={isActive}
            onAnswer={(text) => dispatch({ type: "answer", text, at: now() })}
          />
        ) : (
          <ScrollArea {...scroll.area} arrows={false}>
            <ScoringView
              ask={state.current.ask}
              answer={state.text}
              rows={points.map((point) => ({
                id: point.id,
                says: point.says,
                ticked: state.ticked.includes(point.id),
                ...(state.suggested[point.id] !== undefined ? { cue: state.suggested[point.id] } : {}),
              }))}
              cursor={cursor}
              model={state.current.model}
              width={textWidth}
              isActive={isActive}
              then={then}
            />
          </ScrollArea>
        )}
      </Box>
    </Box>
  );
};
