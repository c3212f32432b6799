import { join, resolve } from "node:path";
import { loadContentFile, type ContentFile, type LoadedInterviews, type LoadedLesson, type LoadedQuiz, type LoadedWorkshop } from "./content-file";
import { yamlFilesAt } from "./content-files";
import { packageRoot } from "./package-root";
import { topicOf } from "./question-topic";
import { sortProblems, type Problem } from "./problem";
import { isMap } from "./is-map";
import type { Lesson } from "./schema/lesson";
import { checkContent, checkInterviewFiles, checkWorkshops, type CheckOptions } from "./validate";
import type { WorkshopReferences } from "./workshop-checks";

/** Lessons, quizzes, workshops and interview questions as loaded, with every problem found in them. Only valid files are in the lists. */
export interface Content {
  lessons: LoadedLesson[];
  quizzes: LoadedQuiz[];
  workshops: LoadedWorkshop[];
  interviews: LoadedInterviews[];
  /** Sorted by file, line and column. Empty when everything is valid. */
  problems: Problem[];
  /** Every file that was read, valid or not. */
  files: string[];
}

/** The folder of the workshops that ship: workshops/ beside package.json. */
export const shippedWorkshopsFolder = (): string => join(packageRoot(), "workshops");

/** The folders that ship with the package: lessons/, quizzes/ and interviews/ beside package.json (the app's catalog). */
export const shippedContentFolders = (): string[] => [join(packageRoot(), "lessons"), join(packageRoot(), "quizzes"), join(packageRoot(), "interviews")];

/** Ids a file declares even if it has other mistakes, so they do not also show up as unknown references. */
const declaredIds = (file: ContentFile): { lessonIds: string[]; questionIds: string[]; topics: string[] } => {
  const raw = isMap(file.raw) ? file.raw : {};
  if (file.kind === "workshop" || file.kind === "interview") return { lessonIds: [], questionIds: [], topics: [] };
  if (file.kind === "lesson") return { lessonIds: typeof raw.id === "string" ? [raw.id] : [], questionIds: [], topics: [] };
  const questions = Array.isArray(raw.questions) ? raw.questions : [];
  return {
    lessonIds: [],
    questionIds: questions.flatMap((q) => (isMap(q) && typeof q.id === "string" ? [q.id] : [])),
    topics: typeof raw.topic === "string" ? [raw.topic] : [],
  };
};

/** What workshops may name: valid lessons with their steps, and every id a file with mistakes declares. */
const workshopReferences = (
  lessons: readonly LoadedLesson[],
  quizzes: readonly LoadedQuiz[],
  declared: readonly { lessonIds: string[]; questionIds: string[]; topics: string[] }[],
  alsoKnown: { lessonIds: string[]; questionIds: string[] },
): WorkshopReferences => {
  const uncounted = [...declared.flatMap((d) => d.topics), ...alsoKnown.questionIds.filter((id) => id.includes(".")).map(topicOf)];
  return {
    lessons: new Map<string, Lesson | undefined>([
      ...alsoKnown.lessonIds.map((id): [string, undefined] => [id, undefined]),
      ...lessons.map((loaded): [string, Lesson] => [loaded.lesson.id, loaded.lesson]),
    ]),
    questions: quizzes.flatMap((loaded) => loaded.quiz.questions),
    topics: new Set([...quizzes.map((loaded) => loaded.quiz.topic), ...uncounted]),
    uncountedTopics: new Set(uncounted),
  };
};

/**
 * Loads and checks the lessons, quizzes and workshops at `paths` (files or folders). References between
 * files resolve among everything loaded, plus `options.alsoKnown`. Never throws for bad content.
 */
export const loadContent = async (paths: readonly string[], options: CheckOptions = {}): Promise<Content> => {
  const found = await Promise.all(paths.map((path) => yamlFilesAt(resolve(path))));
  const files = [...new Set(found.flatMap((f) => f.files))];
  const loaded = await Promise.all(files.map(loadContentFile));
  const lessons = loaded.flatMap((f) => (f.lesson ? [f.lesson] : []));
  const quizzes = loaded.flatMap((f) => (f.quiz ? [f.quiz] : []));
  const workshops = loaded.flatMap((f) => (f.workshop ? [f.workshop] : []));
  const interviews = loaded.flatMap((f) => (f.interviews ? [f.interviews] : []));
  const declared = loaded.filter((f) => f.problems.length > 0).map(declaredIds);
  const alsoKnown = {
    lessonIds: [...declared.flatMap((d) => d.lessonIds), ...(options.alsoKnown?.lessonIds ?? [])],
    questionIds: [...declared.flatMap((d) => d.questionIds), ...(options.alsoKnown?.questionIds ?? [])],
  };
  const references = workshopReferences(lessons, quizzes, declared, alsoKnown);
  const problems = [
    ...found.flatMap((f) => f.problems),
    ...loaded.flatMap((f) => f.problems),
    ...checkContent(lessons, quizzes, { ...options, alsoKnown }, {
      lessons: loaded.flatMap((f) => (f.salvaged?.lesson ? [f.salvaged.lesson] : [])),
      quizzes: loaded.flatMap((f) => (f.salvaged?.quiz ? [f.salvaged.quiz] : [])),
    }),
    ...checkWorkshops(
      workshops,
      loaded.flatMap((f) => (f.salvaged?.workshop ? [f.salvaged.workshop] : [])),
      references,
    ),
    ...checkInterviewFiles(interviews, references),
  ];
  return { lessons, quizzes, workshops, interviews, problems: sortProblems(problems), files };
};

/**
 * The files at `paths` checked as `run` and the app would take them: beside the shipped lessons,
 * quizzes and workshops, so an id a shipped one already has is a duplicate (pointing at the shipped one)
 * and references resolve. Only the files at `paths`, with their problems, come back.
 */
export const loadContentBesideShipped = async (paths: readonly string[], options: CheckOptions = {}): Promise<Content> => {
  const given = paths.map((path) => resolve(path));
  const own = new Set([...given, ...(await Promise.all(given.map(yamlFilesAt))).flatMap((found) => found.files)]);
  // Shipped first: of two uses of an id, the later one is reported, and that is the given file's.
  const all = await loadContent([...shippedContentFolders(), shippedWorkshopsFolder(), ...given], options);
  return {
    lessons: all.lessons.filter((loaded) => own.has(loaded.file)),
    quizzes: all.quizzes.filter((loaded) => own.has(loaded.file)),
    workshops: all.workshops.filter((loaded) => own.has(loaded.file)),
    interviews: all.interviews.filter((loaded) => own.has(loaded.file)),
    problems: all.problems.filter((problem) => own.has(problem.file)),
    files: all.files.filter((file) => own.has(file)),
  };
};

/** The lessons, quizzes and interview questions that ship with s3-tutor: what the app needs (no workshops). */
export const loadCatalog = (options: CheckOptions = {}): Promise<Content> => loadContent(shippedContentFolders(), options);

/** Everything that ships, workshops too: what `s3-tutor validate` checks without paths. */
export const loadEverythingShipped = (options: CheckOptions = {}): Promise<Content> =>
  loadContent([...shippedContentFolders(), shippedWorkshopsFolder()], options);
