import type { ParticipantProgress, RoomState, StuckParticipant } from "../../../room/room-state";
import { durationText, plural } from "./room-format";
import { column, type Row, type Segment } from "./segments";

export type GroupBy = "table" | "name";

export interface ListContext {
  state: RoomState;
  now: Date;
  groupBy: GroupBy;
  blockTitles: ReadonlyMap<string, string>;
  width: number;
}

const byName = (a: ParticipantProgress, b: ParticipantProgress): number =>
  a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true }) || a.id.localeCompare(b.id);

const onStep = (participant: ParticipantProgress, now: Date): string =>
  participant.step ? durationText(now.getTime() - Date.parse(participant.step.since)) : "";

/** What the participant's last result says: their current step's check, else their exam or quiz, else their pre-flight. */
export const lastResult = (participant: ParticipantProgress): Segment => {
  const step = participant.step;
  const inStep = step && step.block === participant.block;
  if (inStep && step.passed) return { text: "✓ passed", tone: "success" };
  if (inStep && step.lastFailure) {
    const times = step.failuresInARow > 1 ? ` ×${step.failuresInARow}` : "";
    return { text: `✗${times} ${step.lastFailure[0]?.reason ?? "check failed"}`, tone: "failure" };
  }
  const exam = participant.exams.findLast((finished) => finished.block === participant.block);
  if (exam) return { text: `${exam.passed ? "✓" : "✗"} exam ${exam.score}/${exam.total}`, tone: exam.passed ? "success" : "failure" };
  const answers = participant.answers.filter((answer) => answer.block === participant.block);
  if (answers.length > 0) return { text: `${answers.filter((answer) => answer.correct).length}/${answers.length} right` };
  // Before any work, the pre-flight (`s3-tutor join --check`) says whether their laptop is ready.
  const failedCheck = participant.preflight?.checks.find((check) => !check.ok);
  if (failedCheck) return { text: `✗ pre-flight: ${failedCheck.name}: ${failedCheck.detail}`, tone: "failure" };
  if (participant.preflight) return { text: "✓ pre-flight", tone: "success" };
  return { text: "–", tone: "muted" };
};

/** Column widths for a row of `width` columns: the last result (a check's reason) takes what the others leave. */
export const columnsFor = (width: number) => {
  const name = Math.min(20, Math.max(10, Math.floor(width * 0.14)));
  const table = 6;
  const block = Math.min(24, Math.max(10, Math.floor(width * 0.15)));
  const step = Math.min(36, Math.max(8, Math.floor(width * 0.18)));
  const time = 8;
  const passed = 5;
  return { name, table, block, step, time, passed };
};

const columnLabels = (width: number): Row => {
  const c = columnsFor(width);
  return [
    {
      text: `  ${column("name", c.name)}${column("table", c.table)}${column("block", c.block)}${column("step", c.step)}${column("on step", c.time)}${column("✓", c.passed)}last result`,
      tone: "muted",
    },
  ];
};

const participantRow = (participant: ParticipantProgress, context: ListContext): Row => {
  const c = columnsFor(context.width);
  const step = participant.step && participant.step.block === participant.block ? participant.step : undefined;
  const block = participant.block ? (context.blockTitles.get(participant.block) ?? participant.block) : "–";
  return [
    { text: "  " },
    { text: column(participant.name, c.name), bold: true },
    { text: column(participant.table ?? "–", c.table), tone: "muted" },
    { text: column(block, c.block) },
    { text: column(step?.title ?? "–", c.step) },
    { text: column(step ? onStep(participant, context.now) : "", c.time) },
    { text: column(`✓${participant.passedSteps.length}`, c.passed), tone: "success" },
    lastResult(participant),
  ];
};

const stuckRows = (entry: StuckParticipant, context: ListContext): Row[] => [
  Object.assign([
    { text: "⚠ ", tone: "warning", bold: true },
    { text: entry.participant.name, bold: true },
    ...(entry.participant.table !== undefined ? [{ text: ` · table ${entry.participant.table}`, tone: "muted" as const }] : []),
    { text: " · " , tone: "muted" },
    { text: entry.step.title },
    { text: ` · ${onStep(entry.participant, context.now)} on step`, tone: "muted" },
  ] satisfies Row, { keepWithNext: true }),
  [{ text: "    " }, { text: entry.why, tone: "failure" }],
];

const tableOrder = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });

/**
 * Every row of the participants' list, before scrolling: the stuck first (two rows each, with
 * why), then everyone else by table or by name, under the columns' labels.
 */
export const participantRows = (context: ListContext): Row[] => {
  if (context.state.participants.size === 0) return [[{ text: "No one has joined yet: participants join with the command above.", tone: "muted" }]];
  const stuck = context.state.stuck(context.now);
  const stuckIds = new Set(stuck.map((entry) => entry.participant.id));
  const rest = [...context.state.participants.values()].filter((participant) => !stuckIds.has(participant.id)).sort(byName);
  const rows: Row[] = [];
  if (stuck.length > 0) {
    rows.push([{ text: `Stuck (${stuck.length}): go and see them first`, tone: "warning", bold: true }]);
    for (const entry of stuck) rows.push(...stuckRows(entry, context));
  }
  if (rest.length === 0) return rows;
  rows.push(columnLabels(context.width));
  if (context.groupBy === "name") {
    rows.push([{ text: `${stuck.length > 0 ? "Everyone else" : "Everyone"} by name (${rest.length})`, tone: "heading", bold: true }]);
    for (const participant of rest) rows.push(participantRow(participant, context));
    return rows;
  }
  const tables = new Map<string, ParticipantProgress[]>();
  for (const participant of rest) {
    const table = participant.table ?? "";
    const seated = tables.get(table);
    if (seated) seated.push(participant);
    else tables.set(table, [participant]);
  }
  for (const table of [...tables.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : tableOrder(a, b)))) {
    const seated = tables.get(table)!;
    rows.push([{ text: `${table === "" ? "No table" : `Table ${table}`} (${plural(seated.length, "participant")})`, tone: "heading", bold: true }]);
    for (const participant of seated) rows.push(participantRow(participant, context));
  }
  return rows;
};
