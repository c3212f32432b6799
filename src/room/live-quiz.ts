import type { LiveLeaderboardRow, LiveQuestion, LiveQuestionPacing, LiveReveal, Pacing } from "./protocol";

/**
 * The live room quiz as the log tells it: the questions asked, each participant's one answer per
 * question, the reveals and the leaderboard. Pure, like RoomState which owns it: the answers live
 * here (never in the pacing) so nobody sees what others answered before the reveal.
 */

export interface LiveAnswer {
  participantId: string;
  choices: number[];
  at: string;
  /** Time from the question's start to the answer (room clock). */
  ms: number;
  correct: boolean;
}

export interface AskedQuestion {
  question: LiveQuestion;
  startedAt: string;
  deadline: string;
  answers: Map<string, LiveAnswer>;
  revealed?: LiveReveal;
}

/** What the instructor sees of the live quiz (in the room snapshot): how many answered, never what, until the reveal. */
export interface LiveQuizView {
  current?: LiveQuestionPacing & { answered: number };
  asked: number;
  leaderboard: LiveLeaderboardRow[];
}

/** How many leaderboard rows the pacing carries; the instructor's snapshot and the report have all. */
export const LEADERBOARD_IN_PACING = 10;

const sameChoices = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && [...a].sort((x, y) => x - y).every((value, index) => value === [...b].sort((x, y) => x - y)[index]);

export class LiveQuiz {
  readonly asked: AskedQuestion[] = [];

  get current(): AskedQuestion | undefined {
    return this.asked.at(-1);
  }

  ask(question: LiveQuestion, seconds: number, at: string, pacing: Pacing): void {
    const deadline = new Date(Date.parse(at) + seconds * 1000).toISOString();
    this.asked.push({ question, startedAt: at, deadline, answers: new Map() });
    pacing.liveQuestion = {
      id: question.id,
      prompt: question.prompt,
      choices: question.choices,
      multi: question.correct.length > 1,
      startedAt: at,
      deadline,
    };
  }

  answer(participantId: string, questionId: string, choices: number[], at: string): void {
    const asked = this.current;
    // Replay keeps what the service accepted: only the current question's first answer counts.
    if (!asked || asked.question.id !== questionId || asked.revealed || asked.answers.has(participantId)) return;
    asked.answers.set(participantId, {
      participantId,
      choices,
      at,
      ms: Math.max(0, Date.parse(at) - Date.parse(asked.startedAt)),
      correct: sameChoices(choices, asked.question.correct),
    });
  }

  reveal(pacing: Pacing, names: (participantId: string) => string): void {
    const asked = this.current;
    if (!asked || asked.revealed) return;
    const distribution = asked.question.choices.map(() => 0);
    for (const answer of asked.answers.values()) for (const choice of answer.choices) distribution[choice] = (distribution[choice] ?? 0) + 1;
    asked.revealed = {
      correct: asked.question.correct,
      explain: asked.question.explain,
      distribution,
      answered: asked.answers.size,
      correctCount: [...asked.answers.values()].filter((answer) => answer.correct).length,
    };
    if (pacing.liveQuestion?.id === asked.question.id) pacing.liveQuestion = { ...pacing.liveQuestion, revealed: asked.revealed };
    // The top only: the pacing goes to every participant on every change (200 of them in a big room).
    pacing.liveLeaderboard = this.leaderboard(names).slice(0, LEADERBOARD_IN_PACING);
  }

  /** Over every revealed question: most correct first, then the least total time to those correct answers. */
  leaderboard(names: (participantId: string) => string): LiveLeaderboardRow[] {
    const rows = new Map<string, LiveLeaderboardRow>();
    for (const asked of this.asked) {
      if (!asked.revealed) continue;
      for (const answer of asked.answers.values()) {
        const row = rows.get(answer.participantId) ?? { participantId: answer.participantId, name: names(answer.participantId), correct: 0, correctMs: 0 };
        if (answer.correct) {
          row.correct += 1;
          row.correctMs += answer.ms;
        }
        rows.set(answer.participantId, row);
      }
    }
    return [...rows.values()].sort((a, b) => b.correct - a.correct || a.correctMs - b.correctMs || a.name.localeCompare(b.name));
  }

  /** Why no question can be asked while the current one is up, or undefined. */
  refuseWhileOpen(): string | undefined {
    return this.current && !this.current.revealed ? `question "${this.current.question.id}" is still open; reveal it first` : undefined;
  }

  /** Why an ask cannot happen now, or undefined. */
  refuseAsk(question: LiveQuestion, seconds: number): string | undefined {
    const open = this.refuseWhileOpen();
    if (open) return open;
    if (this.asked.some((asked) => asked.question.id === question.id)) return `question "${question.id}" was asked already`;
    if (question.choices.length < 2) return "a live question needs at least two choices";
    if (question.correct.length === 0) return "a live question needs a correct choice";
    if (question.correct.some((index) => index >= question.choices.length)) return "a correct choice is not one of the choices";
    if (new Set(question.correct).size !== question.correct.length) return "a correct choice is named twice";
    if (seconds < 5 || seconds > 600) return "a live question runs 5 to 600 seconds";
    return undefined;
  }

  /** Why this answer is refused now, with the refusal's kind, or undefined. */
  refuseAnswer(participantId: string, questionId: string, choices: number[], now: Date): { code: "AlreadyAnswered" | "QuestionClosed" | "BadRequest"; message: string } | undefined {
    const asked = this.current;
    if (!asked || asked.question.id !== questionId) return { code: "QuestionClosed", message: `Question "${questionId}" is not the room's current question.` };
    if (asked.revealed) return { code: "QuestionClosed", message: "The answer to this question has been revealed; answers are closed." };
    if (now.getTime() > Date.parse(asked.deadline)) return { code: "QuestionClosed", message: "Time is up for this question." };
    if (asked.answers.has(participantId)) return { code: "AlreadyAnswered", message: "You answered this question already; one answer per question." };
    if (choices.length === 0) return { code: "BadRequest", message: "Choose at least one answer." };
    if (new Set(choices).size !== choices.length) return { code: "BadRequest", message: "A choice is named twice." };
    if (choices.some((choice) => choice >= asked.question.choices.length)) return { code: "BadRequest", message: `This question has ${asked.question.choices.length} choices.` };
    if (asked.question.correct.length === 1 && choices.length > 1) return { code: "BadRequest", message: "This question takes one choice." };
    return undefined;
  }

  view(names: (participantId: string) => string): LiveQuizView {
    const asked = this.current;
    return {
      ...(asked
        ? {
            current: {
              id: asked.question.id,
              prompt: asked.question.prompt,
              choices: asked.question.choices,
              multi: asked.question.correct.length > 1,
              startedAt: asked.startedAt,
              deadline: asked.deadline,
              ...(asked.revealed ? { revealed: asked.revealed } : {}),
              answered: asked.answers.size,
            },
          }
        : {}),
      asked: this.asked.length,
      leaderboard: this.leaderboard(names),
    };
  }
}
