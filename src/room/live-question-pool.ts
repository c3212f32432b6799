import type { Question, Quiz } from "../content/schema/quiz";
import type { Workshop } from "../content/schema/workshop";
import type { LiveQuiz } from "./live-quiz";
import type { LiveQuestion } from "./protocol";

/**
 * The questions the instructor's console can ask live: every choice question (single, multi,
 * true/false) of the topics the workshop's quiz and exam blocks draw from, in block order then
 * bank order — the console asks the first not yet asked, so a rehearsal and the real day match.
 * Typed-answer questions are left out: a room's distribution needs choices.
 */
export const liveQuestionPool = (workshop: Workshop, quizzes: readonly Quiz[]): LiveQuestion[] => {
  const topics: string[] = [];
  for (const block of workshop.blocks) {
    const pick = "quiz" in block ? block.quiz : "exam" in block ? block.exam : undefined;
    for (const topic of pick?.topics ?? []) if (!topics.includes(topic)) topics.push(topic);
  }
  const pool: LiveQuestion[] = [];
  for (const topic of topics) {
    for (const question of quizzes.find((quiz) => quiz.topic === topic)?.questions ?? []) {
      const live = liveQuestionOf(question);
      if (live && !pool.some((known) => known.id === live.id)) pool.push(live);
    }
  }
  return pool;
};

/** How long a live question stays open (the console's and the page's ask). */
export const LIVE_QUESTION_SECONDS = 30;

/**
 * What the console's l and the page's ask key open: the pool's first question not asked yet (both
 * ask the same next one), or why none, in words. An open question is checked first: "reveal it
 * first" says more than "nothing left" while the last question is still up.
 */
export const liveQuestionToAsk = (pool: readonly LiveQuestion[] | undefined, live: LiveQuiz): { question: LiveQuestion } | { refused: string } => {
  const open = live.refuseWhileOpen();
  if (open) return { refused: open };
  const next = pool?.find((question) => !live.asked.some((asked) => asked.question.id === question.id));
  if (next) return { question: next };
  return { refused: pool?.length ? "every live question has been asked" : "the workshop's quiz topics have no choice questions" };
};

export const liveQuestionOf = (question: Question): LiveQuestion | undefined => {
  const common = { id: question.id, prompt: question.prompt, explain: question.explain };
  switch (question.type) {
    case "single":
    case "multi":
      return {
        ...common,
        choices: question.choices.map((choice) => choice.text),
        correct: question.choices.flatMap((choice, index) => (choice.correct ? [index] : [])),
      };
    case "truefalse":
      return { ...common, choices: ["True", "False"], correct: [question.answer ? 0 : 1] };
    case "text":
      return undefined;
  }
};
