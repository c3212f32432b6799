import { useEffect, useRef } from "react";
import { examView } from "../exam-view";
import type { View, WorkshopMode } from "../app-context";
import { useRoomLink } from "./use-room-link";

/**
 * Opens the exam when the instructor starts it, from whatever screen the participant is on; once
 * per start (leaving the exam does not bring it back), not over the exam itself, and never again
 * once the participant has finished it.
 */
export const useExamStart = (workshop: WorkshopMode | undefined, view: View, go: (view: View) => void): void => {
  const link = useRoomLink(workshop?.room);
  const opened = useRef<string | undefined>(undefined);
  const exam = link?.pacing.exam;
  const key = exam ? `${exam.block}@${exam.startedAt}` : undefined;
  useEffect(() => {
    if (!workshop || !exam || !key || opened.current === key) return;
    opened.current = key;
    const block = workshop.plan.blocks.find((candidate) => candidate.id === exam.block);
    if (!block || block.kind !== "exam") return;
    if (view.screen === "quiz" && view.block === block.id) return;
    // Taken already (before a restart of the app, too): the agenda says the result instead.
    if (workshop.room.examResult(block.id)) return;
    go(examView(block));
  }, [key]);
};
