import type { OperationExists } from "./calls";
import type { LoadedInterviews, LoadedLesson, LoadedQuiz, LoadedWorkshop } from "./content-file";
import { checkInterviews, type InterviewReferences } from "./interview-checks";
import { checkLesson } from "./lesson-checks";
import { problemAt, type Located } from "./located";
import type { Problem } from "./problem";
import type { SalvagedLesson, SalvagedQuiz } from "./salvage";
import { checkQuestions } from "./question-checks";
import { checkWorkshop, type CheckedWorkshop, type WorkshopReferences } from "./workshop-checks";
import type { ContentPath } from "./yaml-source";

/**
 * Checks that need more than one field or more than one file: ids, references between lessons,
 * quizzes and workshops (workshop-checks.ts), the calls actions make, the variables they use and whether questions can be
 * answered. Runs on content that matches the schemas, and on the valid parts of files that do
 * not (salvage.ts), which take no part in the checks of ids across files.
 */

export interface CheckOptions {
  /** Without it, calls are checked against the allow-list only (the SDK stays unloaded). */
  operationExists?: OperationExists;
  /** Ids that exist beyond the content checked: the shipped catalog, or files with other mistakes. */
  alsoKnown?: { lessonIds?: Iterable<string>; questionIds?: Iterable<string> };
}

interface IdUse {
  id: string;
  where: Located;
  path: ContentPath;
}

/** Each id after its first use, pointing back at the first. */
const duplicates = (uses: IdUse[], what: string): Problem[] => {
  const first = new Map<string, IdUse>();
  return uses.flatMap((use) => {
    const earlier = first.get(use.id);
    if (!earlier) {
      first.set(use.id, use);
      return [];
    }
    const related = { file: earlier.where.file, ...earlier.where.source.position(earlier.path) };
    return [{ ...problemAt(use.where, use.path, `${what} id "${use.id}" is already used`), related }];
  });
};

/** Every cross-field and cross-file problem in the given lessons and quizzes. */
export const checkContent = (
  lessons: readonly LoadedLesson[],
  quizzes: readonly LoadedQuiz[],
  options: CheckOptions = {},
  salvaged: { lessons: readonly SalvagedLesson[]; quizzes: readonly SalvagedQuiz[] } = { lessons: [], quizzes: [] },
): Problem[] => {
  const lessonIds = lessons.map((where) => ({ id: where.lesson.id, where, path: ["id"] }));
  const questionIds = quizzes.flatMap((where) =>
    where.quiz.questions.map((question, index) => ({ id: question.id, where, path: ["questions", index, "id"] })),
  );
  const known = {
    lessons: new Set([...lessonIds.map((use) => use.id), ...(options.alsoKnown?.lessonIds ?? [])]),
    questions: new Set([...questionIds.map((use) => use.id), ...(options.alsoKnown?.questionIds ?? [])]),
  };
  return [
    ...duplicates(lessonIds, "lesson"),
    ...duplicates(questionIds, "question"),
    ...quizzes.flatMap((loaded) => checkQuestions(loaded, loaded.quiz.topic, loaded.quiz.questions)),
    ...salvaged.quizzes.flatMap((partial) => checkQuestions(partial, partial.topic, partial.questions)),
    ...lessons.flatMap((lesson) => checkLesson(lesson, known, options.operationExists)),
    ...salvaged.lessons.flatMap((partial) => checkLesson(partial, known, options.operationExists, partial.savedInBrokenSteps)),
  ];
};

/** Every problem across fields and files in these workshops (valid ones, and the valid parts of the others). */
export const checkWorkshops = (
  workshops: readonly LoadedWorkshop[],
  salvaged: readonly CheckedWorkshop[],
  references: WorkshopReferences,
): Problem[] => [
  ...duplicates(
    workshops.map((where) => ({ id: where.workshop.id, where, path: ["id"] })),
    "workshop",
  ),
  ...workshops.map((where): CheckedWorkshop => ({ ...where, ...where.workshop })).flatMap((where) => checkWorkshop(where, references)),
  ...salvaged.flatMap((where) => checkWorkshop(where, references)),
];

/** Every problem across fields and files in these interview files: ids unique across them, then each file's own checks. */
export const checkInterviewFiles = (files: readonly LoadedInterviews[], references: InterviewReferences): Problem[] => [
  ...duplicates(
    files.flatMap((where) => where.interviews.interviews.map((question, index) => ({ id: question.id, where, path: ["interviews", index, "id"] }))),
    "interview question",
  ),
  ...files.flatMap((where) => checkInterviews(where, references)),
];
