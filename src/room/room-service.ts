import { randomBytes } from "node:crypto";
import type {
  EventAck,
  EventBatch,
  HelloResponse,
  JoinRequest,
  JoinResponse,
  LiveAnswerAck,
  LiveAnswerRequest,
  Pacing,
  PacingCommand,
  ParticipantTarget,
  ParticipantView,
  RoomLogRecord,
} from "./protocol";
import { ROOM_PROTOCOL } from "./protocol";
import type { RoomState } from "./room-state";
import type { RoomKeys } from "./credentials";
import { prefixFor } from "./credentials";
import { RoomApiError } from "./http-json";
import { DEFAULT_OTHER_REGION, DEFAULT_REGION, type RoomWorkshop } from "./room-workshop";
import { hashToken, newToken, normaliseJoinCode } from "./tokens";

export interface RoomServiceDeps {
  state: RoomState;
  /** Appends records to the log; resolves once they are on disk and applied to `state`. */
  append: (records: RoomLogRecord[]) => Promise<void>;
  keys: RoomKeys;
  workshop: RoomWorkshop;
  version: string;
  now: () => Date;
}

/**
 * What the room does, apart from HTTP: joining, taking events once each, pacing. Every change is a
 * log record, written before it is acknowledged; the state is only ever changed by applying them.
 */
export class RoomService {
  /** The highest seq queued per participant but maybe not yet written: a batch sent twice at once is kept once. */
  private readonly queuedSeq = new Map<string, number>();
  /** Joins written to the log but not yet applied, so a full room is full however many arrive at once. */
  private joining = 0;
  /** Live answers being written ("participant question"): a second one sent meanwhile is refused. */
  private readonly answering = new Set<string>();

  constructor(private readonly deps: RoomServiceDeps) {}

  hello(): HelloResponse {
    const { workshop, version, now } = this.deps;
    return {
      service: "s3-tutor-room",
      protocol: ROOM_PROTOCOL,
      version,
      workshop: { id: workshop.id, title: workshop.title },
      serverTime: now().toISOString(),
    };
  }

  /** Refuses an older or newer client first, with how to match the room. */
  checkProtocol(protocol: number, clientVersion: unknown): void {
    if (protocol === ROOM_PROTOCOL) return;
    const theirs = typeof clientVersion === "string" && clientVersion.length <= 100 ? `s3-tutor ${clientVersion}` : "your s3-tutor";
    throw new RoomApiError(
      426,
      "VersionMismatch",
      `This room runs s3-tutor ${this.deps.version} (room protocol ${ROOM_PROTOCOL}); ${theirs} speaks room protocol ${protocol}. ` +
        (this.deps.version === "dev"
          ? "Install the same s3-tutor version as the room's and join again."
          : `Install the room's version (npm install -g s3-tutor@${this.deps.version}) and join again.`),
    );
  }

  async join(request: JoinRequest): Promise<JoinResponse> {
    const { state, workshop, now } = this.deps;
    if (normaliseJoinCode(request.code) !== state.code) {
      throw new RoomApiError(403, "WrongCode", "That join code is not this room's. Check the code on the instructor's screen.");
    }
    const max = workshop.maxParticipants;
    if (max !== undefined && state.participants.size + this.joining >= max) {
      throw new RoomApiError(409, "RoomFull", `The room is full (${max} participants). Ask the instructor.`);
    }
    let participantId: string;
    do participantId = `p-${randomBytes(4).toString("hex")}`;
    while (state.participants.has(participantId));
    const token = newToken();
    const target = this.targetFor(request.name);
    const at = now().toISOString();
    const record: RoomLogRecord = {
      type: "joined",
      at,
      participantId,
      name: request.name,
      ...(request.table !== undefined ? { table: request.table } : {}),
      version: request.version,
      tokenHash: hashToken(token),
      target,
    };
    this.joining += 1;
    try {
      await this.deps.append([record]);
    } finally {
      this.joining -= 1;
    }
    // Usable once on disk: a key the room would forget on restart is never handed out.
    this.deps.keys.add(target);
    return {
      participantId,
      token,
      name: request.name,
      ...(request.table !== undefined ? { table: request.table } : {}),
      workshop: workshop.definition,
      target,
      pacing: state.pacing,
      serverTime: now().toISOString(),
    };
  }

  private targetFor(name: string): ParticipantTarget {
    const { workshop, keys } = this.deps;
    const common = { region: workshop.region ?? DEFAULT_REGION, otherRegion: workshop.otherRegion ?? DEFAULT_OTHER_REGION, prefix: prefixFor(name) };
    if (workshop.target !== "room") return { kind: workshop.target, ...common };
    return { kind: "room", ...common, identities: { default: keys.issue(), other: keys.issue() } };
  }

  /** Keeps each event once (by seq), writes the new ones in one go, and says how far the room holds. */
  async postEvents(participantId: string, batch: EventBatch): Promise<EventAck> {
    const held = () => Math.max(this.deps.state.participants.get(participantId)?.lastSeq ?? 0, this.queuedSeq.get(participantId) ?? 0);
    const at = this.deps.now().toISOString();
    const records: RoomLogRecord[] = [];
    let highest = held();
    for (const event of [...batch.events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= highest) continue;
      highest = event.seq;
      records.push({ type: "event", at, participantId, event });
    }
    if (records.length > 0) {
      this.queuedSeq.set(participantId, highest);
      try {
        await this.deps.append(records);
      } catch (error) {
        // Not written: these seqs must not count as held, or the client's retry would be dropped.
        this.queuedSeq.delete(participantId);
        throw error;
      }
    }
    // A batch that only repeated what was queued by another request waits for that one to be written.
    await this.deps.append([]);
    return { acknowledged: this.deps.state.participants.get(participantId)?.lastSeq ?? 0 };
  }

  view(participantId: string): ParticipantView {
    const { state, now } = this.deps;
    const who = state.participants.get(participantId);
    if (!who) throw new RoomApiError(401, "Unauthorized", "This token belongs to no participant of this room.");
    return {
      participantId: who.id,
      name: who.name,
      ...(who.table !== undefined ? { table: who.table } : {}),
      acknowledged: who.lastSeq,
      pacing: state.pacing,
      serverTime: now().toISOString(),
      ...liveAnswerOf(state, who.id),
    };
  }

  /** Live quiz: one answer per participant per question, before the deadline, written before it is acknowledged. */
  async liveAnswer(participantId: string, request: LiveAnswerRequest): Promise<LiveAnswerAck> {
    const { state, now } = this.deps;
    const key = `${participantId} ${request.questionId}`;
    const clock = now();
    const refused = this.answering.has(key)
      ? { code: "AlreadyAnswered" as const, message: "You answered this question already; one answer per question." }
      : state.live.refuseAnswer(participantId, request.questionId, request.choices, clock);
    if (refused) throw new RoomApiError(refused.code === "BadRequest" ? 400 : 409, refused.code, refused.message);
    // Held while it is written, so two answers sent at once are one answer and one refusal.
    this.answering.add(key);
    try {
      await this.deps.append([{ type: "liveAnswer", at: clock.toISOString(), participantId, questionId: request.questionId, choices: request.choices }]);
    } finally {
      this.answering.delete(key);
    }
    const kept = state.live.current?.answers.get(participantId);
    if (!kept || state.live.current?.question.id !== request.questionId) {
      throw new RoomApiError(409, "QuestionClosed", "The question was revealed while your answer was on its way; it was not counted.");
    }
    return { questionId: request.questionId, ms: kept.ms };
  }

  async pace(command: PacingCommand): Promise<{ pacing: Pacing } | { refused: string }> {
    const refused = this.deps.state.refusePacing(command);
    if (refused) return { refused };
    await this.deps.append([{ type: "pacing", at: this.deps.now().toISOString(), command }]);
    return { pacing: this.deps.state.pacing };
  }
}

/** A participant's own answer to the current live question, for their view (nobody else's). */
const liveAnswerOf = (state: RoomState, participantId: string): Pick<ParticipantView, "liveAnswer"> => {
  const current = state.live.current;
  const mine = current?.answers.get(participantId);
  return current && mine ? { liveAnswer: { questionId: current.question.id, choices: mine.choices, ms: mine.ms } } : {};
};
