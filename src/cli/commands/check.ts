import { createInterface } from "node:readline/promises";
import type { Ask, HandsOn } from "../../content/schema/lesson";
import { missingCapabilities } from "../../handson/needs";
import { notApplicableReason } from "../../handson/auto-run";
import { questionsOf, runStepPhases } from "../../handson/runner";
import type { PhaseResult } from "../../handson/results";
import { renderString } from "../../handson/template";
import { checklistLines } from "../checklist-lines";
import { UserError } from "../errors";
import { onLessonTarget, shippedLessons } from "../lesson-target";
import { findLesson, findStep, stepArgument } from "../step-locator";
import type { TargetFlags } from "../target-flags";
import { targetLine } from "../run-report";

export interface CheckCommandOptions extends TargetFlags {
  json?: boolean;
  /** `--answer id=value` (or just the value when the step asks one question), repeatable. */
  answer?: string[];
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/** `--answer etag='"9176..."'`, or the bare value when there is one question. */
export const parseAnswers = (given: readonly string[], questions: readonly Ask[]): Record<string, string> => {
  const answers: Record<string, string> = {};
  for (const raw of given) {
    const split = raw.indexOf("=");
    const id = split > 0 ? raw.slice(0, split) : undefined;
    if (id !== undefined && questions.some((question) => question.id === id)) answers[id] = raw.slice(split + 1);
    else if (questions.length === 1 && questions[0]) answers[questions[0].id] = raw;
    else {
      const ids = questions.map((question) => `${question.id} (${question.question})`).join("; ");
      throw new UserError(
        questions.length === 0 ? "this step asks no questions, so it takes no --answer" : `--answer ${raw}: name the question, as --answer <id>=<value>. Its questions: ${ids}`,
        2,
      );
    }
  }
  return answers;
};

/** On a terminal, asks what --answer did not say; elsewhere the check tells what is missing. */
const askOnTerminal = async (questions: readonly Ask[], answers: Record<string, string>, fill: (text: string) => string): Promise<void> => {
  const open = questions.filter((question) => answers[question.id] === undefined);
  if (open.length === 0 || !process.stdin.isTTY || !process.stdout.isTTY) return;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const question of open) answers[question.id] = (await prompt.question(`${fill(question.question)} `)).trim();
  } finally {
    prompt.close();
  }
};

/**
 * `s3-tutor check <lesson> <step>`: runs the step's check against what is really there and
 * prints the ✓/✗ checklist (or JSON); exit 0 when it passes, 1 when not.
 */
export const runCheckCommand = async (lessonId: string, which: string, options: CheckCommandOptions): Promise<number> => {
  const lesson = findLesson(await shippedLessons(), lessonId);
  return onLessonTarget(options, async (target, variables) => {
    const place = findStep(lesson, which, target.name);
    const { step } = place;
    const questions = questionsOf(step);
    const answers = parseAnswers(options.answer ?? [], questions);
    const missing = missingCapabilities(step, target);
    const heading = `${lesson.id} step ${place.number} (${stepArgument(place)}): ${step.title}`;
    if (missing.length > 0) {
      const reason = notApplicableReason(step, missing, target, variables);
      if (options.json) out(JSON.stringify({ lesson: lesson.id, step: stepJson(place), passed: false, notApplicable: reason }, null, 2));
      else out(`${heading}\n  – not on this target: ${reason}`);
      return 1;
    }
    if (!options.json) await askOnTerminal(questions, answers, (text) => String(renderString(text, variables, "the question", "keep")));
    const phases = await runStepPhases(step, { target, variables, answers }, ["check"]);
    const passed = phases.every((phase) => phase.pass);
    if (options.json) {
      out(JSON.stringify({ lesson: lesson.id, step: stepJson(place), target: { name: target.name, endpoint: target.endpoint ?? null, region: target.region, prefix: target.prefix }, passed, phases }, null, 2));
    } else {
      out(targetLine(target));
      out(heading);
      for (const line of checklistLines(phases)) out(line);
      out(passed ? "✓ The step passes." : nextMove(phases, lesson.id, stepArgument(place)));
    }
    return passed ? 0 : 1;
  });
};

const stepJson = (place: { number: number; step: HandsOn }) => ({ number: place.number, id: place.step.id ?? null, title: place.step.title });

const nextMove = (phases: readonly PhaseResult[], lessonId: string, step: string): string => {
  const unanswered = phases.some((phase) => phase.actions.some((action) => action.items.some((item) => !item.pass && item.reason.startsWith("not answered"))));
  const answerHint = unanswered ? ` Answer with --answer <id>=<value>.` : "";
  return `✗ Not yet.${answerHint} Fix it and run s3-tutor check ${lessonId} ${step} again; s3-tutor setup ${lessonId} ${step} starts the step afresh.`;
};
