import { resolve } from "node:path";
import { loadContentBesideShipped } from "../../content/catalog";
import { formatProblem } from "../../content/problem";
import type { Lesson } from "../../content/schema/lesson";
import { inTeachingOrder } from "../../content/teaching-order";
import { autoRunLesson, type LessonRun } from "../../handson/auto-run";
import { createTarget } from "../../targets/create-target";
import { stoppable, type StoppableTarget } from "../../targets/stoppable-target";
import { TargetError, type Target } from "../../targets/target";
import { UserError } from "../errors";
import { shippedLessons } from "../lesson-target";
import { confirmOnTerminal } from "../confirm";
import { targetOptionsFrom, type TargetFlags } from "../target-flags";
import type { PollProgress } from "../../handson/results";
import { cleanupLines, jsonReport, lessonHeading, pollLine, stepLine, summaryLine, targetLine } from "../run-report";

export interface RunCommandOptions extends TargetFlags {
  auto?: boolean;
  json?: boolean;
}

/**
 * `s3-tutor run <lesson|all> --auto`: setup, solve and check every hands-on step on a target,
 * a line per step (or a JSON report), exit 1 on any failure.
 */
export const runRunCommand = async (which: string, options: RunCommandOptions): Promise<number> => {
  if (!options.auto) {
    throw new UserError("run needs --auto for now: it solves and checks every step itself. The interactive lessons come with the app.", 2);
  }
  // A lesson file's path runs that file, with the shipped quizzes and lessons for its references.
  const file = /\.ya?ml$/i.test(which) ? which : undefined;
  // The shipped lessons as the app reads them: from the checked content kept between runs when nothing changed.
  const lessons = file ? await lessonsOfFile(file) : chooseLessons(await shippedLessons(), which);
  if (lessons.length === 0) throw new UserError(`${file} holds no lesson.`);

  let interrupted = false;
  const out = (line: string) => {
    if (!options.json && !interrupted) process.stdout.write(`${line}\n`);
  };
  let target: Target | undefined;
  let run: StoppableTarget | undefined;
  const ctrlC = onCtrlC();
  const work = async (): Promise<number> => {
    target = await createTarget({
      ...targetOptionsFrom(options),
      ...(options.yes ? {} : { confirm: confirmOnTerminal }),
      onNotice: (message) => process.stderr.write(`s3-tutor: ${message}\n`),
    });
    run = stoppable(target);
    await target.preflight();
    out(targetLine(target));
    const started = performance.now();
    const runs: LessonRun[] = [];
    for (const lesson of lessons) {
      out(`\n${lessonHeading(lesson.id, lesson.title)}`);
      const progress = pollReporter(out, options.json === true);
      runs.push(
        await autoRunLesson(lesson, run.target, {
          onProgress: progress.report,
          onStepDone: (_lesson, step) => {
            progress.clear();
            out(stepLine(step));
          },
        }),
      );
      for (const line of cleanupLines(runs[runs.length - 1] as LessonRun)) out(line);
    }
    const durationMs = performance.now() - started;
    if (options.json && !interrupted) process.stdout.write(`${JSON.stringify(jsonReport(target, runs, durationMs), null, 2)}\n`);
    else out(`\n${summaryLine(runs, durationMs)}`);
    return runs.every((lessonRun) => lessonRun.passed) ? 0 : 1;
  };
  try {
    const outcome = await Promise.race([work(), ctrlC.pressed]);
    if (outcome !== INTERRUPTED) return outcome;
    // Ctrl-C: send nothing more, say what is left, close the target (aborting calls in flight).
    interrupted = true;
    (run as StoppableTarget | undefined)?.stop();
    process.stderr.write(`${interruptedMessage(options)}\n`);
    // A step still unwinding (a poll that waits) must not hold the process once the target is closed.
    setTimeout(() => process.exit(INTERRUPTED), 2_000).unref();
    return INTERRUPTED;
  } catch (error) {
    if (error instanceof TargetError) throw new UserError(`${error.message}\n${error.fix}`);
    throw error;
  } finally {
    ctrlC.stopListening();
    await (target as Target | undefined)?.close();
  }
};

/** The exit code of a program stopped by Ctrl-C (128 + SIGINT). */
const INTERRUPTED = 130;

/** Resolves on the first Ctrl-C (SIGINT); a second one exits at once. */
const onCtrlC = () => {
  let stopListening = () => {};
  const pressed = new Promise<typeof INTERRUPTED>((resolve) => {
    const first = () => {
      process.off("SIGINT", first);
      process.once("SIGINT", () => process.exit(INTERRUPTED));
      resolve(INTERRUPTED);
    };
    process.on("SIGINT", first);
    stopListening = () => process.off("SIGINT", first);
  });
  return { pressed, stopListening: () => stopListening() };
};

/** What an interrupted run leaves behind, and on a real account how to remove it. */
const interruptedMessage = (flags: RunCommandOptions): string => {
  switch (flags.target ?? "sandbox") {
    case "aws": {
      const more = [flags.profile && `--profile ${flags.profile}`, flags.region && `--region ${flags.region}`, flags.endpoint && `--endpoint ${flags.endpoint}`];
      const command = ["s3-tutor cleanup --target aws", ...more.filter(Boolean)].join(" ");
      return `s3-tutor: interrupted; nothing more will be created. What this run created is in the cleanup journal: remove it with ${command}`;
    }
    case "localstack":
      return "s3-tutor: interrupted; the steps' cleanup did not run, so LocalStack keeps what they made until it restarts.";
    case "sandbox":
      return "s3-tutor: interrupted.";
  }
};

/**
 * Shows `eventually` polling as it goes: one line rewritten in place on a terminal; elsewhere
 * (CI logs) a line every few seconds, so a long wait is visible without flooding the log.
 */
const pollReporter = (out: (line: string) => void, quiet: boolean) => {
  const live = process.stdout.isTTY === true;
  let lastPrinted = -Infinity;
  let showing = false;
  return {
    report: (progress: PollProgress) => {
      if (quiet || progress.pass) return;
      if (live) {
        process.stdout.write(`\r\x1b[2K${pollLine(progress).slice(0, (process.stdout.columns ?? 80) - 1)}`);
        showing = true;
      } else if (progress.elapsedMs - lastPrinted >= 5000) {
        out(pollLine(progress));
        lastPrinted = progress.elapsedMs;
      }
    },
    clear: () => {
      if (showing) process.stdout.write("\r\x1b[2K");
      showing = false;
      lastPrinted = -Infinity;
    },
  };
};

/** The lessons of one file, checked with the shipped quizzes and lessons for its references. */
const lessonsOfFile = async (file: string): Promise<Lesson[]> => {
  const content = await loadContentBesideShipped([file]);
  if (content.problems.length > 0) {
    for (const problem of content.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw new UserError(`the lessons have ${content.problems.length} problems (above); run s3-tutor validate for details.`);
  }
  return content.lessons.filter((loaded) => resolve(loaded.file) === resolve(file)).map((loaded) => loaded.lesson);
};

const chooseLessons = (lessons: Lesson[], which: string): Lesson[] => {
  if (which === "all") return inTeachingOrder(lessons);
  const lesson = lessons.find((candidate) => candidate.id === which);
  if (!lesson) {
    const known = lessons.map((candidate) => candidate.id).join(", ");
    throw new UserError(`there is no lesson "${which}". Lessons: ${known}, or "all".`);
  }
  return [lesson];
};
