import { z } from "zod";
import { DEFAULT_MAX_PARTICIPANTS, DEFAULT_PASS_MARK } from "../workshop-blocks";

/**
 * The workshop format (workshops/<id>.yaml): an instructor-led session as blocks in order, each
 * a whole lesson, chosen hands-on steps of a lesson, a practice quiz, an exam or a break, with
 * the minutes the agenda gives it and where the room's hands-on work runs.
 */

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TOPIC = /^[a-z0-9-]+$/;
/** eu-west-1, us-gov-west-1, ap-southeast-5. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const WORKSHOP_TARGETS = ["room", "own", "localstack", "aws"] as const;
export const WorkshopTargetSchema = z
  .enum(WORKSHOP_TARGETS)
  .describe(
    "Where participants' hands-on steps run: room (the instructor's room sandbox, one S3 world with an account each, so names clash between people for real), own (each laptop's own sandbox), localstack (a LocalStack each participant points at) or aws (one AWS account shared, each participant under their own prefix).",
  );
export type WorkshopTarget = z.infer<typeof WorkshopTargetSchema>;


const RegionSchema = z.string().regex(REGION, 'an AWS region such as "eu-west-1"');

/** Which questions a quiz or exam block draws: the same filter as `s3-tutor quiz`. */
const questionPick = {
  topics: z
    .array(z.string().regex(TOPIC, "lower-case words joined by hyphens"))
    .min(1)
    .describe("Quiz topics to draw from: the topic: of a file in quizzes/ (e.g. naming, regions)."),
  tags: z.array(z.string().min(1)).optional().describe("Only questions with at least one of these tags."),
  seed: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Draws and shuffles the same questions for everyone in the room (and in every run), so answers compare question by question."),
};

export const WorkshopQuizSchema = z
  .object({
    ...questionPick,
    count: z.number().int().min(1).optional().describe("How many questions to ask; without it, every question of the topics."),
  })
  .strict();
export type WorkshopQuiz = z.infer<typeof WorkshopQuizSchema>;

export const WorkshopExamSchema = z
  .object({
    ...questionPick,
    count: z.number().int().min(1).describe("How many questions the exam asks."),
    passMark: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe(`The score that passes, in percent of the questions answered right (default ${DEFAULT_PASS_MARK}).`),
  })
  .strict();
export type WorkshopExam = z.infer<typeof WorkshopExamSchema>;

/** A hands-on step of a lesson: its `id:`, or its 1-based number among the lesson's hands-on steps. */
export const StepChoiceSchema = z.union([
  z.string().regex(ID, "a hands-on step's id: lower-case words joined by hyphens"),
  z.number().int().min(1),
]);
export type StepChoice = z.infer<typeof StepChoiceSchema>;

const blockCommon = {
  id: z
    .string()
    .regex(ID, "lower-case words joined by hyphens")
    .max(40)
    .describe("Names the block in events and reports: unique within the workshop, and best left unchanged once a workshop has run."),
  minutes: z.number().int().min(1).max(480).describe("The minutes the agenda gives this block."),
  note: z.string().min(1).optional().describe("For the instructor only: what to say or watch for in this block."),
};

export const BreakBlockSchema = z
  .object({
    ...blockCommon,
    title: z.string().min(1).describe("What the block is, e.g. \"Welcome and set-up\" or \"Coffee\"."),
    break: z.literal(true).describe("A block with nothing to do in the app: an introduction, a talk, a break, lunch."),
  })
  .strict();
export const LessonBlockSchema = z
  .object({
    ...blockCommon,
    title: z.string().min(1).optional().describe("Shown on the agenda; the lesson's title when absent."),
    lesson: z.string().regex(ID, "a lesson id: lower-case words joined by hyphens").describe("The id of a lesson in lessons/."),
    steps: z
      .array(StepChoiceSchema)
      .min(1)
      .optional()
      .describe(
        "Only these hands-on steps of the lesson, each by its id or its 1-based number among the lesson's hands-on steps (as s3-tutor check takes them); without it, the whole lesson.",
      ),
  })
  .strict();
export const QuizBlockSchema = z
  .object({
    ...blockCommon,
    title: z.string().min(1).optional().describe("Shown on the agenda; \"Quiz\" and its topics when absent."),
    quiz: WorkshopQuizSchema.describe("A practice quiz: each answer is explained as it is given."),
  })
  .strict();
export const ExamBlockSchema = z
  .object({
    ...blockCommon,
    title: z.string().min(1).optional().describe("Shown on the agenda; \"Exam\" and its topics when absent."),
    exam: WorkshopExamSchema.describe("A timed exam, scored at the end against its pass mark."),
  })
  .strict();

/** A block is told by the one field that says what it is: break, lesson, quiz or exam. */
export const WorkshopBlockSchema = z.union([BreakBlockSchema, LessonBlockSchema, QuizBlockSchema, ExamBlockSchema]);
export type WorkshopBlock = z.infer<typeof WorkshopBlockSchema>;
export type BreakBlock = z.infer<typeof BreakBlockSchema>;
export type LessonBlock = z.infer<typeof LessonBlockSchema>;
export type QuizBlock = z.infer<typeof QuizBlockSchema>;
export type ExamBlock = z.infer<typeof ExamBlockSchema>;
export type WorkshopBlockKind = "break" | "lesson" | "quiz" | "exam";

export const WorkshopSchema = z
  .object({
    id: z
      .string()
      .regex(ID, "lower-case words joined by hyphens")
      .max(40)
      .describe("The file's name without .yaml: s3-tutor room <id> opens it."),
    title: z.string().min(1),
    summary: z.string().min(1).describe("One or two sentences: what participants leave knowing."),
    minutes: z.number().int().min(1).max(960).describe("The whole workshop, in minutes; validate warns when the blocks' minutes add up to another total."),
    target: WorkshopTargetSchema,
    region: RegionSchema.optional().describe("The region hands-on steps use ({{region}}), instead of each participant's default."),
    otherRegion: RegionSchema.optional().describe("The second region of the steps that use two ({{otherRegion}}), e.g. for replication."),
    maxParticipants: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe(`How many may join the room (default ${DEFAULT_MAX_PARTICIPANTS}); the next one is told the room is full.`),
    blocks: z.array(WorkshopBlockSchema).min(1).describe("The agenda, in order."),
  })
  .strict();
export type Workshop = z.infer<typeof WorkshopSchema>;
