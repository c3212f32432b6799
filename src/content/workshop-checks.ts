import { basename, extname } from "node:path";
import { problemAt, type Located } from "./located";
import type { Problem } from "./problem";
import { topicOf } from "./question-topic";
import type { Lesson } from "./schema/lesson";
import type { Question } from "./schema/quiz";
import type { StepChoice, WorkshopBlock, WorkshopExam, WorkshopQuiz } from "./schema/workshop";
import { didYouMean, listOf } from "./suggest";
import { findChosenStep, handsOnStepsOf } from "./workshop-plan";

/**
 * A workshop's checks across fields and files: its id is its file's name, its block ids are
 * unique, and what its blocks name is there: the lesson, each chosen hands-on step, the quiz
 * topics, and enough questions in them for the count asked. Runs on valid workshops and on the
 * valid blocks of a workshop with schema mistakes, so both show up in one validate.
 */

/** A workshop as these checks read it: a block with a schema mistake is undefined. */
export interface CheckedWorkshop extends Located {
  id?: string;
  region?: string;
  otherRegion?: string;
  blocks: readonly (WorkshopBlock | undefined)[];
}

/** What the workshops may refer to. */
export interface WorkshopReferences {
  /** Every known lesson id; the lesson itself when its file is valid (a broken one's steps are unknown). */
  lessons: ReadonlyMap<string, Lesson | undefined>;
  /** The questions of valid quiz files. */
  questions: readonly Question[];
  /** Every known topic, including those of quiz files with mistakes (whose questions cannot be counted). */
  topics: ReadonlySet<string>;
  /** Topics whose file has mistakes: their questions are not all in `questions`. */
  uncountedTopics: ReadonlySet<string>;
}

const fileId = (file: string) => basename(file, extname(file));

const idIsFileName = (where: CheckedWorkshop): Problem[] =>
  where.id === undefined || where.id === fileId(where.file)
    ? []
    : [problemAt(where, ["id"], `workshop id "${where.id}" must be the file's name without .yaml ("${fileId(where.file)}"): s3-tutor room finds a workshop by its file`)];

const uniqueBlockIds = (where: CheckedWorkshop): Problem[] => {
  const first = new Map<string, number>();
  return where.blocks.flatMap((block, index) => {
    if (!block) return [];
    const earlier = first.get(block.id);
    if (earlier === undefined) {
      first.set(block.id, index);
      return [];
    }
    const related = { file: where.file, ...where.source.position(["blocks", earlier, "id"]) };
    return [{ ...problemAt(where, ["blocks", index, "id"], `block id "${block.id}" is already used in this workshop`), related }];
  });
};

const twoRegions = (where: CheckedWorkshop): Problem[] =>
  where.region !== undefined && where.region === where.otherRegion
    ? [problemAt(where, ["otherRegion"], `"otherRegion" must differ from "region" (both are ${where.region})`)]
    : [];

const stepListing = (lesson: Lesson): string => {
  const steps = handsOnStepsOf(lesson);
  if (steps.length === 0) return "it has none";
  return `its hands-on steps are ${steps.map((step) => `${step.number}${step.id ? ` ${step.id}` : ""}`).join(", ")}`;
};

const chosenSteps = (where: CheckedWorkshop, index: number, lesson: Lesson, steps: readonly StepChoice[]): Problem[] => {
  const available = handsOnStepsOf(lesson);
  const seen = new Map<number, number>();
  return steps.flatMap((choice, position) => {
    const path = ["blocks", index, "steps", position];
    const found = findChosenStep(lesson, choice);
    if (!found) {
      const ids = available.flatMap((step) => (step.id ? [step.id] : []));
      const hint = typeof choice === "string" ? didYouMean(choice, ids) : "";
      return [problemAt(where, path, `lesson "${lesson.id}" has no hands-on step ${typeof choice === "number" ? choice : `"${choice}"`}${hint}; ${stepListing(lesson)}`)];
    }
    const earlier = seen.get(found.number);
    seen.set(found.number, earlier ?? position);
    if (earlier === undefined) return [];
    return [problemAt(where, path, `hands-on step ${found.number}${found.id ? ` (${found.id})` : ""} is already chosen in this block`)];
  });
};

const lessonBlock = (where: CheckedWorkshop, index: number, block: Extract<WorkshopBlock, { lesson: string }>, references: WorkshopReferences): Problem[] => {
  if (!references.lessons.has(block.lesson)) {
    return [problemAt(where, ["blocks", index, "lesson"], `unknown lesson "${block.lesson}"${didYouMean(block.lesson, references.lessons.keys())}`)];
  }
  const lesson = references.lessons.get(block.lesson);
  return lesson && block.steps ? chosenSteps(where, index, lesson, block.steps) : [];
};

const questionBlock = (where: CheckedWorkshop, index: number, field: "quiz" | "exam", pick: WorkshopQuiz | WorkshopExam, references: WorkshopReferences): Problem[] => {
  const path = ["blocks", index, field];
  const topics = [...references.topics].sort();
  const unknown = pick.topics.flatMap((topic, position) =>
    references.topics.has(topic)
      ? []
      : [problemAt(where, [...path, "topics", position], `unknown quiz topic "${topic}"${didYouMean(topic, topics)}; topics are ${topics.join(", ")}`)],
  );
  if (unknown.length > 0 || pick.topics.some((topic) => references.uncountedTopics.has(topic))) return unknown;
  const inTopics = references.questions.filter((question) => pick.topics.includes(topicOf(question.id)));
  const tags = pick.tags ?? [];
  const known = new Set(inTopics.flatMap((question) => question.tags ?? []));
  const unknownTags = tags.flatMap((tag, position) =>
    known.has(tag) ? [] : [problemAt(where, [...path, "tags", position], `no question of ${listOf(pick.topics, "or")} has the tag "${tag}"${didYouMean(tag, known)}`)],
  );
  if (unknownTags.length > 0) return unknownTags;
  const matching = inTopics.filter((question) => tags.length === 0 || (question.tags ?? []).some((tag) => tags.includes(tag)));
  if (pick.count === undefined || pick.count <= matching.length) return [];
  const of = `${pick.topics.length === 1 ? "topic" : "topics"} ${listOf(pick.topics, "and")}${tags.length > 0 ? ` with the tags ${listOf(tags, "or")}` : ""}`;
  return [problemAt(where, [...path, "count"], `"count" asks for ${pick.count} questions, but the ${of} ${pick.topics.length === 1 ? "has" : "have"} only ${matching.length}`)];
};

const blockReferences = (where: CheckedWorkshop, references: WorkshopReferences): Problem[] =>
  where.blocks.flatMap((block, index) => {
    if (!block) return [];
    if ("lesson" in block) return lessonBlock(where, index, block, references);
    if ("quiz" in block) return questionBlock(where, index, "quiz", block.quiz, references);
    if ("exam" in block) return questionBlock(where, index, "exam", block.exam, references);
    return [];
  });

/** Every problem across the fields of these workshops and the content they name. */
export const checkWorkshop = (where: CheckedWorkshop, references: WorkshopReferences): Problem[] => [
  ...idIsFileName(where),
  ...twoRegions(where),
  ...uniqueBlockIds(where),
  ...blockReferences(where, references),
];
