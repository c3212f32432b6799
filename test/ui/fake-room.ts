import type { Pacing } from "../../src/room/protocol";
import type { ExamResult, LiveAnswerOutcome, RoomLink } from "../../src/room-client/room-connection";
import { readWorkshopPlan, type WorkshopPlan } from "../../src/room-client/workshop-plan";

/** The workshop the fake room runs (as the room sends it): a break, a lesson's hands-on step, a practice quiz and an exam. */
export const workshopPlan: WorkshopPlan = readWorkshopPlan({
  id: "names",
  title: "Names and regions, live",
  summary: "Bucket names are global; where a bucket lives is not.",
  minutes: 50,
  target: "room",
  blocks: [
    { id: "welcome", title: "Welcome", minutes: 5, break: true },
    { id: "claim", minutes: 15, lesson: "global-namespace", steps: ["claim-a-name"] },
    { id: "drill", minutes: 10, quiz: { topics: ["naming"], count: 2, seed: 7 } },
    { id: "final", minutes: 20, exam: { topics: ["naming"], count: 3, seed: 11, passMark: 60 } },
  ],
});

/** The room as the app sees it (the real link is tested over HTTP in test/room-client and test/room). */
export class FakeRoom {
  private listeners = new Set<() => void>();
  link: RoomLink;
  /** What the participant's laptop has recorded of finished exams (the outbox, in the app). */
  finished = new Map<string, ExamResult>();
  /** The live quiz answers the app sent, and what the room says to each. */
  sent: { questionId: string; choices: number[] }[] = [];
  outcome: LiveAnswerOutcome = { kept: true, ms: 4_000 };

  constructor(pacing: Pacing) {
    this.link = { pacing, connected: true, send: { state: "sent", pending: 0 }, message: "connected" };
  }
  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  examResult(block: string) {
    return this.finished.get(block);
  }
  answerLive(questionId: string, choices: number[]) {
    this.sent.push({ questionId, choices });
    return Promise.resolve(this.outcome);
  }
  change(link: Partial<RoomLink>) {
    this.link = { ...this.link, ...link };
    for (const listener of this.listeners) listener();
  }
  /** The instructor changed the pacing. */
  pace(change: Partial<Pacing>) {
    this.change({ pacing: { ...this.link.pacing, ...change } });
  }
}
