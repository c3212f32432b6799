import type { ParticipantProgress, RoomState } from "../room-state";
import { liveLeaderboard, liveQuestionRows } from "./live-report";
import type { BlockCompletion, CheckRow, ParticipantRow, QuestionRow, ReportBlock, ReportWorkshop, RoomReport } from "./report-types";

const percentOf = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** Whether the participant has done what the block asks (see ReportBlock). */
export const completedBlock = (participant: ParticipantProgress, block: ReportBlock): boolean => {
  switch (block.kind) {
    case "lesson":
      return block.steps && block.steps.length > 0
        ? block.steps.every((step) => participant.passedSteps.includes(step))
        : participant.visitedBlocks.includes(block.id);
    case "quiz": {
      const answered = new Set(participant.answers.filter((answer) => answer.block === block.id).map((answer) => answer.questionId));
      return answered.size >= Math.max(1, block.questions ?? 1);
    }
    case "exam":
      return participant.exams.some((exam) => exam.block === block.id);
    case "break":
      return false;
  }
};

const lastExams = (participant: ParticipantProgress): ParticipantRow["exams"] => {
  const last = new Map<string, ParticipantProgress["exams"][number]>();
  for (const exam of participant.exams) last.set(exam.block, exam);
  return [...last.values()].map((exam) => ({ block: exam.block, score: exam.score, total: exam.total, percent: percentOf(exam.score, exam.total), passed: exam.passed }));
};

const quizzes = (participant: ParticipantProgress): ParticipantRow["quizzes"] => {
  const byBlock = new Map<string, { block: string; answered: number; correct: number }>();
  for (const answer of participant.answers) {
    if (answer.mode !== "practice") continue;
    const quiz = byBlock.get(answer.block) ?? { block: answer.block, answered: 0, correct: 0 };
    quiz.answered += 1;
    if (answer.correct) quiz.correct += 1;
    byBlock.set(answer.block, quiz);
  }
  return [...byBlock.values()];
};

const participantRow = (participant: ParticipantProgress, blocks: readonly ReportBlock[]): ParticipantRow => ({
  id: participant.id,
  name: participant.name,
  ...(participant.table !== undefined ? { table: participant.table } : {}),
  blocksCompleted: blocks.filter((block) => completedBlock(participant, block)).map((block) => block.id),
  stepsPassed: participant.passedSteps.length,
  checksPassed: participant.checksPassed,
  checksFailed: participant.checksFailed,
  hints: participant.hints,
  solves: participant.solves,
  quizzes: quizzes(participant),
  exams: lastExams(participant),
  answers: participant.answers.map(({ block, questionId, mode, correct, answer }) => ({ block, questionId, mode, correct, answer })),
  ...(participant.preflight
    ? { preflight: { at: participant.preflight.at, failed: participant.preflight.checks.filter((check) => !check.ok).map(({ name, detail }) => ({ name, detail })) } }
    : {}),
});

const questionRows = (participants: readonly ParticipantProgress[]): QuestionRow[] => {
  const questions = new Map<string, QuestionRow>();
  for (const participant of participants) {
    for (const given of participant.answers) {
      const key = `${given.block}\u0000${given.questionId}`;
      let question = questions.get(key);
      if (!question) {
        question = { questionId: given.questionId, block: given.block, answered: 0, correct: 0, correctPercent: 0, answers: [] };
        questions.set(key, question);
      }
      question.answered += 1;
      if (given.correct) question.correct += 1;
      const same = question.answers.find((known) => known.answer === given.answer);
      if (same) same.count += 1;
      else question.answers.push({ answer: given.answer, count: 1, correct: given.correct });
    }
  }
  return [...questions.values()].map((question) => ({
    ...question,
    correctPercent: percentOf(question.correct, question.answered),
    answers: question.answers.sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer)),
  }));
};

const examDistribution = (rows: readonly ParticipantRow[]): RoomReport["examDistribution"] => {
  const buckets = Array.from({ length: 10 }, (_unused, index) => ({ from: index * 10, to: index === 9 ? 100 : index * 10 + 10, count: 0 }));
  for (const exam of rows.flatMap((row) => row.exams)) buckets[Math.min(9, Math.floor(exam.percent / 10))]!.count += 1;
  return buckets;
};

const byTableThenName = (a: ParticipantProgress, b: ParticipantProgress): number =>
  (a.table ?? "\uffff").localeCompare(b.table ?? "\uffff", undefined, { numeric: true }) ||
  a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) ||
  a.id.localeCompare(b.id);

/**
 * The room's report: each participant (by table, then name), each check (most participants
 * failing first) and each question, block completion and the exam scores. Read from the room's
 * state: never a token or a secret key (the state's snapshot leaves them out).
 */
export const roomReport = (state: RoomState, workshop: ReportWorkshop, generatedAt: Date): RoomReport => {
  if (state.workshopId && state.workshopId !== workshop.id) {
    throw new Error(`the room's log is for workshop "${state.workshopId}", not "${workshop.id}"`);
  }
  const snapshot = state.snapshot();
  const people = [...snapshot.participants].sort(byTableThenName);
  const doable = workshop.blocks.filter((block): block is ReportBlock & { kind: BlockCompletion["kind"] } => block.kind !== "break");
  const participants = people.map((participant) => participantRow(participant, doable));
  const blocks: BlockCompletion[] = doable.map((block) => {
    const completed = participants.filter((row) => row.blocksCompleted.includes(block.id)).length;
    return { id: block.id, title: block.title, kind: block.kind, completed, percent: percentOf(completed, participants.length) };
  });
  const checks: CheckRow[] = [...snapshot.checks]
    .sort((a, b) => b.failedBy.length - a.failedBy.length || b.failures - a.failures || a.key.localeCompare(b.key))
    .map((tally) => ({
      key: tally.key,
      block: tally.block,
      lesson: tally.lesson,
      step: tally.step,
      title: tally.title,
      failures: tally.failures,
      participantsFailing: tally.failedBy.length,
      participantsPassed: tally.passedBy.length,
      reasons: [...tally.reasons]
        .sort((a, b) => b.participants.length - a.participants.length || b.count - a.count)
        .map((reason) => ({ expectation: reason.expectation, reason: reason.reason, count: reason.count, participants: reason.participants.length })),
    }));
  return {
    kind: "s3-tutor-room-report",
    workshop: { id: workshop.id, title: workshop.title },
    generatedAt: generatedAt.toISOString(),
    openedAt: snapshot.openedAt,
    participantCount: participants.length,
    blocks,
    participants,
    checks,
    questions: questionRows(people),
    // Names only: the report names participants by name everywhere else too.
    live: { questions: liveQuestionRows(state), leaderboard: liveLeaderboard(state).map(({ name, correct, correctMs }) => ({ name, correct, correctMs })) },
    examDistribution: examDistribution(participants),
  };
};
