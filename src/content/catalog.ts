import { join, resolve } from "node:path";
import { loadContentFile, type ContentFile, type LoadedLesson, type LoadedQuiz } from "./content-file";
import { yamlFilesAt } from "./content-files";
import { packageRoot } from "./package-root";
import { sortProblems, type Problem } from "./problem";
import { isMap } from "./is-map";
import { checkContent, type CheckOptions } from "./validate";

/** Lessons and quizzes as loaded, with every problem found in them. Only valid files are in `lessons`/`quizzes`. */
export interface Content {
  lessons: LoadedLesson[];
  quizzes: LoadedQuiz[];
  /** Sorted by file, line and column. Empty when everything is valid. */
  problems: Problem[];
  /** Every file that was read, valid or not. */
  files: string[];
}

/** The folders that ship with the package: lessons/ and quizzes/ beside package.json. */
export const shippedContentFolders = (): string[] => [join(packageRoot(), "lessons"), join(packageRoot(), "quizzes")];

/** Ids a file declares even if it has other mistakes, so they do not also show up as unknown references. */
const declaredIds = (file: ContentFile): { lessonIds: string[]; questionIds: string[] } => {
  const raw = isMap(file.raw) ? file.raw : {};
  if (file.kind === "lesson") return { lessonIds: typeof raw.id === "string" ? [raw.id] : [], questionIds: [] };
  const questions = Array.isArray(raw.questions) ? raw.questions : [];
  return { lessonIds: [], questionIds: questions.flatMap((q) => (isMap(q) && typeof q.id === "string" ? [q.id] : [])) };
};

/**
 * Loads and checks the lessons and quizzes at `paths` (files or folders). References between
 * files resolve among everything loaded, plus `options.alsoKnown`. Never throws for bad content.
 */
export const loadContent = async (paths: readonly string[], options: CheckOptions = {}): Promise<Content> => {
  const found = await Promise.all(paths.map((path) => yamlFilesAt(resolve(path))));
  const files = [...new Set(found.flatMap((f) => f.files))];
  const loaded = await Promise.all(files.map(loadContentFile));
  const lessons = loaded.flatMap((f) => (f.lesson ? [f.lesson] : []));
  const quizzes = loaded.flatMap((f) => (f.quiz ? [f.quiz] : []));
  const declared = loaded.filter((f) => f.problems.length > 0).map(declaredIds);
  const alsoKnown = {
    lessonIds: [...declared.flatMap((d) => d.lessonIds), ...(options.alsoKnown?.lessonIds ?? [])],
    questionIds: [...declared.flatMap((d) => d.questionIds), ...(options.alsoKnown?.questionIds ?? [])],
  };
  const problems = [
    ...found.flatMap((f) => f.problems),
    ...loaded.flatMap((f) => f.problems),
    ...checkContent(lessons, quizzes, { ...options, alsoKnown }, {
      lessons: loaded.flatMap((f) => (f.salvaged?.lesson ? [f.salvaged.lesson] : [])),
      quizzes: loaded.flatMap((f) => (f.salvaged?.quiz ? [f.salvaged.quiz] : [])),
    }),
  ];
  return { lessons, quizzes, problems: sortProblems(problems), files };
};

/**
 * The files at `paths` checked as `run` and the app would take them: beside the shipped lessons
 * and quizzes, so an id a shipped one already has is a duplicate (pointing at the shipped one)
 * and references resolve. Only the files at `paths`, with their problems, come back.
 */
export const loadContentBesideShipped = async (paths: readonly string[], options: CheckOptions = {}): Promise<Content> => {
  const given = paths.map((path) => resolve(path));
  const own = new Set([...given, ...(await Promise.all(given.map(yamlFilesAt))).flatMap((found) => found.files)]);
  // Shipped first: of two uses of an id, the later one is reported, and that is the given file's.
  const all = await loadContent([...shippedContentFolders(), ...given], options);
  return {
    lessons: all.lessons.filter((loaded) => own.has(loaded.file)),
    quizzes: all.quizzes.filter((loaded) => own.has(loaded.file)),
    problems: all.problems.filter((problem) => own.has(problem.file)),
    files: all.files.filter((file) => own.has(file)),
  };
};

/** The lessons and quizzes that ship with s3-tutor. */
export const loadCatalog = (options: CheckOptions = {}): Promise<Content> => loadContent(shippedContentFolders(), options);
