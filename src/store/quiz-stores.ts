import { join } from "node:path";
import type { JsonDocument } from "./json-document";
import { openQuizHistory, type QuizHistory } from "./quiz-history";
import { openReviewCards, type ReviewCards } from "./review-cards";
import { stateDir } from "./state-dir";

/** The quiz's two files, opened together: what the app and `quiz --plain` read and write. */
export interface QuizStores {
  history: JsonDocument<QuizHistory>;
  cards: JsonDocument<ReviewCards>;
}

export interface OpenedQuizStores {
  stores: QuizStores;
  /** One per file that could not be read and was moved aside. */
  notices: string[];
}

export const openQuizStores = async (folder = stateDir()): Promise<OpenedQuizStores> => {
  const [history, cards] = await Promise.all([
    openQuizHistory(join(folder, "quiz-history.json")),
    openReviewCards(join(folder, "review-cards.json")),
  ]);
  return {
    stores: { history: history.document, cards: cards.document },
    notices: [history.notice, cards.notice].filter((notice): notice is string => notice !== undefined),
  };
};

export const flushQuizStores = async (stores: QuizStores): Promise<string[]> => {
  await Promise.all([stores.history.flush(), stores.cards.flush()]);
  return [stores.history.writeError, stores.cards.writeError].filter((error): error is string => error !== undefined);
};
