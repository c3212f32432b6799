/**
 * The workshop as the participant's app needs it, read from the JSON the room sends (the room
 * loaded and validated the workshop file; this only takes what the agenda uses, and refuses what
 * it cannot use). The fields follow the workshop file: a block is a break, a lesson (all of it or
 * chosen hands-on steps), a practice quiz or an exam.
 */

export type StepChoice = string | number;

export interface QuestionPick {
  topics: string[];
  tags?: string[];
  count?: number;
  seed?: number;
}

export type AgendaBlockKind =
  | { kind: "break" }
  | { kind: "lesson"; lesson: string; steps?: StepChoice[] }
  | { kind: "quiz"; quiz: QuestionPick }
  | { kind: "exam"; exam: QuestionPick & { count: number; passMark: number } };

export type AgendaBlock = { id: string; title?: string; minutes: number } & AgendaBlockKind;

export interface WorkshopPlan {
  id: string;
  title: string;
  blocks: AgendaBlock[];
}

export const DEFAULT_PASS_MARK = 70;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((item) => typeof item === "string") ? value : undefined);
const integer = (value: unknown): number | undefined => (typeof value === "number" && Number.isInteger(value) ? value : undefined);

const questionPick = (value: unknown): QuestionPick | undefined => {
  if (!isObject(value)) return undefined;
  const topics = strings(value.topics);
  if (!topics) return undefined;
  const tags = strings(value.tags);
  const count = integer(value.count);
  const seed = integer(value.seed);
  return { topics, ...(tags ? { tags } : {}), ...(count !== undefined ? { count } : {}), ...(seed !== undefined ? { seed } : {}) };
};

const blockKind = (value: Record<string, unknown>): AgendaBlockKind | undefined => {
  if (value.break === true) return { kind: "break" };
  if (typeof value.lesson === "string") {
    const steps = Array.isArray(value.steps) && value.steps.every((step) => typeof step === "string" || Number.isInteger(step)) ? (value.steps as StepChoice[]) : undefined;
    return { kind: "lesson", lesson: value.lesson, ...(steps ? { steps } : {}) };
  }
  const quiz = questionPick(value.quiz);
  if (quiz) return { kind: "quiz", quiz };
  const exam = questionPick(value.exam);
  if (exam && isObject(value.exam)) return { kind: "exam", exam: { ...exam, count: exam.count ?? 20, passMark: integer(value.exam.passMark) ?? DEFAULT_PASS_MARK } };
  return undefined;
};

/** The workshop from the room's JSON; throws with what is wrong when it is not one. */
export const readWorkshopPlan = (value: unknown): WorkshopPlan => {
  if (!isObject(value) || typeof value.id !== "string" || typeof value.title !== "string" || !Array.isArray(value.blocks)) {
    throw new Error("the room sent a workshop without an id, a title and blocks");
  }
  const blocks = value.blocks.map((block, index): AgendaBlock => {
    const kind = isObject(block) ? blockKind(block) : undefined;
    if (!isObject(block) || typeof block.id !== "string" || !kind) throw new Error(`the room sent a workshop whose block ${index + 1} is not a break, lesson, quiz or exam`);
    return { id: block.id, ...(typeof block.title === "string" ? { title: block.title } : {}), minutes: integer(block.minutes) ?? 0, ...kind };
  });
  return { id: value.id, title: value.title, blocks };
};
