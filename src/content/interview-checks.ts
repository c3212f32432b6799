import type { LoadedInterviews } from "./content-file";
import { MAX_CHAIN_DEPTH } from "./interview-chain";
import { parseTaught, resolveTaught } from "./interview-taught";
import { problemAt } from "./located";
import type { Problem } from "./problem";
import type { FollowUp, InterviewPoint } from "./schema/interview";
import type { Lesson } from "./schema/lesson";
import { didYouMean } from "./suggest";
import type { ContentPath } from "./yaml-source";

/**
 * An interview file's checks across fields and files: its topic is a quiz topic and prefixes its
 * ids; each point's `taught` names a lesson step that exists; each follow-up's `when` names points
 * of the question before it; each question has exactly one follow-up without `when` (asked after a
 * strong answer, so every chain is at least two deep) and no chain is deeper than four; a question's
 * clock is 2-3 minutes, a design prompt's 4-15.
 */

export interface InterviewReferences {
  /** Every known lesson id; the lesson itself when its file is valid (a broken one's steps are unknown). */
  lessons: ReadonlyMap<string, Lesson | undefined>;
  /** Every quiz topic, valid file or not. */
  topics: ReadonlySet<string>;
}

interface Node {
  points: readonly InterviewPoint[];
  followUps?: readonly FollowUp[] | undefined;
}

const pointChecks = (where: LoadedInterviews, path: ContentPath, points: readonly InterviewPoint[], references: InterviewReferences): Problem[] => {
  const seen = new Set<string>();
  return points.flatMap((point, index) => {
    const at = [...path, "points", index];
    const problems: Problem[] = [];
    if (seen.has(point.id)) problems.push(problemAt(where, [...at, "id"], `point id "${point.id}" is already used in this question`));
    seen.add(point.id);
    const { lessonId, step } = parseTaught(point.taught);
    if (!references.lessons.has(lessonId)) {
      problems.push(problemAt(where, [...at, "taught"], `no lesson "${lessonId}"${didYouMean(lessonId, [...references.lessons.keys()])}`));
    } else {
      const lesson = references.lessons.get(lessonId);
      if (lesson && !resolveTaught(point.taught, [lesson])) {
        problems.push(problemAt(where, [...at, "taught"], `lesson "${lessonId}" has no step "${step}": give 1 to ${lesson.steps.length} or a hands-on step's id`));
      }
    }
    return problems;
  });
};

/** A node's points, its follow-ups' `when`, its one default follow-up, then the same below it. */
const nodeChecks = (where: LoadedInterviews, path: ContentPath, node: Node, depth: number, references: InterviewReferences): Problem[] => {
  const own = pointChecks(where, path, node.points, references);
  const followUps = node.followUps ?? [];
  if (followUps.length > 0 && depth >= MAX_CHAIN_DEPTH) {
    return [...own, problemAt(where, [...path, "followUps"], `a chain is at most ${MAX_CHAIN_DEPTH} questions deep; this follow-up is already number ${depth}`)];
  }
  const ids = [...new Set(node.points.map((point) => point.id))];
  const defaults = followUps.flatMap((followUp, index) => (followUp.when ? [] : [index]));
  const whenProblems = followUps.flatMap((followUp, index) =>
    (followUp.when ?? []).flatMap((id, position) =>
      ids.includes(id)
        ? []
        : [problemAt(where, [...path, "followUps", index, "when", position], `no point "${id}" in the question before${didYouMean(id, ids)}; its points are ${ids.join(", ")}`)],
    ),
  );
  const defaultProblems = defaults
    .slice(1)
    .map((index) => problemAt(where, [...path, "followUps", index], "only one follow-up may leave out `when:`: it is the one asked when every point was made"));
  return [
    ...own,
    ...whenProblems,
    ...defaultProblems,
    ...followUps.flatMap((followUp, index) => nodeChecks(where, [...path, "followUps", index], followUp, depth + 1, references)),
  ];
};

const clockCheck = (where: LoadedInterviews, index: number, kind: "question" | "design", minutes: number | undefined): Problem[] => {
  if (minutes === undefined) return [];
  const [low, high] = kind === "question" ? [2, 3] : [4, 15];
  return minutes >= low && minutes <= high
    ? []
    : [problemAt(where, ["interviews", index, "minutes"], `a ${kind === "question" ? "question" : "design prompt"}'s clock is ${low} to ${high} minutes, not ${minutes}`)];
};

export const checkInterviews = (where: LoadedInterviews, references: InterviewReferences): Problem[] => {
  const { topic, interviews } = where.interviews;
  const topicProblems = references.topics.has(topic)
    ? []
    : [problemAt(where, ["topic"], `no quiz topic "${topic}"${didYouMean(topic, [...references.topics])}: an interview file's topic is one of quizzes/<topic>.yaml`)];
  return [
    ...topicProblems,
    ...interviews.flatMap((question, index) => {
      const path: ContentPath = ["interviews", index];
      const prefix = question.id.split(".")[0];
      return [
        ...(prefix === topic ? [] : [problemAt(where, [...path, "id"], `id "${question.id}" must start with the file's topic: "${topic}.…"`)]),
        ...(question.followUps.some((followUp) => !followUp.when)
          ? []
          : [problemAt(where, [...path, "followUps"], "one follow-up must leave out `when:`: it is asked when every point was made, so every chain is at least two deep")]),
        ...clockCheck(where, index, question.kind, question.minutes),
        ...nodeChecks(where, path, question, 1, references),
      ];
    }),
  ];
};
