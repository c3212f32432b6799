import type {
  FailedExpectation,
  Pacing,
  PacingCommand,
  ParticipantEvent,
  ParticipantTarget,
  PreflightResult,
  RoomLogRecord,
  StepPlace,
} from "./protocol";
import { LiveQuiz, type LiveQuizView } from "./live-quiz";

/**
 * The room as its log tells it: who joined, where each participant is, which checks fail and why,
 * and the pacing. Built by applying the log's records in order (at start, replaying the file; then
 * as each record is written), so the console, the API and the reports read one truth. No I/O.
 */

/** The blocks of the workshop as far as the room's state needs them. */
export interface AgendaBlock {
  id: string;
  minutes: number;
  exam?: boolean;
}

/** A participant is stuck after this many failed checks in a row on one step… */
export const STUCK_AFTER_FAILURES = 3;
/** …or this long on one step without passing it. */
export const STUCK_AFTER_MS = 5 * 60_000;
/** How many of the instructor's messages the pacing carries. */
const MESSAGES_KEPT = 20;

export interface CurrentStep extends StepPlace {
  since: string;
  failuresInARow: number;
  passed: boolean;
  lastFailure?: FailedExpectation[];
}

export interface AnswerRecord {
  block: string;
  questionId: string;
  mode: "practice" | "exam";
  correct: boolean;
  answer: string;
  at: string;
}

export interface ExamRecord {
  block: string;
  score: number;
  total: number;
  passed: boolean;
  at: string;
}

export interface ParticipantProgress {
  id: string;
  name: string;
  table?: string;
  version: string;
  target: ParticipantTarget;
  joinedAt: string;
  /** When the room last heard from them (an event's arrival). */
  lastSeenAt: string;
  /** The highest event seq the room holds. */
  lastSeq: number;
  block?: string;
  /** Every block they did something in, in the order they first did (for reports: who reached what). */
  visitedBlocks: string[];
  step?: CurrentStep;
  /** "lesson/step" keys of the steps whose check passed. */
  passedSteps: string[];
  checksPassed: number;
  checksFailed: number;
  hints: number;
  solves: number;
  answers: AnswerRecord[];
  exams: ExamRecord[];
  preflight?: { at: string; checks: PreflightResult[] };
}

export interface FailureReason {
  expectation: string;
  reason: string;
  /** Failed checks that gave this reason, and the participants they came from. */
  count: number;
  participants: string[];
}

/** One hands-on step's check across the room. */
export interface CheckTally extends StepPlace {
  key: string;
  failures: number;
  /** Participants who failed it at least once. */
  failedBy: string[];
  passedBy: string[];
  reasons: FailureReason[];
}

export interface RoomSnapshot {
  workshopId: string;
  code: string;
  openedAt: string;
  pacing: Pacing;
  participants: ParticipantProgress[];
  checks: CheckTally[];
  /** The live quiz: the current question with how many answered (not what), and the leaderboard. */
  live: LiveQuizView;
}

export interface StuckParticipant {
  participant: ParticipantProgress;
  step: CurrentStep;
  /** Said plainly: "failed 3 times in a row: …" or "7 min on this step". */
  why: string;
}

export interface AgendaClock {
  elapsedMinutes: number;
  /** The block the agenda says the room should be in now (the last one once the agenda is over). */
  scheduledBlock: string | undefined;
  /** The last block the instructor opened. */
  openBlock: string | undefined;
  /** Positive: the room is this many minutes ahead of the agenda; negative: behind. */
  deltaMinutes: number;
}

export const stepKey = (place: Pick<StepPlace, "lesson" | "step">): string => `${place.lesson}/${place.step}`;

export class RoomState {
  workshopId = "";
  code = "";
  openedAt = "";
  readonly pacing: Pacing = { startedAt: "", openBlocks: [], messages: [] };
  readonly participants = new Map<string, ParticipantProgress>();
  /** Which participant a token hash belongs to: how the API knows who is asking. */
  readonly tokenOwners = new Map<string, string>();
  instructorTokenHash = "";
  /** How many records have been applied: a frame drawn with this many shows every record up to it (the room bench reads it). */
  recordsApplied = 0;
  /** The live room quiz: questions asked, answers (kept here, never in the pacing), reveals. */
  readonly live = new LiveQuiz();
  private readonly checks = new Map<string, CheckTally>();
  private nextMessageId = 1;

  constructor(readonly blocks: readonly AgendaBlock[]) {}

  apply(record: RoomLogRecord): void {
    this.recordsApplied += 1;
    switch (record.type) {
      case "opened":
        // A restarted room appends nothing here: the first record stays the room's birth.
        if (this.openedAt) return;
        this.workshopId = record.workshopId;
        this.code = record.code;
        this.openedAt = record.at;
        this.instructorTokenHash = record.instructorTokenHash;
        this.pacing.startedAt = record.at;
        if (this.blocks[0]) this.pacing.openBlocks.push(this.blocks[0].id);
        return;
      case "joined":
        this.participants.set(record.participantId, {
          id: record.participantId,
          name: record.name,
          ...(record.table !== undefined ? { table: record.table } : {}),
          version: record.version,
          target: record.target,
          joinedAt: record.at,
          lastSeenAt: record.at,
          lastSeq: 0,
          visitedBlocks: [],
          passedSteps: [],
          checksPassed: 0,
          checksFailed: 0,
          hints: 0,
          solves: 0,
          answers: [],
          exams: [],
        });
        this.tokenOwners.set(record.tokenHash, record.participantId);
        return;
      case "event":
        this.applyEvent(record.participantId, record.event, record.at);
        return;
      case "pacing":
        this.applyPacing(record.command, record.at);
        return;
      case "liveAnswer":
        if (this.participants.has(record.participantId)) this.live.answer(record.participantId, record.questionId, record.choices, record.at);
        return;
    }
  }

  /** A participant's name, for the leaderboard. */
  readonly nameOf = (participantId: string): string => this.participants.get(participantId)?.name ?? participantId;

  /** Whether the room already holds this event (a batch sent again after a lost acknowledgement). */
  isDuplicate(participantId: string, seq: number): boolean {
    return (this.participants.get(participantId)?.lastSeq ?? 0) >= seq;
  }

  private applyEvent(participantId: string, event: ParticipantEvent, receivedAt: string): void {
    const who = this.participants.get(participantId);
    if (!who || event.seq <= who.lastSeq) return;
    who.lastSeq = event.seq;
    who.lastSeenAt = receivedAt;
    if ("block" in event) addOnce(who.visitedBlocks, event.block);
    switch (event.kind) {
      case "blockEntered":
        who.block = event.block;
        return;
      case "stepEntered":
        who.block = event.block;
        if (who.step && stepKey(who.step) === stepKey(event)) return;
        who.step = { ...placeOf(event), since: event.at, failuresInARow: 0, passed: who.passedSteps.includes(stepKey(event)) };
        return;
      case "checkPassed": {
        who.checksPassed += 1;
        const key = stepKey(event);
        if (!who.passedSteps.includes(key)) who.passedSteps.push(key);
        const step = this.currentStep(who, event);
        step.passed = true;
        step.failuresInARow = 0;
        delete step.lastFailure;
        addOnce(this.tally(event).passedBy, participantId);
        return;
      }
      case "checkFailed": {
        who.checksFailed += 1;
        const step = this.currentStep(who, event);
        step.failuresInARow += 1;
        step.lastFailure = event.failed;
        const tally = this.tally(event);
        tally.failures += 1;
        addOnce(tally.failedBy, participantId);
        for (const failed of event.failed) {
          let reason = tally.reasons.find((known) => known.expectation === failed.expectation && known.reason === failed.reason);
          if (!reason) {
            reason = { ...failed, count: 0, participants: [] };
            tally.reasons.push(reason);
          }
          reason.count += 1;
          addOnce(reason.participants, participantId);
        }
        return;
      }
      case "hint":
        who.hints += 1;
        this.currentStep(who, event);
        return;
      case "solve":
        who.solves += 1;
        this.currentStep(who, event);
        return;
      case "quizAnswer":
        who.block = event.block;
        who.answers.push({ block: event.block, questionId: event.questionId, mode: event.mode, correct: event.correct, answer: event.answer, at: event.at });
        return;
      case "examFinished":
        who.exams.push({ block: event.block, score: event.score, total: event.total, passed: event.passed, at: event.at });
        return;
      case "preflight":
        who.preflight = { at: event.at, checks: event.checks };
        return;
    }
  }

  /** The step an event is about: the participant's current one, or it becomes current (a check run without entering). */
  private currentStep(who: ParticipantProgress, event: StepPlace & { at: string }): CurrentStep {
    who.block = event.block;
    if (!who.step || stepKey(who.step) !== stepKey(event)) {
      who.step = { ...placeOf(event), since: event.at, failuresInARow: 0, passed: who.passedSteps.includes(stepKey(event)) };
    }
    return who.step;
  }

  private tally(place: StepPlace): CheckTally {
    const key = stepKey(place);
    let tally = this.checks.get(key);
    if (!tally) {
      tally = { ...placeOf(place), key, failures: 0, failedBy: [], passedBy: [], reasons: [] };
      this.checks.set(key, tally);
    }
    return tally;
  }

  private applyPacing(command: PacingCommand, at: string): void {
    switch (command.kind) {
      case "broadcast":
        this.pacing.messages.push({ id: this.nextMessageId++, at, text: command.text });
        if (this.pacing.messages.length > MESSAGES_KEPT) this.pacing.messages.splice(0, this.pacing.messages.length - MESSAGES_KEPT);
        return;
      case "openBlock": {
        const block = command.block ?? this.blocks.find((candidate) => !this.pacing.openBlocks.includes(candidate.id))?.id;
        if (block) this.open(block);
        return;
      }
      case "startExam": {
        const block = command.block ?? this.blocks.find((candidate) => candidate.exam)?.id;
        if (!block) return;
        this.open(block);
        this.pacing.exam = { block, startedAt: at };
        return;
      }
      case "askQuestion":
        this.live.ask(command.question, command.seconds, at, this.pacing);
        return;
      case "revealQuestion":
        this.live.reveal(this.pacing, this.nameOf);
        return;
    }
  }

  /** Opens a block and every block before it: the agenda only moves forward. */
  private open(block: string): void {
    const index = this.blocks.findIndex((candidate) => candidate.id === block);
    if (index < 0) return;
    for (const earlier of this.blocks.slice(0, index + 1)) addOnce(this.pacing.openBlocks, earlier.id);
  }

  /** What a pacing command would do, or why it cannot (an unknown block, nothing left to open). */
  refusePacing(command: PacingCommand): string | undefined {
    switch (command.kind) {
      case "broadcast":
        return command.text.trim() === "" ? "a broadcast needs some text" : undefined;
      case "openBlock":
        if (command.block !== undefined) return this.blocks.some((block) => block.id === command.block) ? undefined : `the workshop has no block "${command.block}"`;
        return this.blocks.every((block) => this.pacing.openBlocks.includes(block.id)) ? "every block is open already" : undefined;
      case "startExam":
        if (command.block !== undefined) {
          const block = this.blocks.find((candidate) => candidate.id === command.block);
          return !block ? `the workshop has no block "${command.block}"` : block.exam ? undefined : `block "${command.block}" is not an exam`;
        }
        return this.blocks.some((block) => block.exam) ? undefined : "the workshop has no exam block";
      case "askQuestion":
        return this.live.refuseAsk(command.question, command.seconds);
      case "revealQuestion":
        return !this.live.current ? "no live question has been asked" : this.live.current.revealed ? "the current question is revealed already" : undefined;
    }
  }

  /** Every check the room has heard of, in the order it first did (the projector page's heat map reads them). */
  get checkTallies(): CheckTally[] {
    return [...this.checks.values()];
  }

  /** Participants to go and see first: most failures in a row, then longest on their step. */
  stuck(now: Date): StuckParticipant[] {
    const found: StuckParticipant[] = [];
    for (const participant of this.participants.values()) {
      const step = participant.step;
      if (!step || step.passed) continue;
      const onStepMs = now.getTime() - Date.parse(step.since);
      if (step.failuresInARow >= STUCK_AFTER_FAILURES) {
        const reason = step.lastFailure?.[0]?.reason;
        found.push({ participant, step, why: `failed ${step.failuresInARow} times in a row${reason ? `: ${reason}` : ""}` });
      } else if (onStepMs > STUCK_AFTER_MS) {
        found.push({ participant, step, why: `${Math.floor(onStepMs / 60_000)} min on this step` });
      }
    }
    return found.sort(
      (a, b) => b.step.failuresInARow - a.step.failuresInARow || Date.parse(a.step.since) - Date.parse(b.step.since),
    );
  }

  /** The checks most participants fail, with their reasons most common first. */
  mostFailed(limit = 5): CheckTally[] {
    return [...this.checks.values()]
      .filter((tally) => tally.failures > 0)
      .sort((a, b) => b.failedBy.length - a.failedBy.length || b.failures - a.failures)
      .slice(0, limit)
      .map((tally) => ({ ...tally, reasons: [...tally.reasons].sort((a, b) => b.participants.length - a.participants.length || b.count - a.count) }));
  }

  agendaClock(now: Date): AgendaClock {
    const elapsedMinutes = this.pacing.startedAt ? Math.max(0, (now.getTime() - Date.parse(this.pacing.startedAt)) / 60_000) : 0;
    let start = 0;
    let scheduledBlock: string | undefined;
    const starts = new Map<string, { start: number; end: number }>();
    for (const block of this.blocks) {
      starts.set(block.id, { start, end: start + block.minutes });
      if (elapsedMinutes >= start) scheduledBlock = block.id;
      start += block.minutes;
    }
    const openBlock = this.pacing.openBlocks.at(-1);
    const open = openBlock ? starts.get(openBlock) : undefined;
    let deltaMinutes = 0;
    if (open && elapsedMinutes > open.end) deltaMinutes = -(elapsedMinutes - open.end);
    else if (open && elapsedMinutes < open.start) deltaMinutes = open.start - elapsedMinutes;
    return { elapsedMinutes, scheduledBlock, openBlock, deltaMinutes };
  }

  snapshot(): RoomSnapshot {
    return {
      workshopId: this.workshopId,
      code: this.code,
      openedAt: this.openedAt,
      pacing: this.pacing,
      participants: [...this.participants.values()].map((participant) => ({ ...participant, target: withoutSecrets(participant.target) })),
      checks: [...this.checks.values()],
      live: this.live.view(this.nameOf),
    };
  }
}

/** The instructor sees which accounts a participant has, never the keys to act as them. */
const withoutSecrets = (target: ParticipantTarget): ParticipantTarget =>
  target.kind !== "room"
    ? target
    : {
        ...target,
        identities: {
          default: { ...target.identities.default, secretAccessKey: "" },
          other: { ...target.identities.other, secretAccessKey: "" },
        },
      };

const placeOf = (place: StepPlace): StepPlace => ({ block: place.block, lesson: place.lesson, step: place.step, title: place.title });

const addOnce = (list: string[], value: string): void => {
  if (!list.includes(value)) list.push(value);
};
