import type { InterviewQuestion } from "../content/schema/interview";
import { wordsMatched } from "../engine/interview/cue-matcher";
import type { InterviewReport, MissedPoint } from "../engine/interview/interview-report";
import type { InterviewState } from "../engine/interview/interview-session";
import { formatDuration } from "../engine/quiz-results";

/**
 * What `interview --plain` prints, line by line: no clock ticking (a screen reader would read
 * every tick), so the countdown is said once as a time to answer in, and after the answer how
 * long it took.
 */

export const headerLines = (plan: readonly InterviewQuestion[], minutes: number): string[] => [
  `Mock interview: ${plan.length} ${plan.length === 1 ? "question" : "questions"}, about ${minutes} minutes.`,
  "Answer as you would out loud. Type your answer over as many lines as you like; an empty line ends it",
  "(an empty line straight away if you answered out loud). Then tick the points you made.",
  "On a line of its own, /skip goes to the next question and /end ends the interview.",
];

/** The ask, as the interviewer puts it, with its clock. */
export const askLines = (state: InterviewState, timeLimitMs: number): string[] => {
  const question = state.plan[state.index];
  const where = `Question ${state.index + 1} of ${state.plan.length}${question ? ` (${question.id})` : ""}`;
  const heading = state.depth === 1 ? `${where}${question?.kind === "design" ? ", a design prompt" : ""}` : `${where}, follow-up ${state.depth - 1}`;
  return [`${heading}: ${formatDuration(timeLimitMs)} to answer.`, state.current.ask, "Your answer (an empty line ends it):"];
};

export const answeredLine = (tookMs: number, timeLimitMs: number): string =>
  tookMs > timeLimitMs
    ? `Answered in ${formatDuration(tookMs)}: over the ${formatDuration(timeLimitMs)}.`
    : `Answered in ${formatDuration(tookMs)}.`;

/** The rubric, numbered, the matcher's ticks shown with the words that suggested them. */
export const rubricLines = (state: InterviewState): string[] => [
  "The points a strong answer makes:",
  ...state.current.points.map((point, index) => {
    const cue = state.suggested[point.id];
    const said = cue === undefined ? undefined : (wordsMatched(state.text, cue) ?? cue);
    return `${index + 1}. [${state.ticked.includes(point.id) ? "x" : " "}] ${point.says}${said === undefined ? "" : ` (seems covered: you said "${said}")`}`;
  }),
];

export const tickPromptLine = (state: InterviewState): string =>
  state.ticked.length > 0
    ? "Type the numbers of the points you made (e.g. 1 3), none, or enter to keep the ticks above:"
    : "Type the numbers of the points you made (e.g. 1 3), or enter for none:";

/** The reply at the tick prompt: "keep" (enter), the numbers of the points made, or why it is neither. */
export const parseTicks = (line: string, count: number): { made: number[] } | { invalid: string } | "keep" => {
  const words = line.trim().toLowerCase().split(/[\s,]+/).filter((word) => word.length > 0);
  if (words.length === 0) return "keep";
  if (words.length === 1 && (words[0] === "none" || words[0] === "0")) return { made: [] };
  const numbers = words.map(Number);
  if (numbers.some((number) => !Number.isInteger(number) || number < 1 || number > count)) {
    return { invalid: `Give the numbers of the points, 1 to ${count}, apart by spaces; none if you made none.` };
  }
  return { made: [...new Set(numbers)] };
};

export const scoredLines = (state: InterviewState, made: number): string[] => [
  `You made ${made} of ${state.current.points.length} points.`,
  "Model answer:",
  state.current.model.trim(),
];

/** Why the interviewer asks this follow-up (followUpReasons: the missed points its `when` listens for). */
export const followUpReasonLine = (because: readonly string[]): string | undefined =>
  because.length > 0 ? `The interviewer follows up on what you missed: ${because.join("; ")}.` : undefined;

const where = (point: MissedPoint): string =>
  point.where ? `${point.where.lessonTitle}, step ${point.where.stepNumber}: ${point.where.stepTitle}` : point.taught;

export const reportLines = (report: InterviewReport): string[] => {
  const lines = [
    report.endedBy === "ended" ? "Interview report (ended early)" : "Interview report",
    `Score: ${report.made} of ${report.asked} points (${report.percent}%). Time used: ${formatDuration(report.timeUsedMs)}.`,
  ];
  report.questions.forEach((question, index) => {
    const score = question.skipped ? "skipped" : `${question.made} of ${question.asked} points (${question.percent}%), ${formatDuration(question.timeMs)}`;
    lines.push("", `${index + 1}. ${question.questionId}: ${score}`, `   ${question.ask}`);
    for (const point of question.missed) lines.push(`   Missed: ${point.says} (${where(point)})`);
  });
  if (report.questions.length === 0) lines.push("", "No question was answered.");
  if (report.studyNext.length > 0) {
    lines.push("", "What to study next:");
    for (const item of report.studyNext) {
      const place = item.where ? `${item.where.lessonTitle}, step ${item.where.stepNumber}: ${item.where.stepTitle}` : item.taught;
      const open = item.where ? [`    open it: s3-tutor lesson ${item.where.lessonId} --step ${item.where.stepNumber}`] : [];
      lines.push(`- ${place}`, ...item.points.map((point) => `    ${point.says}`), ...open);
    }
  }
  const trend = report.trend.map((entry) => `${entry.percent}%${entry.current ? " (this one)" : ""}`);
  lines.push("", `Trend, oldest first: ${trend.join(" → ")}`);
  return lines;
};
