import { relative } from "node:path";

/** A place in a file: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Something wrong with a lesson, quiz or workshop file, where it is and what to do about it, in words.
 * `file` is an absolute path. `line`/`column` are absent when the problem is the path itself
 * (a folder that does not exist). `related` points at the other half of a conflict
 * (the first definition of a duplicate id).
 */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  related?: { file: string } & Position;
}

/** Relative to `cwd`, as compilers print paths (an editor or terminal can open it from there). */
const shown = (file: string, cwd: string) => relative(cwd, file) || ".";

const where = (file: string, cwd: string, position?: Partial<Position>) =>
  position?.line === undefined ? shown(file, cwd) : `${shown(file, cwd)}:${position.line}:${position.column ?? 1}`;

/** `path/to/file.yaml:LINE:COL: message`, with the file relative to `cwd`. */
export const formatProblem = (problem: Problem, cwd = process.cwd()): string => {
  const related = problem.related ? ` (first at ${where(problem.related.file, cwd, problem.related)})` : "";
  return `${where(problem.file, cwd, problem)}: ${problem.message}${related}`;
};

/** A warning, as compilers print one: `path/to/file.yaml:LINE:COL: warning: message`. */
export const formatWarning = (warning: Problem, cwd = process.cwd()): string => formatProblem({ ...warning, message: `warning: ${warning.message}` }, cwd);

/** By file, then line, then column: the order a reader fixes them in. */
export const sortProblems = (problems: readonly Problem[]): Problem[] =>
  [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
