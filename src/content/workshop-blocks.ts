import type { WorkshopBlock, WorkshopBlockKind } from "./schema/workshop";

/**
 * A workshop's defaults and a block's kind, apart from the schema (schema/workshop.ts) so that
 * the agenda and the room read checked workshops without loading zod.
 */

export const DEFAULT_MAX_PARTICIPANTS = 200;
/** The pass mark of an exam that gives none, in percent. */
export const DEFAULT_PASS_MARK = 70;

export const blockKind = (block: WorkshopBlock): WorkshopBlockKind =>
  "break" in block ? "break" : "lesson" in block ? "lesson" : "quiz" in block ? "quiz" : "exam";
