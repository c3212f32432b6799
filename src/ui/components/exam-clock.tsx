import { Text } from "ink";
import { useEffect, useRef, useState } from "react";
import stringWidth from "string-width";
import { formatDuration } from "../../engine/quiz-results";
import { useTheme } from "../theme";

/** How often the clock reads the time: often enough that the seconds never seem to stall. */
const TICK_MS = 250;

export interface ExamClockProps {
  deadline: Date;
  clock: () => Date;
  /** Called once, when the time left reaches zero. */
  onTimeUp: () => void;
  /** The last minute is shown as a warning. */
  warnBelowMs?: number;
}

const clockText = (remainingMs: number) => `⏱ ${formatDuration(remainingMs)} left`;

/** The most columns the clock takes during an exam of this length (it only gets shorter). */
export const examClockWidth = (timeLimitMs: number): number => stringWidth(clockText(timeLimitMs));

/** "⏱ 8:41 left": the exam's visible timer. Only this re-renders each tick, not the question under it. */
export const ExamClock = ({ deadline, clock, onTimeUp, warnBelowMs = 60_000 }: ExamClockProps) => {
  const theme = useTheme();
  const left = () => Math.max(0, deadline.getTime() - clock().getTime());
  const [remaining, setRemaining] = useState(left);
  const timeUp = useRef(onTimeUp);
  timeUp.current = onTimeUp;
  useEffect(() => {
    let ended = false;
    const tick = () => {
      const now = left();
      setRemaining(now);
      if (now === 0 && !ended) {
        ended = true;
        timeUp.current();
      }
    };
    tick();
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [deadline, clock]);
  return (
    <Text bold color={remaining < warnBelowMs ? theme.warning : theme.accent}>
      {clockText(remaining)}
    </Text>
  );
};
