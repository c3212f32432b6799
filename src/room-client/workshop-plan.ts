import { WorkshopSchema, type WorkshopBlock } from "../content/schema/workshop";
import { DEFAULT_PASS_MARK } from "../content/workshop-blocks";

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

export type AgendaBlock = {
  id: string;
  title?: string;
  minutes: number;
  /** The block as the workshop file has it, for the content's helpers (its title on the agenda). */
  workshopBlock: WorkshopBlock;
} & AgendaBlockKind;

export interface WorkshopPlan {
  id: string;
  title: string;
  blocks: AgendaBlock[];
}

/** The room sent a workshop this version cannot run: what is wrong, where (`blocks[2].exam.count: …`). */
export const readWorkshopPlan = (value: unknown): WorkshopPlan => {
  const parsed = WorkshopSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").replace(/^\./, "");
    throw new Error(`the room sent a workshop this s3-tutor cannot read (${where ? `${where}: ` : ""}${issue?.message ?? "not a workshop"}); is it a newer version?`);
  }
  const workshop = parsed.data;
  return { id: workshop.id, title: workshop.title, blocks: workshop.blocks.map(agendaBlockOf) };
};

const agendaBlockOf = (block: WorkshopBlock): AgendaBlock => {
  const common = { id: block.id, ...(block.title !== undefined ? { title: block.title } : {}), minutes: block.minutes, workshopBlock: block };
  if ("lesson" in block) return { ...common, kind: "lesson", lesson: block.lesson, ...(block.steps ? { steps: block.steps } : {}) };
  if ("quiz" in block) return { ...common, kind: "quiz", quiz: block.quiz };
  if ("exam" in block) return { ...common, kind: "exam", exam: { ...block.exam, passMark: block.exam.passMark ?? DEFAULT_PASS_MARK } };
  return { ...common, kind: "break" };
};
