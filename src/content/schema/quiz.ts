import { z } from "zod";

/** The quiz format (quizzes/<topic>.yaml): questions with stable ids, answers, explanations and sources. */

const ChoiceSchema = z
  .object({
    text: z.string().min(1),
    correct: z.boolean().optional(),
    why: z.string().optional().describe("Why this choice is right or wrong, shown after answering."),
  })
  .strict();

const common = {
  id: z
    .string()
    .regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, "<topic>.<name>, lower-case words joined by hyphens")
    .describe("Stable id: <topic>.<name>."),
  prompt: z.string().min(1),
  explain: z.string().min(1).describe("Teaches the answer; shown after answering."),
  source: z.url().describe("An AWS documentation page that backs the answer."),
  tags: z.array(z.string()).optional(),
  difficulty: z.number().int().min(1).max(3).optional().describe("1 easy, 2 medium, 3 hard."),
};

export const SingleQuestionSchema = z.object({ ...common, type: z.literal("single"), choices: z.array(ChoiceSchema).min(2) }).strict();
export const MultiQuestionSchema = z.object({ ...common, type: z.literal("multi"), choices: z.array(ChoiceSchema).min(2) }).strict();
export const TrueFalseQuestionSchema = z.object({ ...common, type: z.literal("truefalse"), answer: z.boolean() }).strict();
export const TextQuestionSchema = z
  .object({ ...common, type: z.literal("text"), accept: z.array(z.string().min(1)).min(1).describe("Accepted answers.") })
  .strict();

export const QuestionSchema = z.discriminatedUnion("type", [
  SingleQuestionSchema,
  MultiQuestionSchema,
  TrueFalseQuestionSchema,
  TextQuestionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;

export const QuizSchema = z
  .object({
    topic: z.string().regex(/^[a-z0-9-]+$/, "lower-case words joined by hyphens").describe("The prefix of every question id in this file."),
    title: z.string().min(1),
    questions: z.array(QuestionSchema).min(1),
  })
  .strict();
export type Quiz = z.infer<typeof QuizSchema>;
