import type { RoomReport } from "./report-types";

/**
 * The report as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled). One table per file: a spreadsheet opens one
 * table, so `participants` (one row each, one column per block) is the default and `checks` and
 * `questions` are asked for by name.
 */

export type CsvTable = "participants" | "checks" | "questions";
export const CSV_TABLES: readonly CsvTable[] = ["participants", "checks", "questions"];

type Cell = string | number | boolean | undefined;

/**
 * One field. Text a participant typed that starts like a formula (=, +, -, @) gets a leading
 * apostrophe, so a spreadsheet shows it instead of running it (OWASP's CSV injection advice).
 */
export const csvField = (cell: Cell): string => {
  if (cell === undefined) return "";
  if (typeof cell !== "string") return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvLines = (rows: readonly (readonly Cell[])[]): string => rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";

const participantsTable = (report: RoomReport): Cell[][] => {
  const examBlocks = report.blocks.filter((block) => block.kind === "exam");
  const quizBlocks = report.blocks.filter((block) => block.kind === "quiz");
  const header: Cell[] = [
    "name",
    "table",
    "blocks completed",
    ...report.blocks.map((block) => `completed: ${block.title}`),
    "steps passed",
    "checks passed",
    "checks failed",
    "hints",
    "solves",
    ...quizBlocks.flatMap((block) => [`${block.title}: answered`, `${block.title}: correct`]),
    ...examBlocks.flatMap((block) => [`${block.title}: score`, `${block.title}: out of`, `${block.title}: passed`]),
    "pre-flight",
  ];
  const rows = report.participants.map((row): Cell[] => [
    row.name,
    row.table,
    row.blocksCompleted.length,
    ...report.blocks.map((block) => (row.blocksCompleted.includes(block.id) ? "yes" : "no")),
    row.stepsPassed,
    row.checksPassed,
    row.checksFailed,
    row.hints,
    row.solves,
    ...quizBlocks.flatMap((block) => {
      const quiz = row.quizzes.find((candidate) => candidate.block === block.id);
      return [quiz?.answered ?? 0, quiz?.correct ?? 0];
    }),
    ...examBlocks.flatMap((block) => {
      const exam = row.exams.find((candidate) => candidate.block === block.id);
      return exam ? [exam.score, exam.total, exam.passed ? "yes" : "no"] : [undefined, undefined, undefined];
    }),
    !row.preflight ? undefined : row.preflight.failed.length === 0 ? "ok" : row.preflight.failed.map((check) => `${check.name}: ${check.detail}`).join("; "),
  ]);
  return [header, ...rows];
};

const checksTable = (report: RoomReport): Cell[][] => [
  ["block", "lesson", "step", "title", "failures", "participants failing", "participants passed", "reasons"],
  ...report.checks.map((check): Cell[] => [
    check.block,
    check.lesson,
    check.step,
    check.title,
    check.failures,
    check.participantsFailing,
    check.participantsPassed,
    check.reasons.map((reason) => `${reason.reason} (${reason.expectation}): ${reason.participants} participants`).join("; "),
  ]),
];

const questionsTable = (report: RoomReport): Cell[][] => [
  ["block", "question", "answered", "correct", "correct %", "answers"],
  ...report.questions.map((question): Cell[] => [
    question.block,
    question.questionId,
    question.answered,
    question.correct,
    question.correctPercent,
    question.answers.map((answer) => `${answer.answer} ×${answer.count}${answer.correct ? " (right)" : ""}`).join("; "),
  ]),
];

export const toCsv = (report: RoomReport, table: CsvTable = "participants"): string =>
  csvLines(table === "participants" ? participantsTable(report) : table === "checks" ? checksTable(report) : questionsTable(report));
