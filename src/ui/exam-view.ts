import type { AgendaBlock } from "../room-client/workshop-plan";
import type { View } from "./app-context";

/** The quiz screen as a workshop's exam block: apart from the agenda's views, for the app's exam-start hook (the agenda loads with its screen). */
export const examView = (block: AgendaBlock & { kind: "exam" }): View => {
  const { topics, tags, count, seed, passMark } = block.exam;
  return { screen: "quiz", block: block.id, request: { mode: "exam", topics, tags: tags ?? [], count }, passMark, ...(seed !== undefined ? { seed } : {}) };
};
