import { isMap } from "./is-map";
import type { Located } from "./located";
import { LessonSchema, StepSchema, type Lesson, type Step } from "./schema/lesson";
import { QuestionSchema, QuizSchema, type Question } from "./schema/quiz";
import { WorkshopBlockSchema, WorkshopSchema, type WorkshopBlock } from "./schema/workshop";

/**
 * The parts of a file with schema mistakes that are valid on their own, so the checks across
 * fields (a question with no correct choice, an unknown variable) run on them in the same
 * validate as the schema mistakes, instead of only once those are fixed. A part that is not
 * valid is left out but keeps its place, so every problem still points at the right line.
 */

/** What the lesson checks read; a broken step stands in as an empty read step, which has nothing to check. */
export interface SalvagedLesson extends Located {
  lesson: Pick<Lesson, "id" | "requires" | "steps">;
  /** Names the broken steps save: taken as defined everywhere, so no use of them is called unknown. */
  savedInBrokenSteps: string[];
}

export interface SalvagedQuiz extends Located {
  /** Absent when the file's topic is itself a mistake. */
  topic?: string;
  /** A question with a schema mistake is undefined. */
  questions: (Question | undefined)[];
}


const BROKEN_STEP: Step = { read: "" };

/** Every `save:` map's names anywhere inside a value. */
const savedNames = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(savedNames);
  if (!isMap(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => [...(key === "save" && isMap(item) ? Object.keys(item) : []), ...savedNames(item)]);
};

export const salvageLesson = (where: Located, raw: unknown): SalvagedLesson | undefined => {
  if (!isMap(raw)) return undefined;
  const requires = LessonSchema.shape.requires.safeParse(raw.requires);
  const rawSteps = Array.isArray(raw.steps) ? raw.steps : [];
  const steps = rawSteps.map((step) => StepSchema.safeParse(step));
  return {
    ...where,
    lesson: {
      id: typeof raw.id === "string" ? raw.id : "",
      ...(requires.success && requires.data ? { requires: requires.data } : {}),
      steps: steps.map((step) => (step.success ? step.data : BROKEN_STEP)),
    },
    savedInBrokenSteps: rawSteps.filter((_, index) => !steps[index]?.success).flatMap(savedNames),
  };
};

export const salvageQuiz = (where: Located, raw: unknown): SalvagedQuiz | undefined => {
  if (!isMap(raw)) return undefined;
  const topic = QuizSchema.shape.topic.safeParse(raw.topic);
  const questions = Array.isArray(raw.questions) ? raw.questions : [];
  return {
    ...where,
    ...(topic.success ? { topic: topic.data } : {}),
    questions: questions.map((question) => {
      const parsed = QuestionSchema.safeParse(question);
      return parsed.success ? parsed.data : undefined;
    }),
  };
};

export interface SalvagedWorkshop extends Located {
  /** Absent when the field is itself a mistake (reported already). */
  id?: string;
  minutes?: number;
  region?: string;
  otherRegion?: string;
  /** A block with a schema mistake is undefined. */
  blocks: (WorkshopBlock | undefined)[];
}

export const salvageWorkshop = (where: Located, raw: unknown): SalvagedWorkshop | undefined => {
  if (!isMap(raw)) return undefined;
  const id = WorkshopSchema.shape.id.safeParse(raw.id);
  const minutes = WorkshopSchema.shape.minutes.safeParse(raw.minutes);
  const region = WorkshopSchema.shape.region.safeParse(raw.region);
  const otherRegion = WorkshopSchema.shape.otherRegion.safeParse(raw.otherRegion);
  const blocks = Array.isArray(raw.blocks) ? raw.blocks : [];
  return {
    ...where,
    ...(id.success ? { id: id.data } : {}),
    ...(minutes.success ? { minutes: minutes.data } : {}),
    ...(region.success && region.data ? { region: region.data } : {}),
    ...(otherRegion.success && otherRegion.data ? { otherRegion: otherRegion.data } : {}),
    blocks: blocks.map((block) => {
      const parsed = WorkshopBlockSchema.safeParse(block);
      return parsed.success ? parsed.data : undefined;
    }),
  };
};
