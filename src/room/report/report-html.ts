import { escapeHtml } from "./html-escape";
import type { RoomReport } from "./report-types";
import { barChartSvg } from "./svg-bars";

/** How many checks the most-failed chart shows. */
const CHART_CHECKS = 10;

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2330; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d5d9e0; }
.meta { color: #5b6474; } figure { margin: 1rem 0; overflow-x: auto; } figcaption { font-weight: 600; margin-bottom: 0.4rem; }
svg .label, svg .note { font: 13px system-ui, sans-serif; fill: #1d2330; } svg .track { fill: #eef0f4; } svg .bar { fill: #2f6fde; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0; font-size: 14px; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e3e6eb; vertical-align: top; }
th { background: #f4f6f9; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #17803d; } .ko { color: #c0262d; } ul.reasons { margin: 0; padding-left: 1.1rem; }
@media print { figure, table { break-inside: avoid; } }
`;

const cell = (text: string | number, numeric = false): string => `<td${numeric ? ' class="n"' : ""}>${escapeHtml(String(text))}</td>`;
const head = (...names: string[]): string => `<tr>${names.map((name) => `<th>${escapeHtml(name)}</th>`).join("")}</tr>`;

const charts = (report: RoomReport): string => {
  const completion = barChartSvg({
    id: "chart-completion",
    description: "Completion per block: participants who completed each block",
    max: 100,
    bars: report.blocks.map((block) => ({ label: block.title, value: block.percent, note: `${block.completed} of ${report.participantCount} (${block.percent}%)` })),
  });
  const checks = report.checks.filter((check) => check.participantsFailing > 0).slice(0, CHART_CHECKS);
  const mostFailed = barChartSvg({
    id: "chart-most-failed",
    description: "Most-failed checks: participants who failed each check at least once",
    max: Math.max(1, report.participantCount),
    bars: checks.map((check) => ({
      label: check.title,
      value: check.participantsFailing,
      note: `${check.participantsFailing} participants · ${check.failures} failures`,
    })),
  });
  const most = Math.max(1, ...report.examDistribution.map((bucket) => bucket.count));
  const scores = barChartSvg({
    id: "chart-exam-scores",
    description: "Exam score distribution: participants per tenth of the score",
    max: most,
    bars: report.examDistribution.map((bucket) => ({
      label: bucket.to === 100 ? `${bucket.from}–100%` : `${bucket.from}–${bucket.to - 1}%`,
      value: bucket.count,
      note: `${bucket.count} participant${bucket.count === 1 ? "" : "s"}`,
    })),
  });
  return [
    `<figure><figcaption>Completion per block</figcaption>${completion}</figure>`,
    `<figure><figcaption>Most-failed checks</figcaption>${mostFailed}</figure>`,
    `<figure><figcaption>Exam score distribution</figcaption>${scores}</figure>`,
  ].join("\n");
};

const participantsTable = (report: RoomReport): string => {
  const titles = new Map(report.blocks.map((block) => [block.id, block.title]));
  const rows = report.participants.map((row) => {
    const exams = row.exams.map((exam) => `${exam.score}/${exam.total} ${exam.passed ? "✓ passed" : "✗ not passed"}`).join(", ");
    return `<tr>${cell(row.name)}${cell(row.table ?? "")}${cell(row.blocksCompleted.map((id) => titles.get(id) ?? id).join(", "))}${cell(row.stepsPassed, true)}${cell(row.checksFailed, true)}${cell(row.hints, true)}${cell(row.solves, true)}${cell(exams)}</tr>`;
  });
  return `<table>${head("Name", "Table", "Blocks completed", "Steps passed", "Checks failed", "Hints", "Solves", "Exam")}${rows.join("")}</table>`;
};

const checksTable = (report: RoomReport): string => {
  const rows = report.checks.map((check) => {
    const reasons = check.reasons.map((reason) => `<li>${escapeHtml(reason.reason)} <span class="meta">(${escapeHtml(reason.expectation)})</span>: ${reason.participants} participants</li>`);
    return `<tr>${cell(check.title)}${cell(`${check.lesson}/${check.step}`)}${cell(check.participantsFailing, true)}${cell(check.failures, true)}${cell(check.participantsPassed, true)}<td><ul class="reasons">${reasons.join("")}</ul></td></tr>`;
  });
  return `<table>${head("Check", "Step", "Participants failing", "Failures", "Participants passed", "Reasons")}${rows.join("")}</table>`;
};

const questionsTable = (report: RoomReport): string => {
  const rows = report.questions.map((question) => {
    const answers = question.answers.map((answer) => `<li class="${answer.correct ? "ok" : "ko"}">${answer.correct ? "✓" : "✗"} ${escapeHtml(answer.answer)}: ${answer.count}</li>`);
    return `<tr>${cell(question.questionId)}${cell(question.block)}${cell(question.answered, true)}${cell(`${question.correctPercent}%`, true)}<td><ul class="reasons">${answers.join("")}</ul></td></tr>`;
  });
  return `<table>${head("Question", "Block", "Answered", "Correct", "Answers given")}${rows.join("")}</table>`;
};

/** One line per live quiz question: answered, right, the median time and how the room answered. */
const liveTable = (report: RoomReport): string => {
  if (report.live.questions.length === 0) return `<p class="meta">No live question was asked.</p>`;
  const rows = report.live.questions.map((question) => {
    const distribution = question.distribution.map((entry) => `<li class="${entry.correct ? "ok" : "ko"}">${entry.correct ? "✓" : "✗"} ${escapeHtml(entry.choice)}: ${entry.count}</li>`);
    const median = question.medianMs === null ? "–" : `${(question.medianMs / 1000).toFixed(1)} s`;
    return `<tr>${cell(question.prompt)}${cell(question.answered, true)}${cell(`${question.correctPercent}%`, true)}${cell(median, true)}<td><ul class="reasons">${distribution.join("")}</ul></td></tr>`;
  });
  const leaders = report.live.leaderboard.slice(0, 10).map((row, index) => `${index + 1}. ${escapeHtml(row.name)} (${row.correct} right, ${(row.correctMs / 1000).toFixed(1)} s)`);
  return `<table>${head("Live question", "Answered", "Correct", "Median time", "Answers")}${rows.join("")}</table>${leaders.length ? `<p>Leaderboard: ${leaders.join(" · ")}</p>` : ""}`;
};

/**
 * The report as one HTML file that reads offline: inline CSS, charts as inline SVG, no script, and
 * a content policy that would refuse one anyway. Everything a participant typed is escaped.
 */
export const toHtml = (report: RoomReport): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.workshop.title)}: room report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(report.workshop.title)}</h1>
<p class="meta">${report.participantCount} participants · room opened ${escapeHtml(report.openedAt)} · report made ${escapeHtml(report.generatedAt)}</p>
<h2>Charts</h2>
${charts(report)}
<h2>Participants</h2>
${participantsTable(report)}
<h2>Checks</h2>
${checksTable(report)}
<h2>Questions</h2>
${questionsTable(report)}
<h2>Live quiz</h2>
${liveTable(report)}
</body>
</html>
`;
