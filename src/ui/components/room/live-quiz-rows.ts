import type { LiveLeaderboardRow } from "../../../room/protocol";
import type { RoomState } from "../../../room/room-state";
import { durationText } from "./room-format";
import type { Row } from "./segments";

/** A choice's letter: A, B, C… as the participant's app shows them. */
export const choiceLetter = (index: number): string => String.fromCharCode(65 + index);

/** Seconds as the leaderboard shows them: "4.2 s". */
export const secondsText = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** "1. Ada 2 ✓ 8.1 s · 2. Cy 1 ✓ 7.0 s": the top of a leaderboard on one line. */
export const leaderboardText = (rows: readonly LiveLeaderboardRow[], top = 5): string =>
  rows
    .slice(0, top)
    .map((row, index) => `${index + 1}. ${row.name} ${row.correct} ✓ ${secondsText(row.correctMs)}`)
    .join(" · ");

/**
 * The console's live-quiz lines: the question, then "answered n of m" and the countdown until the
 * reveal, then the distribution (the correct choices marked) and the top of the leaderboard.
 * Nothing when no live question has been asked.
 */
export const liveQuizRows = (state: RoomState, now: Date): Row[] => {
  const asked = state.live.current;
  if (!asked) return [];
  const question: Row = [
    { text: "Live ", tone: "accent", bold: true },
    { text: `${state.live.asked.length}: `, tone: "muted" },
    { text: asked.question.prompt, bold: true },
  ];
  const revealed = asked.revealed;
  if (!revealed) {
    const left = Date.parse(asked.deadline) - now.getTime();
    return [
      question,
      [
        { text: `answered ${asked.answers.size} of ${state.participants.size}`, bold: true },
        { text: " · " },
        left > 0 ? { text: `${durationText(left)} left`, tone: "accent" } : { text: "time is up", tone: "warning", bold: true },
        { text: " · r reveals", tone: "muted" },
      ],
    ];
  }
  const distribution: Row = revealed.distribution.flatMap((count, index) => [
    ...(index > 0 ? [{ text: " · ", tone: "muted" as const }] : []),
    revealed.correct.includes(index)
      ? { text: `✓${choiceLetter(index)} ${count}`, tone: "success" as const, bold: true }
      : { text: `${choiceLetter(index)} ${count}` },
  ]);
  distribution.push({ text: ` — ${revealed.correctCount} of ${revealed.answered} right`, tone: "muted" });
  const board = state.pacing.liveLeaderboard ?? [];
  return [question, distribution, [{ text: "Top: ", tone: "muted" }, { text: board.length ? leaderboardText(board) : "nobody answered" }]];
};
