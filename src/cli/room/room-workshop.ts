import { blockHandsOnSteps, blockTitle } from "../../content/workshops";
import type { Lesson } from "../../content/schema/lesson";
import { blockKind, DEFAULT_MAX_PARTICIPANTS } from "../../content/workshop-blocks";
import type { Workshop } from "../../content/schema/workshop";
import type { ReportWorkshop } from "../../room/report/report-types";
import type { RoomWorkshop } from "../../room/room-workshop";

/**
 * A loaded workshop as the room, its console and its reports each need it: the file's own type
 * stays with the content, and the room keeps only what it reads.
 */

export const roomWorkshopOf = (workshop: Workshop): RoomWorkshop => ({
  id: workshop.id,
  title: workshop.title,
  target: workshop.target,
  ...(workshop.region !== undefined ? { region: workshop.region } : {}),
  ...(workshop.otherRegion !== undefined ? { otherRegion: workshop.otherRegion } : {}),
  maxParticipants: workshop.maxParticipants ?? DEFAULT_MAX_PARTICIPANTS,
  blocks: workshop.blocks.map((block) => ({ id: block.id, minutes: block.minutes, ...("exam" in block ? { exam: true } : {}) })),
  definition: workshop,
});

export const blockTitlesOf = (workshop: Workshop, lessons: readonly Lesson[]): Map<string, string> =>
  new Map(workshop.blocks.map((block) => [block.id, blockTitle(block, lessons)]));

export const reportWorkshopOf = (workshop: Workshop, lessons: readonly Lesson[]): ReportWorkshop => ({
  id: workshop.id,
  title: workshop.title,
  blocks: workshop.blocks.map((block) => {
    const lesson = "lesson" in block ? lessons.find((candidate) => candidate.id === block.lesson) : undefined;
    return {
      id: block.id,
      title: blockTitle(block, lessons),
      kind: blockKind(block),
      ...(lesson && "lesson" in block
        ? { steps: blockHandsOnSteps(block, lesson).map((step) => `${lesson.id}/${step.id ?? step.number}`) }
        : {}),
      ...("quiz" in block && block.quiz.count !== undefined ? { questions: block.quiz.count } : {}),
    };
  }),
});
