import { Text } from "ink";
import { useEffect, useState } from "react";
import stringWidth from "string-width";
import { formatDuration } from "../../../engine/quiz-results";
import { useTheme } from "../../theme";

/** Often enough that the seconds never seem to stall. */
const TICK_MS = 250;

export interface InterviewClockProps {
  /** When the question was asked (ISO): a string, so each render does not restart the ticking. */
  since: string;
  /** The question's minutes, in ms. */
  limitMs: number;
  clock: () => Date;
}

/** "⏱ 2:30 left", then "⏱ over time 0:12": the words say it, not only the colour. */
export const interviewClockText = (elapsedMs: number, limitMs: number): string =>
  elapsedMs <= limitMs ? `⏱ ${formatDuration(limitMs - elapsedMs)} left` : `⏱ over time ${formatDuration(elapsedMs - limitMs)}`;

/** The widest the clock gets for a limit (over time by up to 59:59), so the header keeps its column. */
export const interviewClockWidth = (limitMs: number): number =>
  Math.max(stringWidth(interviewClockText(0, limitMs)), stringWidth(interviewClockText(limitMs + 3_599_000, limitMs)));

/**
 * The countdown an interviewer keeps: it never cuts the candidate off; past the limit it counts
 * how far over they are, as a real interviewer would notice. Only this re-renders each tick.
 */
export const InterviewClock = ({ since, limitMs, clock }: InterviewClockProps) => {
  const theme = useTheme();
  const elapsed = () => Math.max(0, clock().getTime() - Date.parse(since));
  const [elapsedMs, setElapsed] = useState(elapsed);
  useEffect(() => {
    const tick = () => setElapsed(elapsed());
    tick();
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [since, clock]);
  const over = elapsedMs > limitMs;
  const warning = over || limitMs - elapsedMs < 30_000;
  return (
    <Text bold color={warning ? theme.warning : theme.accent}>
      {interviewClockText(elapsedMs, limitMs)}
    </Text>
  );
};
