import { z } from "zod";

/**
 * A participant's event as the room accepts it, field by field with bounded sizes: from the wire
 * (a batch) or from an offline report file (room merge). Unknown fields are dropped, so the log
 * holds only what the protocol says.
 */

/**
 * Text the instructor's console and reports will show: bounded, and without control characters but
 * tab and line break — an escape sequence in a step title must not drive the instructor's terminal.
 */
export const boundedText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((value) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(value), "no control characters");

/** One line a person can read: no control characters, no line breaks. */
export const printableText = (min: number, max: number) =>
  z
    .string()
    .transform((value) => value.trim())
    .refine((value) => /^[^\p{C}]*$/u.test(value), "only printable characters, on one line")
    .refine((value) => [...value].length >= min && [...value].length <= max, `${min}–${max} characters`);

const timestamp = boundedText(40).refine((value) => !Number.isNaN(Date.parse(value)), "a date and time (ISO 8601)");

const place = { block: boundedText(200), lesson: boundedText(200), step: boundedText(200), title: boundedText(500) };
const failed = z.array(z.object({ expectation: boundedText(1_000), reason: boundedText(2_000) })).max(50, "at most 50 expectations");
const common = { seq: z.number().int("a whole number").positive("1 or more").max(Number.MAX_SAFE_INTEGER), at: timestamp };

export const participantEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("blockEntered"), block: boundedText(200), ...common }),
  z.object({ kind: z.literal("stepEntered"), ...place, ...common }),
  z.object({ kind: z.literal("checkPassed"), ...place, ...common }),
  z.object({ kind: z.literal("checkFailed"), failed, ...place, ...common }),
  z.object({ kind: z.literal("hint"), ...place, ...common }),
  z.object({ kind: z.literal("solve"), ...place, ...common }),
  z.object({
    kind: z.literal("quizAnswer"),
    block: boundedText(200),
    questionId: boundedText(200),
    mode: z.enum(["practice", "exam"]),
    correct: z.boolean(),
    answer: boundedText(2_000),
    ...common,
  }),
  z.object({
    kind: z.literal("examFinished"),
    block: boundedText(200),
    score: z.number().int().min(0).max(10_000),
    total: z.number().int().min(0).max(10_000),
    passed: z.boolean(),
    ...common,
  }),
  z.object({
    kind: z.literal("preflight"),
    checks: z.array(z.object({ name: boundedText(200), ok: z.boolean(), detail: boundedText(1_000) })).max(50, "at most 50 checks"),
    ...common,
  }),
]);

/** `events[3].seq: 1 or more`: the first problem, and where it is. */
export const describeIssue = (error: z.ZodError, what = "the body"): string => {
  const issue = error.issues[0];
  if (!issue) return `${what} does not match the protocol`;
  const where = issue.path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index > 0 ? "." : ""}${String(part)}`)).join("");
  return `${where || what}: ${issue.message}`;
};
