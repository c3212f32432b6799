/**
 * The room's wire protocol: what `s3-tutor join` and the instructor's tools send to `s3-tutor room`,
 * what they get back, and the records of the room's append-only log. Plain JSON types, shared by the
 * room (server) and the room client, so both sides agree by construction. Imports nothing.
 *
 * One port serves both the room sandbox (S3/IAM/STS, path-style) and this API: the API lives under
 * `/_room/`, which can never be a path-style bucket request (no bucket name starts with "_").
 */

/** Raised when a change means an older client cannot talk to this room (it is told to update). */
export const ROOM_PROTOCOL = 1;

export const ROOM_API_PREFIX = "/_room/";

export const ROOM_PATHS = {
  /** GET, no token: who this is (a room, which workshop, its protocol) and the server's clock, for pre-flight. */
  hello: "/_room/v1/hello",
  /** POST JoinRequest → JoinResponse. */
  join: "/_room/v1/join",
  /** POST EventBatch with the participant token → EventAck. */
  events: "/_room/v1/events",
  /** GET with the participant token → ParticipantView (their own progress and the room's pacing, nobody else's). */
  me: "/_room/v1/me",
  /** GET with the participant token: server-sent events, `pacing` (a Pacing) whenever the instructor changes it. */
  stream: "/_room/v1/stream",
  /** GET with the instructor token → RoomSnapshot. */
  state: "/_room/v1/state",
  /** POST PacingCommand with the instructor token → Pacing. */
  pacing: "/_room/v1/pacing",
  /** page: GET, no token: the projector page's script (the page itself is GET / from a browser, behind the instructor token). */
  pageScript: "/_room/v1/page.js",
  /** page: GET with the instructor cookie (or token): server-sent events, `view` (the page's PageView) on connect and on change. */
  pageStream: "/_room/v1/page/stream",
  /** page: POST `?action=ask` (the next question of the room's pool) or `?action=reveal`, with the instructor cookie and the header `x-s3-tutor-page: 1` → Pacing. */
  pageLive: "/_room/v1/page/live",
  /** Live quiz (participant): POST LiveAnswerRequest with the participant token → LiveAnswerAck. One answer per question, before its deadline. */
  liveAnswer: "/_room/v1/live/answer",
} as const;

/** Every refusal is JSON: a stable code for programs and a sentence for people. */
export interface RoomErrorBody {
  error: { code: RoomErrorCode; message: string };
}

export type RoomErrorCode =
  | "WrongCode"
  | "RoomFull"
  | "VersionMismatch"
  | "Unauthorized"
  | "Forbidden"
  | "BadRequest"
  | "TooLarge"
  | "RateLimited"
  | "NotFound"
  | "MethodNotAllowed"
  /** Live quiz: this participant answered this question already. */
  | "AlreadyAnswered"
  /** Live quiz: the question is closed (its deadline passed, or it was revealed), or another is current. */
  | "QuestionClosed"
  | "Internal";

// ---------------------------------------------------------------------------------------------
// Joining

export interface HelloResponse {
  service: "s3-tutor-room";
  protocol: number;
  /** The s3-tutor version the room runs. */
  version: string;
  workshop: { id: string; title: string };
  /** The room's clock (ISO 8601), for the pre-flight's skew check. */
  serverTime: string;
}

export interface JoinRequest {
  protocol: number;
  /** The participant's s3-tutor version (said back in a VersionMismatch message). */
  version: string;
  /** The short join code the instructor shows, e.g. "K7QF" (any case, spaces ignored). */
  code: string;
  /** How the instructor sees them; 1–40 characters. */
  name: string;
  /** Their table, when the room seats people at tables ("3", "B"). */
  table?: string;
}

/** Credentials for the room sandbox: an access key bound to one 12-digit account. */
export interface RoomCredentials {
  account: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Where a participant's hands-on steps run, as the workshop's target policy says. */
export type ParticipantTarget =
  /**
   * The room's shared sandbox, at the address the participant joined. `default` is their own account;
   * `other` is a second account of theirs, for steps written for "another account".
   */
  | { kind: "room"; region: string; otherRegion: string; prefix: string; identities: { default: RoomCredentials; other: RoomCredentials } }
  /** Each laptop's own sandbox. */
  | { kind: "own"; region: string; otherRegion: string; prefix: string }
  /** LocalStack on each laptop (or where the participant points it). */
  | { kind: "localstack"; region: string; otherRegion: string; prefix: string }
  /** One AWS account shared by the room: each participant's resources carry their own prefix. */
  | { kind: "aws"; region: string; otherRegion: string; prefix: string };

export interface JoinResponse {
  participantId: string;
  /** Sent as `Authorization: Bearer <token>` on every later request; bound to this participant. */
  token: string;
  name: string;
  table?: string;
  /** The workshop as the room loaded it (the same JSON a workshop file parses to). */
  workshop: unknown;
  target: ParticipantTarget;
  pacing: Pacing;
  serverTime: string;
}

// ---------------------------------------------------------------------------------------------
// Progress events (participant → room)

/** Where in the workshop something happened. `step` is a hands-on step's id, else its 1-based number. */
export interface StepPlace {
  block: string;
  lesson: string;
  step: string;
  /** The step's title, so the console and reports read well without the lesson at hand. */
  title: string;
}

/** One expectation of a check that did not hold: what was expected, and why it failed. */
export interface FailedExpectation {
  expectation: string;
  reason: string;
}

export type ParticipantActivity =
  | { kind: "blockEntered"; block: string }
  | ({ kind: "stepEntered" } & StepPlace)
  | ({ kind: "checkPassed" } & StepPlace)
  | ({ kind: "checkFailed"; failed: FailedExpectation[] } & StepPlace)
  | ({ kind: "hint" } & StepPlace)
  | ({ kind: "solve" } & StepPlace)
  | {
      kind: "quizAnswer";
      block: string;
      questionId: string;
      mode: "practice" | "exam";
      correct: boolean;
      /** What they answered, as the app shows it (choice texts, or the typed text). */
      answer: string;
    }
  | { kind: "examFinished"; block: string; score: number; total: number; passed: boolean }
  | { kind: "preflight"; checks: PreflightResult[] };

export interface PreflightResult {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * What the client sends: numbered by the client 1, 2, 3… in the order they happened, so the room
 * keeps each once however often a batch is re-sent, and `at` is the client's clock.
 */
export type ParticipantEvent = ParticipantActivity & { seq: number; at: string };

export interface EventBatch {
  events: ParticipantEvent[];
}

/** Everything up to and including this seq is on the room's disk; the client may forget it. */
export interface EventAck {
  acknowledged: number;
}

// ---------------------------------------------------------------------------------------------
// Pacing (instructor → room → participants)

export interface Broadcast {
  id: number;
  at: string;
  text: string;
}

export interface Pacing {
  /** When the instructor started the room (the agenda clock counts from here). */
  startedAt: string;
  /** The blocks participants may work on, in workshop order: the first at start, then as the instructor opens them. */
  openBlocks: string[];
  /** The exam block the instructor started, and when (participants' apps start it at once). */
  exam?: { block: string; startedAt: string };
  /** The instructor's messages, oldest first (the last few). */
  messages: Broadcast[];
  /** The live quiz question the instructor asked last (until the next one): a late joiner or a reconnect gets it here. */
  liveQuestion?: LiveQuestionPacing;
  /** The top of the live quiz's leaderboard over every revealed question (correct first, then speed); absent before the first reveal. */
  liveLeaderboard?: LiveLeaderboardRow[];
}

// ---------------------------------------------------------------------------------------------
// The live room quiz (instructor asks, participants answer, instructor reveals)

/**
 * A question as the instructor's tools send it: the text itself rather than a bank id, because the
 * room holds no question banks and a participant's app may carry another version of them; what the
 * app shows is then exactly what the room grades. Choice questions only (true/false as two choices):
 * a distribution needs choices.
 */
export interface LiveQuestion {
  id: string;
  prompt: string;
  choices: string[];
  /** Indexes into `choices`; more than one makes it a "choose all that apply". */
  correct: number[];
  explain: string;
}

/** What everyone sees of the current question: never the answer before the reveal. */
export interface LiveQuestionPacing {
  id: string;
  prompt: string;
  choices: string[];
  /** Whether more than one choice is to be chosen. */
  multi: boolean;
  startedAt: string;
  /** Answers arriving after this (room clock) are refused. */
  deadline: string;
  /** Filled by the reveal: the answer, the explanation, how the room answered. */
  revealed?: LiveReveal;
}

export interface LiveReveal {
  correct: number[];
  explain: string;
  /** How many chose each choice (same order as `choices`). */
  distribution: number[];
  answered: number;
  correctCount: number;
}

export interface LiveLeaderboardRow {
  participantId: string;
  name: string;
  correct: number;
  /** Sum of the times from each question's start to their correct answers, in ms (the tie-break: faster first). */
  correctMs: number;
}

export interface LiveAnswerRequest {
  questionId: string;
  /** Indexes into the question's choices. */
  choices: number[];
}

export interface LiveAnswerAck {
  questionId: string;
  /** Time from the question's start to the answer, by the room's clock. */
  ms: number;
}

export type PacingCommand =
  | { kind: "broadcast"; text: string }
  /** Opens the given block, or the next one not yet open. */
  | { kind: "openBlock"; block?: string }
  /** Starts the given exam block, or the first exam block of the workshop. */
  | { kind: "startExam"; block?: string }
  /** Live quiz: asks a question for `seconds`; refused while the current one is not yet revealed. */
  | { kind: "askQuestion"; question: LiveQuestion; seconds: number }
  /** Live quiz: closes the current question and publishes its answer, distribution and the leaderboard. */
  | { kind: "revealQuestion" };

// ---------------------------------------------------------------------------------------------
// The room's log: one JSON record per line, appended and flushed before anything is acknowledged

export type RoomLogRecord =
  | { type: "opened"; at: string; workshopId: string; code: string; instructorTokenHash: string }
  | {
      type: "joined";
      at: string;
      participantId: string;
      name: string;
      table?: string;
      version: string;
      /** sha256 of the token, hex: the log never holds a token that would let its reader act as someone. */
      tokenHash: string;
      target: ParticipantTarget;
    }
  | { type: "event"; at: string; participantId: string; event: ParticipantEvent }
  | { type: "pacing"; at: string; command: PacingCommand }
  /** Live quiz: a participant's answer, kept once per question. */
  | { type: "liveAnswer"; at: string; participantId: string; questionId: string; choices: number[] };

/** A participant's own view (GET me): nothing about anyone else. */
export interface ParticipantView {
  participantId: string;
  name: string;
  table?: string;
  /** The highest seq the room holds: a client that lost its outbox resumes numbering after it. */
  acknowledged: number;
  pacing: Pacing;
  serverTime: string;
  /** Live quiz: their own answer to the current question, if they gave one (an app restarted mid-question knows it answered). */
  liveAnswer?: { questionId: string; choices: number[]; ms: number };
}

// ---------------------------------------------------------------------------------------------
// The offline fallback: `s3-tutor report --out me.json` on a participant's laptop, `room merge` on the instructor's

export const PARTICIPANT_REPORT_KIND = "s3-tutor-participant-report";

export interface ParticipantReportFile {
  kind: typeof PARTICIPANT_REPORT_KIND;
  protocol: number;
  workshopId: string;
  participantId: string;
  name: string;
  table?: string;
  /** Every event the participant's app recorded, sent or not, in seq order. */
  events: ParticipantEvent[];
}
