import { readdir } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import { loadContent, shippedContentFolders, shippedWorkshopsFolder } from "./catalog";
import type { LoadedWorkshop } from "./content-file";
import type { Problem } from "./problem";
import type { Lesson } from "./schema/lesson";
import type { Quiz } from "./schema/quiz";
import type { Workshop } from "./schema/workshop";
import type { CheckOptions } from "./validate";
import { workshopWarnings } from "./workshop-warnings";

export type { LoadedWorkshop } from "./content-file";
export { DEFAULT_MAX_PARTICIPANTS, DEFAULT_PASS_MARK, blockKind } from "./workshop-blocks";
export {
  WORKSHOP_TARGETS,
  type BreakBlock,
  type ExamBlock,
  type LessonBlock,
  type QuizBlock,
  type StepChoice,
  type Workshop,
  type WorkshopBlock,
  type WorkshopBlockKind,
  type WorkshopExam,
  type WorkshopQuiz,
  type WorkshopTarget,
} from "./schema/workshop";
export { agendaBlockAt, blockHandsOnSteps, blockTitle, handsOnStepsOf, workshopAgenda, type AgendaEntry, type HandsOnStepRef } from "./workshop-plan";

/**
 * Loading workshops for the commands that run them (`room`, `join`, reports): one by id or path,
 * or all that ship. Each is checked beside the shipped lessons and quizzes it names, and comes
 * back with its problems instead of an exception: the caller prints them and stops.
 */

export interface WorkshopLoad {
  /** The file read, absolute: the given path, or workshops/<id>.yaml in the package. */
  file: string;
  /** Present only when the file has no problem. */
  workshop?: Workshop;
  /** The workshop with its parsed source (for positions), when valid. */
  loaded?: LoadedWorkshop;
  /** The file's problems, sorted; empty when it is valid. */
  problems: Problem[];
  /** What validate would warn about (blocks' minutes not adding up); the workshop still runs. */
  warnings: Problem[];
  /** The shipped lessons and quizzes the workshop's blocks refer to. */
  lessons: Lesson[];
  quizzes: Quiz[];
}

/** A file name or path (it has an extension or a folder in it), rather than a shipped workshop's id. */
const isPath = (idOrPath: string) => extname(idOrPath) !== "" || /[\\/]/.test(idOrPath);

/** The ids of the workshops that ship, from their file names. */
export const shippedWorkshopIds = async (): Promise<string[]> => {
  try {
    const names = await readdir(shippedWorkshopsFolder());
    return names.filter((name) => /\.ya?ml$/i.test(name)).map((name) => name.replace(/\.ya?ml$/i, "")).sort();
  } catch {
    return [];
  }
};

const unknownId = async (id: string): Promise<Problem> => {
  const ids = await shippedWorkshopIds();
  const known = ids.length > 0 ? `the workshops that ship are ${ids.join(", ")}` : "no workshops ship with this version";
  return { file: join(shippedWorkshopsFolder(), `${id}.yaml`), message: `there is no workshop "${id}": ${known}; or give the path to a workshop file` };
};

/**
 * A workshop by the id of one that ships (`global-regional-crr`) or by the path of a file
 * (`./my-workshop.yaml`), checked beside everything that ships. Never throws for bad content.
 */
export const loadWorkshop = async (idOrPath: string, options: CheckOptions = {}): Promise<WorkshopLoad> => {
  const byPath = isPath(idOrPath);
  const file = byPath ? resolve(idOrPath) : join(shippedWorkshopsFolder(), `${idOrPath}.yaml`);
  if (!byPath && !(await shippedWorkshopIds()).includes(idOrPath)) {
    return { file, problems: [await unknownId(idOrPath)], warnings: [], lessons: [], quizzes: [] };
  }
  // The shipped workshops are loaded too, so a file taking a shipped workshop's id is reported.
  const all = await loadContent([...shippedContentFolders(), shippedWorkshopsFolder(), file], options);
  const loaded = all.workshops.find((candidate) => candidate.file === file);
  const found = all.problems.filter((problem) => problem.file === file);
  // A folder, or a file that holds a lesson or a quiz: nothing wrong with it, but no workshop either.
  const problems = loaded || found.length > 0 ? found : [{ file, message: "not a workshop file: a workshop is one .yaml file with a top-level \"blocks:\" list" }];
  const valid = loaded && problems.length === 0 ? loaded : undefined;
  return {
    file,
    ...(valid ? { workshop: valid.workshop, loaded: valid } : {}),
    problems,
    warnings: valid ? workshopWarnings([valid]) : [],
    lessons: all.lessons.map((where) => where.lesson),
    quizzes: all.quizzes.map((where) => where.quiz),
  };
};

/** The workshops that ship: the valid ones, and every problem in any of them. Never throws for bad content. */
export const loadWorkshops = async (options: CheckOptions = {}): Promise<{ workshops: LoadedWorkshop[]; problems: Problem[] }> => {
  const folder = shippedWorkshopsFolder();
  const all = await loadContent([...shippedContentFolders(), folder], options);
  const inFolder = (file: string) => {
    const path = relative(folder, file);
    return path === "" || (!path.startsWith("..") && !isAbsolute(path));
  };
  return { workshops: all.workshops, problems: all.problems.filter((problem) => inFolder(problem.file)) };
};
