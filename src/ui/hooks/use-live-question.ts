import { useEffect, useRef, useState } from "react";
import type { LiveLeaderboardRow, LiveQuestionPacing } from "../../room/protocol";
import type { WorkshopMode } from "../app-context";
import type { MyLiveAnswer } from "../screens/live-question";
import { useRoomLink } from "./use-room-link";

export interface LiveQuestionState {
  /** The question to show over the screen now, or undefined (none, or put away with esc). */
  shown: LiveQuestionPacing | undefined;
  leaderboard: readonly LiveLeaderboardRow[] | undefined;
  mine: MyLiveAnswer | undefined;
  answer: (choices: number[]) => void;
  close: () => void;
}

/**
 * The instructor's live question, over whatever the participant is on: it comes up when asked
 * (while it is still open: a late joiner or a reconnect gets it from the pacing) and again at the
 * reveal for those who saw it; esc puts it away until the next change.
 */
export const useLiveQuestion = (workshop: WorkshopMode | undefined, now: () => Date): LiveQuestionState => {
  const link = useRoomLink(workshop?.room);
  const question = link?.pacing.liveQuestion;
  const [answers, setAnswers] = useState<ReadonlyMap<string, MyLiveAnswer>>(new Map());
  const [closed, setClosed] = useState<string | undefined>();
  /** Questions shown in this run: their reveal comes up too; an old reveal for a newcomer does not. */
  const seen = useRef(new Set<string>());
  const phase = question ? `${question.id}:${question.revealed ? "revealed" : "asked"}` : undefined;
  // Answered in this run, or (after a restart of the app) as the room holds it.
  const held = link?.liveAnswer;
  const open =
    question !== undefined &&
    (question.revealed ? seen.current.has(question.id) || held?.questionId === question.id : Date.parse(question.deadline) > now().getTime());
  useEffect(() => {
    if (question && open) seen.current.add(question.id);
  }, [phase, open]);
  const mine = question ? (answers.get(question.id) ?? (held?.questionId === question.id ? { choices: held.choices, outcome: { kept: true as const, ms: held.ms } } : undefined)) : undefined;
  const answer = (choices: number[]) => {
    if (!question || !workshop?.room.answerLive || mine) return;
    const id = question.id;
    setAnswers((current) => new Map(current).set(id, { choices }));
    void workshop.room.answerLive(id, choices).then((outcome) => setAnswers((current) => new Map(current).set(id, { choices, outcome })));
  };
  return {
    shown: question && open && closed !== phase ? question : undefined,
    leaderboard: link?.pacing.liveLeaderboard,
    mine,
    answer,
    close: () => setClosed(phase),
  };
};
