import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { MODE_TITLES } from "../../engine/quiz-modes";
import { planQuiz, quizPurpose, type QuizPlan, type QuizRequest } from "../../engine/quiz-plan";
import { useServices } from "../app-context";
import { useTheme } from "../theme";
import { QuizPlayer } from "./quiz-player";

export interface QuizRunnerProps {
  /** What to ask; without it, practice over every topic. */
  request: QuizRequest | undefined;
  isActive: boolean;
  height: number;
}

const EVERYTHING: QuizRequest = { mode: "practice", topics: [], tags: [] };

/** Chooses the questions for the request (and for each retry), then plays them; or says why there are none. */
export const QuizRunner = ({ request = EVERYTHING, isActive, height }: QuizRunnerProps) => {
  const { catalog, quizStores, clock, randomFor } = useServices();
  const theme = useTheme();
  const questions = useMemo(() => catalog.quizzes.flatMap((quiz) => quiz.questions), [catalog]);
  const plan = (wanted: QuizRequest): QuizPlan =>
    planQuiz(wanted, {
      questions,
      history: quizStores.history.data,
      cards: quizStores.cards.data,
      now: clock(),
      random: randomFor(quizPurpose(wanted)),
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
      onRetry={(questionIds) =>
        setRound((current) => ({ number: current.number + 1, mode: "practice", plan: plan({ mode: "practice", topics: [], tags: [], questionIds }) }))
      }
    />
  );
};
