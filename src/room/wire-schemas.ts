import { z } from "zod";
import type { EventBatch, JoinRequest, LiveAnswerRequest, PacingCommand } from "./protocol";
import { badRequest } from "./http-json";
import { boundedText as text, describeIssue, participantEventSchema as eventSchema, printableText as printable } from "./participant-event-schema";

/**
 * What the room accepts from the wire, checked field by field with bounded sizes: anything else is a
 * 400 that names the field. Unknown fields are dropped, so the log holds only what the protocol says.
 */

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
  z.object({
    kind: z.literal("askQuestion"),
    question: z.object({
      id: text(200),
      prompt: text(2000),
      choices: z.array(text(500)).min(2).max(10),
      correct: z.array(z.number().int().min(0).max(9)).min(1).max(10),
      explain: text(4000),
    }),
    seconds: z.number().int().min(5).max(600),
  }),
  z.object({ kind: z.literal("revealQuestion") }),
]);

const liveAnswerSchema = z.object({
  questionId: text(200),
  choices: z.array(z.number().int().min(0).max(9)).min(1).max(10),
});

const parseWith = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`Bad ${what}: ${describeIssue(result.error, "the request body")}.`);
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

export const parseLiveAnswer = (value: unknown): LiveAnswerRequest => parseWith(liveAnswerSchema, value, "live answer") as LiveAnswerRequest;

export const parsePacingCommand = (value: unknown): PacingCommand => parseWith(pacingSchema, value, "pacing command") as PacingCommand;

/** The protocol number alone, read before anything else, so an older client is told to update rather than what it got wrong. */
export const claimedProtocol = (value: unknown): unknown =>
  typeof value === "object" && value !== null ? (value as { protocol?: unknown }).protocol : undefined;
