import { LIVE_QUESTION_SECONDS, liveQuestionToAsk } from "../live-question-pool";
import type { LiveQuestion, Pacing, PacingCommand } from "../protocol";
import type { RoomState } from "../room-state";

/** What the page's live-quiz keys need: the room's state, the console's pool, and the room's pacing. */
export interface PageLive {
  state: RoomState;
  pool: readonly LiveQuestion[] | undefined;
  pace(command: PacingCommand): Promise<{ pacing: Pacing } | { refused: string }>;
}

/** The pacing command behind a page key (`ask`: the pool's next question; `reveal`), or why there is none. */
export const pageLiveCommand = (live: PageLive, action: string | null): PacingCommand | { refused: string } => {
  if (action === "reveal") return { kind: "revealQuestion" };
  if (action !== "ask") return { refused: `unknown action "${action ?? ""}" (ask or reveal)` };
  const next = liveQuestionToAsk(live.pool, live.state.live);
  return "refused" in next ? next : { kind: "askQuestion", question: next.question, seconds: LIVE_QUESTION_SECONDS };
};
