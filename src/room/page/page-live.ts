import { LIVE_QUESTION_SECONDS, nextLiveQuestion } from "../live-question-pool";
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
  // An open question first: "reveal it first" says more than "nothing left" while one is up.
  const current = live.state.live.current;
  if (current && !current.revealed) return { refused: `question "${current.question.id}" is still open; reveal it first` };
  const next = nextLiveQuestion(live.pool, live.state.live);
  if (next) return { kind: "askQuestion", question: next, seconds: LIVE_QUESTION_SECONDS };
  return { refused: live.pool?.length ? "every live question has been asked" : "the workshop's quiz topics have no choice questions" };
};
