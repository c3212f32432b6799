import { formatProblem } from "../content/problem";
import type { Lesson } from "../content/schema/lesson";
import type { Variables } from "../handson/template";
import { targetVariables } from "../handson/variables";
import { createTarget } from "../targets/create-target";
import { TargetError, type Target } from "../targets/target";
import { loadAppContent } from "./app-content";
import { confirmOnTerminal } from "./confirm";
import { UserError } from "./errors";
import { targetOptionsFrom, type TargetFlags } from "./target-flags";

/** The shipped lessons, read as the app reads them (from the content cache when it is fresh). */
export const shippedLessons = async (): Promise<Lesson[]> => {
  const loaded = await loadAppContent();
  if (loaded.ok) return loaded.content.lessons;
  for (const problem of loaded.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  throw new UserError(`the lessons have ${loaded.problems.length} problems (above); run s3-tutor validate for details.`);
};

/**
 * Runs `work` on the lessons' target as the learner uses it in the app — on the sandbox, the
 * learner's own (kept on disk, or the one already serving) — and closes it afterwards. A target
 * that cannot be reached is a message with the fix, not a stack trace.
 */
export const onLessonTarget = async <T>(flags: TargetFlags, work: (target: Target, variables: Variables) => Promise<T>): Promise<T> => {
  let target: Target | undefined;
  try {
    target = await createTarget({
      ...targetOptionsFrom(flags),
      sandbox: "learner",
      ...(flags.yes ? {} : { confirm: confirmOnTerminal }),
      onNotice: (message) => process.stderr.write(`s3-tutor: ${message}\n`),
    });
    await target.preflight();
    return await work(target, await targetVariables(target));
  } catch (error) {
    if (error instanceof TargetError) throw new UserError(`${error.message}\n${error.fix}`);
    throw error;
  } finally {
    await target?.close();
  }
};
