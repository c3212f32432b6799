import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { MODE_TITLES } from "../../engine/quiz-modes";
import { planQuiz, quizPurpose, type QuizPlan, type QuizRequest } from "../../engine/quiz-plan";
import { seededSource } from "../../engine/random";
import { useServices } from "../app-context";
import { useTheme } from "../theme";
import { QuizPlayer } from "./quiz-player";

export interface QuizRunnerProps {
  /** What to ask; without it, practice over every topic. */
  request: QuizRequest | undefined;
  isActive: boolean;
  height: number;
  /** In a workshop: the agenda's block this quiz is (answers and the exam's score are told to the room). */
  block?: string;
  /** The room's seed: everyone draws and shuffles the same questions. */
  seed?: number;
  /** An exam block's pass mark, in percent. */
  passMark?: number;
}

const EVERYTHING: QuizRequest = { mode: "practice", topics: [], tags: [] };

/** Chooses the questions for the request (and for each retry), then plays them; or says why there are none. */
export const QuizRunner = ({ request = EVERYTHING, isActive, height, block, seed, passMark }: QuizRunnerProps) => {
  const { catalog, quizStores, clock, randomFor } = useServices();
  const theme = useTheme();
  const questions = useMemo(() => catalog.quizzes.flatMap((quiz) => quiz.questions), [catalog]);
  const plan = (wanted: QuizRequest): QuizPlan =>
    planQuiz(wanted, {
      questions,
      history: quizStores.history.data,
      cards: quizStores.cards.data,
      now: clock(),
      random: (seed !== undefined ? seededSource(seed) : randomFor)(quizPurpose(wanted)),
    });
  const [round, setRound] = useState(() => ({ number: 1, mode: request.mode, plan: plan(request) }));

  if ("reason" in round.plan) {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold color={theme.heading}>
          {MODE_TITLES[round.mode]}
        </Text>
        <Box marginTop={1}>
          <Text wrap="wrap">{round.plan.reason}</Text>
        </Box>
        <Text color={theme.muted}>esc: back to the menu</Text>
      </Box>
    );
  }
  return (
    <QuizPlayer
      key={round.number}
      start={round.plan.state}
      isActive={isActive}
      height={height}
      {...(block !== undefined ? { block } : {})}
      {...(passMark !== undefined ? { passMark } : {})}
      onRetry={(questionIds) =>
        setRound((current) => ({ number: current.number + 1, mode: "practice", plan: plan({ mode: "practice", topics: [], tags: [], questionIds }) }))
      }
    />
  );
};
