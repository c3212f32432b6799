import { callProblem, type OperationExists } from "./calls";
import { expectMarkerProblems } from "./expect-markers";
import { problemAt, type Located } from "./located";
import type { Problem } from "./problem";
import { isHandsOnStep, isQuizStep } from "./step-kinds";
import type { Action, HandsOn, Lesson } from "./schema/lesson";
import { didYouMean } from "./suggest";
import { VariableScope } from "./variable-scope";
import type { ContentPath } from "./yaml-source";

/** The action lists of a hands-on step, in the order they run. */
export const ACTION_LISTS = ["setup", "solve", "check", "cleanup"] as const;
type ActionList = (typeof ACTION_LISTS)[number];

const actionsOf = (handsOn: HandsOn) =>
  ACTION_LISTS.flatMap((list) => (handsOn[list] ?? []).map((action, index) => ({ list, index, action })));

const savedAnywhere = (lesson: Pick<Lesson, "steps">) =>
  new Set(
    lesson.steps
      .flatMap((step) => (isHandsOnStep(step) ? actionsOf(step.handsOn) : []))
      .flatMap(({ action }) => Object.keys(action.save ?? {})),
  );

export interface KnownIds {
  lessons: ReadonlySet<string>;
  questions: ReadonlySet<string>;
}

/** The calls whose answers the judging fields read. */
const JUDGED_CALLS = { expectDecision: ["iam:SimulatePrincipalPolicy", "iam:SimulateCustomPolicy"], expectTrust: ["iam:GetRole"], expectLifecycle: ["s3:GetBucketLifecycleConfiguration"], expectAccess: ["s3:GetBucketPolicy"] } as const;

/** Fields that only make sense on some calls or in some lists: said where they are written. */
const placementProblems = (where: Located, path: ContentPath, action: Action, list: ActionList): Problem[] => {
  const problems: Problem[] = [];
  if (action.ask && list !== "check") {
    problems.push(problemAt(where, [...path, "ask"], `"ask" belongs in check: the learner answers when they press check, not in ${list}`, "key"));
  }
  for (const [field, calls] of Object.entries(JUDGED_CALLS) as [keyof typeof JUDGED_CALLS, readonly string[]][]) {
    if (action[field] !== undefined && !calls.includes(action.call.trim())) {
      problems.push(problemAt(where, [...path, field], `"${field}" judges the answer of ${calls.join(" or ")}, not ${action.call}`, "key"));
    }
  }
  return problems;
};

const checkAction = (where: Located, path: ContentPath, action: Action, scope: VariableScope, operationExists?: OperationExists, list: ActionList = "solve") => {
  const problems: Problem[] = placementProblems(where, path, action, list);
  const call = callProblem(action.call, operationExists);
  if (call) problems.push(problemAt(where, [...path, "call"], call));
  if (action.expect && action.expectError) {
    const message = 'an action expects either a result ("expect") or an error ("expectError"), not both';
    problems.push(problemAt(where, [...path, "expectError"], message, "key"));
  }
  problems.push(...expectMarkerProblems(where, [...path, "expect"], action.expect));
  problems.push(...expectMarkerProblems(where, [...path, "eventually", "retryWhile"], action.eventually?.retryWhile));
  // The fields the runner templates (src/handson/template.ts, renderAction).
  for (const field of ["input", "expect", "region", "label", "expectTrust", "expectLifecycle", "expectAccess"] as const) problems.push(...scope.check([...path, field], action[field]));
  problems.push(...scope.check([...path, "expectError", "code"], action.expectError?.code));
  problems.push(...scope.check([...path, "ask", "question"], action.ask?.question));
  problems.push(...scope.check([...path, "eventually", "retryWhile"], action.eventually?.retryWhile));
  scope.save(action);
  return problems;
};

/** What the checks read of a lesson: a whole one, or the valid parts of one with schema mistakes (salvage.ts). */
export interface LessonToCheck extends Located {
  lesson: Pick<Lesson, "id" | "requires" | "steps">;
}

/**
 * References to other lessons and questions, and each hands-on action's call and variables.
 * `alsoSaved`: names saved by steps that could not be read, taken as defined throughout.
 */
export const checkLesson = (loaded: LessonToCheck, known: KnownIds, operationExists?: OperationExists, alsoSaved: readonly string[] = []): Problem[] => {
  const { lesson } = loaded;
  const problems: Problem[] = [];
  (lesson.requires ?? []).forEach((id, index) => {
    const path = ["requires", index];
    if (id === lesson.id) problems.push(problemAt(loaded, path, "a lesson cannot require itself"));
    else if (!known.lessons.has(id)) problems.push(problemAt(loaded, path, `unknown lesson "${id}"${didYouMean(id, known.lessons)}`));
  });
  const scope = new VariableScope(loaded, savedAnywhere(lesson), alsoSaved);
  const stepIds = new Set<string>();
  lesson.steps.forEach((step, stepIndex) => {
    if (isQuizStep(step) && !known.questions.has(step.quiz)) {
      const message = `unknown question "${step.quiz}"${didYouMean(step.quiz, known.questions)}`;
      problems.push(problemAt(loaded, ["steps", stepIndex, "quiz"], message));
    }
    if (!isHandsOnStep(step)) return;
    const path = ["steps", stepIndex, "handsOn"];
    // The learner reads the goal and hint before any of the step's actions run.
    problems.push(...scope.check([...path, "goal"], step.handsOn.goal), ...scope.check([...path, "hint"], step.handsOn.hint));
    for (const { list, index, action } of actionsOf(step.handsOn)) {
      problems.push(...checkAction(loaded, [...path, list, index], action, scope, operationExists, list));
    }
    problems.push(...duplicateAskIds(loaded, path, step.handsOn));
    const id = step.handsOn.id;
    if (id !== undefined) {
      if (stepIds.has(id)) problems.push(problemAt(loaded, [...path, "id"], `another hands-on step of this lesson is already "${id}"`));
      else if (/^\d+$/.test(id)) problems.push(problemAt(loaded, [...path, "id"], `"${id}" would read as a step number; give the step a name`));
      stepIds.add(id);
    }
    const variant = step.handsOn.onRealAccount;
    if (variant) {
      const variantPath = [...path, "onRealAccount"];
      problems.push(...scope.check([...variantPath, "goal"], variant.goal), ...scope.check([...variantPath, "hint"], variant.hint));
      for (const { list, index, action } of actionsOf({ ...step.handsOn, ...variant, onRealAccount: undefined })) {
        problems.push(...checkAction(loaded, [...variantPath, list, index], action, scope, operationExists, list));
      }
    }
  });
  return problems;
};

/** The learner answers each question by its id, so a step's ids must differ. */
const duplicateAskIds = (where: Located, path: ContentPath, handsOn: HandsOn): Problem[] => {
  const seen = new Set<string>();
  return (handsOn.check ?? []).flatMap((action, index) => {
    const id = action.ask?.id;
    if (id === undefined) return [];
    if (seen.has(id)) return [problemAt(where, [...path, "check", index, "ask", "id"], `another question of this step is already "${id}"`)];
    seen.add(id);
    return [];
  });
};
