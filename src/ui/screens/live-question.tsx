import { Box, useInput } from "ink";
import { useEffect, useState } from "react";
import type { LiveLeaderboardRow, LiveQuestionPacing } from "../../room/protocol";
import type { LiveAnswerOutcome } from "../../room-client/room-connection";
import { choiceLetter, leaderboardText, secondsText } from "../components/room/live-quiz-rows";
import { durationText } from "../components/room/room-format";
import { RowLine, type Row } from "../components/room/segments";
import { wrapLines } from "../text";

/** What this participant did with the live question: chose, and (once the room answered) how it went. */
export interface MyLiveAnswer {
  choices: number[];
  outcome?: LiveAnswerOutcome;
}

export interface LiveQuestionScreenProps {
  question: LiveQuestionPacing;
  leaderboard: readonly LiveLeaderboardRow[] | undefined;
  mine: MyLiveAnswer | undefined;
  onAnswer: (choices: number[]) => void;
  /** Back to what the participant was doing (esc; enter too once revealed). */
  onClose: () => void;
  now: () => Date;
  isActive: boolean;
  width: number;
}

const BAR_WIDTH = 20;

/**
 * The instructor's live question over whatever the participant was doing: the question and its
 * countdown; ↑/↓ (or a letter) and enter answer, space ticks a choice of a "choose all that apply";
 * then "sent" until the reveal, which shows right or wrong, how the room answered, the explanation
 * and the top of the leaderboard.
 */
export const LiveQuestionScreen = ({ question, leaderboard, mine, onAnswer, onClose, now, isActive, width }: LiveQuestionScreenProps) => {
  const [cursor, setCursor] = useState(0);
  const [ticked, setTicked] = useState<number[]>([]);
  const [, setTick] = useState(0);
  const revealed = question.revealed;
  useEffect(() => {
    if (revealed) return;
    const timer = setInterval(() => setTick((count) => count + 1), 1000);
    return () => clearInterval(timer);
  }, [revealed]);
  const left = Date.parse(question.deadline) - now().getTime();
  const canAnswer = !mine && !revealed && left > 0;

  useInput(
    (input, key) => {
      if (key.escape || (key.return && !canAnswer)) return onClose();
      if (!canAnswer) return;
      const count = question.choices.length;
      const letter = input.length === 1 ? input.toLowerCase().charCodeAt(0) - 97 : -1;
      if (key.upArrow) return setCursor((current) => (current + count - 1) % count);
      if (key.downArrow) return setCursor((current) => (current + 1) % count);
      const toggle = (index: number) => setTicked((current) => (current.includes(index) ? current.filter((one) => one !== index) : [...current, index].sort()));
      if (letter >= 0 && letter < count) {
        setCursor(letter);
        return question.multi ? toggle(letter) : onAnswer([letter]);
      }
      if (input === " " && question.multi) return toggle(cursor);
      if (key.return) {
        if (!question.multi) return onAnswer([cursor]);
        if (ticked.length > 0) onAnswer(ticked);
      }
    },
    { isActive },
  );

  const rows: Row[] = [];
  const text = (line: string, tone?: Row[number]["tone"], bold?: boolean): Row => [{ text: line, ...(tone ? { tone } : {}), ...(bold ? { bold } : {}) }];
  rows.push([
    { text: "Live question from the instructor", tone: "accent", bold: true },
    { text: " · " },
    revealed ? { text: "answer revealed", tone: "muted" } : left > 0 ? { text: `${durationText(left)} left`, bold: true } : { text: "time is up", tone: "warning", bold: true },
  ]);
  rows.push([]);
  for (const line of wrapLines(question.prompt, width)) rows.push(text(line, "heading", true));
  if (question.multi && !revealed) rows.push(text("Choose all that apply: space ticks, enter sends.", "muted"));
  rows.push([]);
  const chosen = mine?.choices ?? [];
  question.choices.forEach((choice, index) => {
    const marker = revealed ? (revealed.correct.includes(index) ? "✓" : " ") : canAnswer ? (index === cursor ? "❯" : " ") : chosen.includes(index) ? "•" : " ";
    const tick = question.multi && canAnswer ? (ticked.includes(index) ? "[x] " : "[ ] ") : "";
    const row: Row = [{ text: `${marker} ${choiceLetter(index)}. ${tick}${choice}`, ...(revealed?.correct.includes(index) ? { tone: "success" as const, bold: true } : {}) }];
    if (revealed) {
      const count = revealed.distribution[index] ?? 0;
      const bar = revealed.answered > 0 ? Math.round((count / revealed.answered) * BAR_WIDTH) : 0;
      row.push({ text: `  ${"█".repeat(bar)}${"·".repeat(BAR_WIDTH - bar)} ${count}`, tone: "muted" });
      if (chosen.includes(index)) row.push({ text: " ← you", tone: "accent" });
    }
    rows.push(row);
  });
  rows.push([]);
  if (revealed) {
    const right = mine?.outcome?.kept && sameChoices(mine.choices, revealed.correct);
    if (!mine?.outcome?.kept) rows.push(text("You did not answer this one.", "muted"));
    else rows.push(text(right ? `✓ Right, in ${secondsText(mine.outcome.ms)}.` : "✗ Not this time.", right ? "success" : "failure", true));
    rows.push(text(`${revealed.correctCount} of ${revealed.answered} got it right.`, "muted"));
    for (const line of wrapLines(revealed.explain, width)) rows.push(text(line));
    if (leaderboard?.length) rows.push([{ text: "Top: ", tone: "muted" }, { text: leaderboardText(leaderboard) }]);
    rows.push(text("enter or esc: back to what you were doing", "muted"));
  } else if (mine) {
    const outcome = mine.outcome;
    if (!outcome) rows.push(text("… sending your answer", "muted"));
    else if (outcome.kept) rows.push(text(`✓ Answer sent (${secondsText(outcome.ms)}). The answer comes when the instructor reveals it.`, "success"));
    else for (const line of wrapLines(`✗ ${outcome.why}`, width)) rows.push(text(line, "failure"));
    rows.push(text("esc: back to what you were doing (the reveal brings you here)", "muted"));
  } else if (left <= 0) {
    rows.push(text("Time is up: the answer comes when the instructor reveals it.", "warning"));
  } else {
    rows.push(text(question.multi ? "↑/↓ move · space ticks · enter sends · esc later" : "↑/↓ and enter, or a letter, to answer · esc later", "muted"));
  }
  return (
    <Box flexDirection="column" paddingX={1}>
      {rows.map((row, index) => (
        <RowLine key={index} row={row} width={width - 2} />
      ))}
    </Box>
  );
};

const sameChoices = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((value) => b.includes(value));
