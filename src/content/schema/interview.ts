import { z } from "zod";

/**
 * The interview format (interviews/<topic>.yaml): questions as an interviewer asks them, each
 * with the points a strong answer makes (the rubric), a model answer, and follow-ups chosen by
 * the points the candidate missed. A point names the lesson step that teaches it, so a report
 * can send the candidate there.
 */

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `<lesson id>#<step>`: the step as its 1-based number among all the lesson's steps, or a hands-on step's `id:`. */
export const TAUGHT_IN = /^[a-z0-9]+(-[a-z0-9]+)*#([1-9][0-9]*|[a-z0-9]+(-[a-z0-9]+)*)$/;

export const PointSchema = z
  .object({
    id: z.string().regex(SLUG, "lower-case words joined by hyphens").describe("Names the point in `when:` of a follow-up; unique within its question."),
    says: z.string().min(1).describe('The point a strong answer makes, as the rubric shows it, e.g. "Each bucket lives in the one Region chosen at creation".'),
    cues: z
      .array(z.string().regex(/[a-z0-9]/i, "a phrase with at least one letter or digit"))
      .min(1)
      .describe(
        'Phrases that suggest a typed answer makes the point ("one region", "replicat*"): words matched in order, case and punctuation ignored, a trailing * matches any ending. Shown to the candidate as why a point seems covered.',
      ),
    taught: z
      .string()
      .regex(TAUGHT_IN, "<lesson id>#<step number or hands-on step id>")
      .describe("Where the point is taught: <lesson id>#<step>, the step's 1-based number among all the lesson's steps or a hands-on step's id."),
  })
  .strict();
export type InterviewPoint = z.infer<typeof PointSchema>;

const askFields = {
  ask: z.string().min(1).describe("The question as the interviewer phrases it."),
  points: z.array(PointSchema).min(2).max(6).describe("The rubric: the points a strong answer makes."),
  model: z.string().min(1).describe("The model answer (Markdown), shown after the candidate has scored the rubric."),
};

export interface FollowUp {
  ask: string;
  points: InterviewPoint[];
  model: string;
  when?: string[] | undefined;
  followUps?: FollowUp[] | undefined;
}

/** A follow-up and, in turn, its own follow-ups: a chain is at most four questions deep. */
export const FollowUpSchema: z.ZodType<FollowUp> = z
  .object({
    ...askFields,
    when: z
      .array(z.string().regex(SLUG))
      .min(1)
      .optional()
      .describe("Asked when the candidate missed any of these points of the question before; without it, asked when no other follow-up's `when` applies."),
    get followUps() {
      return z.array(FollowUpSchema).min(1).optional().describe("What the interviewer asks after this follow-up.");
    },
  })
  .strict()
  .meta({ id: "followUp" });

export const InterviewQuestionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, "<topic>.<name>, lower-case words joined by hyphens")
      .describe("Stable id: <topic>.<name>. Its review card is kept as interview:<id>."),
    kind: z
      .enum(["question", "design"])
      .default("question")
      .describe("question: 2-3 minutes, asked as interviewers ask; design: an open design prompt with a longer clock."),
    minutes: z.number().min(1).max(15).optional().describe("The countdown: 2-3 for a question (default 2.5), 4-15 for a design prompt (default 8)."),
    ...askFields,
    points: z.array(PointSchema).min(3).max(6).describe("The rubric: the 3-6 points a strong answer makes."),
    followUps: z.array(FollowUpSchema).min(1).describe("What the interviewer asks next; one without `when` is asked when every point was made."),
    sources: z.array(z.url()).min(1).describe("AWS documentation pages that back the points."),
    tags: z.array(z.string()).optional(),
  })
  .strict();
export type InterviewQuestion = z.infer<typeof InterviewQuestionSchema>;

export const InterviewFileSchema = z
  .object({
    topic: z.string().regex(SLUG, "lower-case words joined by hyphens").describe("A quiz topic (quizzes/<topic>.yaml); the prefix of every id in this file."),
    title: z.string().min(1),
    interviews: z.array(InterviewQuestionSchema).min(1),
  })
  .strict();
export type InterviewFile = z.infer<typeof InterviewFileSchema>;
