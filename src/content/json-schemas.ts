import { z } from "zod";
import type { ContentKind } from "./content-kind";
import { schemaFileName } from "./schema-line";
import { LessonSchema } from "./schema/lesson";
import { QuizSchema } from "./schema/quiz";
import { WorkshopSchema } from "./schema/workshop";
import { InterviewFileSchema } from "./schema/interview";

/**
 * The JSON Schemas in schema/, generated from the zod schemas so editors (through the
 * yaml-language-server line atop each file) check and complete exactly what `validate` accepts.
 * Draft-07, the draft every YAML editor plugin understands. Shapes used twice (an action) stay
 * inline: zod's "ref" mode names them __schemaN and hides their descriptions behind allOf.
 */

const HEADINGS: Record<ContentKind, { schema: z.ZodType; title: string; description: string }> = {
  lesson: {
    schema: LessonSchema,
    title: "s3-tutor lesson",
    description: "A lesson in lessons/*.yaml: steps to read, quiz questions and hands-on tasks.",
  },
  quiz: { schema: QuizSchema, title: "s3-tutor quiz", description: "The questions of one topic, in quizzes/<topic>.yaml." },
  workshop: {
    schema: WorkshopSchema,
    title: "s3-tutor workshop",
    description: "An instructor-led workshop in workshops/<id>.yaml: its agenda of blocks (lessons, chosen hands-on steps, quizzes, an exam, breaks) and where the hands-on work runs.",
  },
  interview: {
    schema: InterviewFileSchema,
    title: "s3-tutor interview questions",
    description: "Mock-interview questions and design prompts of one topic in interviews/<topic>.yaml: each with its rubric, model answer and follow-up chains.",
  },
};

/** File name in schema/ → its exact text, as `npm run schemas` writes it. */
export const renderJsonSchemas = (): Record<string, string> =>
  Object.fromEntries(
    (Object.keys(HEADINGS) as ContentKind[]).map((kind) => {
      const { schema, title, description } = HEADINGS[kind];
      const { $schema, ...body } = z.toJSONSchema(schema, { target: "draft-07", io: "input" });
      return [schemaFileName(kind), `${JSON.stringify({ $schema, title, description, ...body }, null, 2)}\n`];
    }),
  );
