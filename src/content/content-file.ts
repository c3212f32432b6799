import { readFile } from "node:fs/promises";
import { checkedFilesFor, type CheckedFile } from "./checked-files";
import { contentKind, type ContentKind } from "./content-kind";
import { parseYaml } from "./load-yaml";
import type { Problem } from "./problem";
import { checkSchemaLine } from "./schema-line";
import { LessonSchema, type Lesson } from "./schema/lesson";
import { QuizSchema, type Quiz } from "./schema/quiz";
import { WorkshopSchema, type Workshop } from "./schema/workshop";
import { InterviewFileSchema, type InterviewFile } from "./schema/interview";
import { salvageLesson, salvageQuiz, salvageWorkshop, type SalvagedLesson, type SalvagedQuiz, type SalvagedWorkshop } from "./salvage";
import { decodeUtf8, invalidUtf8Message, utf8Text } from "./utf8";
import { YamlSource } from "./yaml-source";

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
  /** The data before the schema (for ids in a file that has other mistakes); absent for a file taken as checked before. */
  raw?: unknown;
  lesson?: LoadedLesson;
  quiz?: LoadedQuiz;
  workshop?: LoadedWorkshop;
  interviews?: LoadedInterviews;
  /** When the schema rejects the file: its parts that are valid on their own, for the checks across fields. */
  salvaged?: { lesson?: SalvagedLesson; quiz?: SalvagedQuiz; workshop?: SalvagedWorkshop };
  problems: Problem[];
}

/** The file's bytes, or why they could not be read. */
const readBytes = async (file: string): Promise<Buffer | Problem> => {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file, message: code === "ENOENT" ? "no such file or folder" : `cannot read the file (${code ?? String(error)})` };
  }
};

/** A file found to have nothing wrong before (checked-files.ts): its data as the schema gave it, its text parsed only if a position is asked for. */
const alreadyChecked = (file: string, bytes: Buffer, { kind, data }: CheckedFile): ContentFile => {
  // The bytes were checked: they are UTF-8, so there is nothing to look for in them.
  const source = YamlSource.of(utf8Text(bytes));
  if (kind === "lesson") return { file, kind, lesson: { file, lesson: data as Lesson, source }, problems: [] };
  if (kind === "quiz") return { file, kind, quiz: { file, quiz: data as Quiz, source }, problems: [] };
  if (kind === "workshop") return { file, kind, workshop: { file, workshop: data as Workshop, source }, problems: [] };
  return { file, kind, interviews: { file, interviews: data as InterviewFile, source }, problems: [] };
};

/** The schema's data of a file with nothing wrong. */
export const dataOf = (loaded: ContentFile): unknown => loaded.lesson?.lesson ?? loaded.quiz?.quiz ?? loaded.workshop?.workshop ?? loaded.interviews?.interviews;

/** Files this module checked before, or the build did (checked-files.ts). */
const checkedFiles = checkedFilesFor(import.meta.url);

/** Reads a lesson, quiz, workshop or interview file: schema line, YAML syntax and the schema, each problem at its position. */
export const loadContentFile = async (file: string): Promise<ContentFile> => {
  const bytes = await readBytes(file);
  if (!Buffer.isBuffer(bytes)) return { file, kind: contentKind(file, ""), problems: [bytes] };
  const known = await checkedFiles.before(file, bytes);
  if (known) return alreadyChecked(file, bytes, known);
  const loaded = checkContentFile(file, bytes);
  const data = dataOf(loaded);
  if (loaded.problems.length === 0 && data !== undefined) checkedFiles.remember(file, bytes, { kind: loaded.kind, data });
  return loaded;
};

/** One file's bytes checked on their own. */
const checkContentFile = (file: string, bytes: Buffer): ContentFile => {
  const { text, invalid } = decodeUtf8(bytes);
  const kind = contentKind(file, text);
  // The rest of the file is checked too: a wrong byte in a title should not hide a missing field.
  const schemaLine = [...invalid.map(({ line, column, byte }) => ({ file, line, column, message: invalidUtf8Message(byte) })), ...checkSchemaLine(file, text, kind)];
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
