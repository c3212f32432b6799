import { formatProblem, formatWarning } from "../../content/problem";
import type { Lesson } from "../../content/schema/lesson";
import type { Quiz } from "../../content/schema/quiz";
import type { Workshop } from "../../content/schema/workshop";
import { loadWorkshop } from "../../content/workshops";
import { UserError } from "../errors";

/** A workshop by id or path for the room's commands: its problems printed as file:line:col and exit 1, its warnings printed. */
export const loadRoomWorkshop = async (idOrPath: string): Promise<{ workshop: Workshop; lessons: Lesson[]; quizzes: Quiz[] }> => {
  const load = await loadWorkshop(idOrPath);
  for (const warning of load.warnings) process.stderr.write(`${formatWarning(warning)}\n`);
  if (!load.workshop) {
    for (const problem of load.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw new UserError(`the workshop cannot run: ${load.problems.length === 1 ? "1 problem" : `${load.problems.length} problems`} (above).`);
  }
  return { workshop: load.workshop, lessons: load.lessons, quizzes: load.quizzes };
};
