import { readFile } from "node:fs/promises";
import { contentKind, type ContentKind } from "./content-kind";
import { parseYaml } from "./load-yaml";
import type { Problem } from "./problem";
import { checkSchemaLine } from "./schema-line";
import { LessonSchema, type Lesson } from "./schema/lesson";
import { QuizSchema, type Quiz } from "./schema/quiz";
import { WorkshopSchema, type Workshop } from "./schema/workshop";
import { InterviewFileSchema, type InterviewFile } from "./schema/interview";
import { salvageLesson, salvageQuiz, salvageWorkshop, type SalvagedLesson, type SalvagedQuiz, type SalvagedWorkshop } from "./salvage";
import { decodeUtf8, invalidUtf8Message } from "./utf8";
import type { YamlSource } from "./yaml-source";

export interface LoadedLesson {
  file: string;
  lesson: Lesson;
  source: YamlSource;
}

export interface LoadedQuiz {
  file: string;
  quiz: Quiz;
  source: YamlSource;
}

export interface LoadedWorkshop {
  file: string;
  workshop: Workshop;
  source: YamlSource;
}

export interface LoadedInterviews {
  file: string;
  interviews: InterviewFile;
  source: YamlSource;
}

/** One file read and checked on its own: its problems, and its content when that is valid. */
export interface ContentFile {
  file: string;
  kind: ContentKind;
  /** The data before the schema (for ids in a file that has other mistakes). */
  raw?: unknown;
  lesson?: LoadedLesson;
  quiz?: LoadedQuiz;
  workshop?: LoadedWorkshop;
  interviews?: LoadedInterviews;
  /** When the schema rejects the file: its parts that are valid on their own, for the checks across fields. */
  salvaged?: { lesson?: SalvagedLesson; quiz?: SalvagedQuiz; workshop?: SalvagedWorkshop };
  problems: Problem[];
}

/** The file's text, with a problem at each place that is not UTF-8; or why it could not be read. */
const readText = async (file: string): Promise<{ text: string; encoding: Problem[] } | Problem> => {
  try {
    const { text, invalid } = decodeUtf8(await readFile(file));
    return { text, encoding: invalid.map(({ line, column, byte }) => ({ file, line, column, message: invalidUtf8Message(byte) })) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file, message: code === "ENOENT" ? "no such file or folder" : `cannot read the file (${code ?? String(error)})` };
  }
};

/** Reads a lesson, quiz, workshop or interview file: schema line, YAML syntax and the schema, each problem at its position. */
export const loadContentFile = async (file: string): Promise<ContentFile> => {
  const read = await readText(file);
  if (!("text" in read)) return { file, kind: contentKind(file, ""), problems: [read] };
  const { text } = read;
  const kind = contentKind(file, text);
  // The rest of the file is checked too: a wrong byte in a title should not hide a missing field.
  const schemaLine = [...read.encoding, ...checkSchemaLine(file, text, kind)];
  if (kind === "lesson") {
    const parsed = parseYaml(file, text, LessonSchema);
    const lesson = parsed.data ? { file, lesson: parsed.data, source: parsed.source } : undefined;
    const salvaged = lesson ? undefined : salvageLesson({ file, source: parsed.source }, parsed.raw);
    return { file, kind, raw: parsed.raw, lesson, ...(salvaged ? { salvaged: { lesson: salvaged } } : {}), problems: [...schemaLine, ...parsed.problems] };
  }
  if (kind === "workshop") {
    const parsed = parseYaml(file, text, WorkshopSchema);
    const workshop = parsed.data ? { file, workshop: parsed.data, source: parsed.source } : undefined;
    const salvaged = workshop ? undefined : salvageWorkshop({ file, source: parsed.source }, parsed.raw);
    return { file, kind, raw: parsed.raw, workshop, ...(salvaged ? { salvaged: { workshop: salvaged } } : {}), problems: [...schemaLine, ...parsed.problems] };
  }
  if (kind === "interview") {
    // No salvage: the checks across an interview file's fields need the file valid.
    const parsed = parseYaml(file, text, InterviewFileSchema);
    const interviews = parsed.data ? { file, interviews: parsed.data, source: parsed.source } : undefined;
    return { file, kind, raw: parsed.raw, ...(interviews ? { interviews } : {}), problems: [...schemaLine, ...parsed.problems] };
  }
  const parsed = parseYaml(file, text, QuizSchema);
  const quiz = parsed.data ? { file, quiz: parsed.data, source: parsed.source } : undefined;
  const salvaged = quiz ? undefined : salvageQuiz({ file, source: parsed.source }, parsed.raw);
  return { file, kind, raw: parsed.raw, quiz, ...(salvaged ? { salvaged: { quiz: salvaged } } : {}), problems: [...schemaLine, ...parsed.problems] };
};
