import { z } from "zod";
import type { EventBatch, JoinRequest, PacingCommand } from "./protocol";
import { badRequest } from "./http-json";

/**
 * What the room accepts from the wire, checked field by field with bounded sizes: anything else is a
 * 400 that names the field. Unknown fields are dropped, so the log holds only what the protocol says.
 */

/**
 * Text the instructor's console and reports will show: bounded, and without control characters but
 * tab and line break — an escape sequence in a step title must not drive the instructor's terminal.
 */
const text = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((value) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(value), "no control characters");
/** One line a person can read: no control characters, no line breaks. */
const printable = (min: number, max: number) =>
  z
    .string()
    .transform((value) => value.trim())
    .refine((value) => /^[^\p{C}]*$/u.test(value), "only printable characters, on one line")
    .refine((value) => [...value].length >= min && [...value].length <= max, `${min}–${max} characters`);
const timestamp = text(40).refine((value) => !Number.isNaN(Date.parse(value)), "a date and time (ISO 8601)");

const place = { block: text(200), lesson: text(200), step: text(200), title: text(500) };
const failed = z.array(z.object({ expectation: text(1_000), reason: text(2_000) })).max(50, "at most 50 expectations");
const common = { seq: z.number().int("a whole number").positive("1 or more").max(Number.MAX_SAFE_INTEGER), at: timestamp };

const eventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("blockEntered"), block: text(200), ...common }),
  z.object({ kind: z.literal("stepEntered"), ...place, ...common }),
  z.object({ kind: z.literal("checkPassed"), ...place, ...common }),
  z.object({ kind: z.literal("checkFailed"), failed, ...place, ...common }),
  z.object({ kind: z.literal("hint"), ...place, ...common }),
  z.object({ kind: z.literal("solve"), ...place, ...common }),
  z.object({
    kind: z.literal("quizAnswer"),
    block: text(200),
    questionId: text(200),
    mode: z.enum(["practice", "exam"]),
    correct: z.boolean(),
    answer: text(2_000),
    ...common,
  }),
  z.object({
    kind: z.literal("examFinished"),
    block: text(200),
    score: z.number().int().min(0).max(10_000),
    total: z.number().int().min(0).max(10_000),
    passed: z.boolean(),
    ...common,
  }),
  z.object({
    kind: z.literal("preflight"),
    checks: z.array(z.object({ name: text(200), ok: z.boolean(), detail: text(1_000) })).max(50, "at most 50 checks"),
    ...common,
  }),
]);

const batchSchema = (maxEvents: number) =>
  z.object({ events: z.array(eventSchema).min(1, "at least one event").max(maxEvents, `at most ${maxEvents} events; send the rest in another batch`) });

const joinSchema = z.object({
  protocol: z.number(),
  version: text(100),
  code: text(100),
  name: printable(1, 40),
  table: printable(1, 16).optional(),
});

const pacingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("broadcast"), text: printable(1, 500) }),
  z.object({ kind: z.literal("openBlock"), block: text(200).optional() }),
  z.object({ kind: z.literal("startExam"), block: text(200).optional() }),
]);

/** `events[3].seq: 1 or more` — the first problem, with where it is. */
const describe = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return "the request body does not match the protocol";
  const where = issue.path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index > 0 ? "." : ""}${String(part)}`)).join("");
  return `${where || "the body"}: ${issue.message}`;
};

const parseWith = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`Bad ${what}: ${describe(result.error)}.`);
  return result.data;
};

const batchParsers = new Map<number, z.ZodType<unknown>>();

/** A parser of event batches of at most `maxEvents` (made once per limit). */
export const eventBatchParser = (maxEvents: number): ((value: unknown) => EventBatch) => {
  let schema = batchParsers.get(maxEvents);
  if (!schema) {
    schema = batchSchema(maxEvents);
    batchParsers.set(maxEvents, schema);
  }
  const parser = schema;
  return (value) => parseWith(parser, value, "event batch") as EventBatch;
};

export const parseJoinRequest = (value: unknown): JoinRequest => parseWith(joinSchema, value, "join request") as JoinRequest;

export const parsePacingCommand = (value: unknown): PacingCommand => parseWith(pacingSchema, value, "pacing command") as PacingCommand;

/** The protocol number alone, read before anything else, so an older client is told to update rather than what it got wrong. */
export const claimedProtocol = (value: unknown): unknown =>
  typeof value === "object" && value !== null ? (value as { protocol?: unknown }).protocol : undefined;
