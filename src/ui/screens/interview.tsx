import { Box, Text } from "ink";
import { useState } from "react";
import { INTERVIEW_PURPOSE, planInterview } from "../../engine/interview/interview-plan";
import { startInterview } from "../../engine/interview/interview-session";
import { seededSource } from "../../engine/random";
import { useServices } from "../app-context";
import { useTheme } from "../theme";
import { InterviewPlayer } from "./interview-player";

export interface InterviewScreenProps {
  /** How long the interview runs (default 20). */
  minutes?: number | undefined;
  /** Topics to draw from (default every topic). */
  topics?: readonly string[] | undefined;
  /** As --seed: the same questions in the same order every time. */
  seed?: number | undefined;
  isActive: boolean;
  width: number;
  height: number;
}

/** As `s3-tutor interview` without --minutes. */
const DEFAULT_INTERVIEW_MINUTES = 20;

/** Plans the interview (due cards first, filled to the minutes), then runs it; or says why there is nothing to ask. */
export const InterviewScreen = ({ minutes = DEFAULT_INTERVIEW_MINUTES, topics, seed, isActive, width, height }: InterviewScreenProps) => {
  const { catalog, quizStores, clock, randomFor } = useServices();
  const theme = useTheme();
  const [start] = useState(() => {
    const questions = catalog.interviews.flatMap((file) => file.interviews);
    // The stream `interview --plain` draws from too: a seed asks the same questions on both.
    const random = (seed !== undefined ? seededSource(seed) : randomFor)(INTERVIEW_PURPOSE);
    const plan = planInterview(questions, { minutes, ...(topics ? { topics } : {}), random, cards: quizStores.cards.data.cards, now: clock() });
    return plan.length > 0 ? startInterview(plan, clock()) : undefined;
  });

  if (!start) {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold color={theme.heading}>
          Mock interview
        </Text>
        <Box marginTop={1}>
          <Text wrap="wrap">
            {topics && topics.length > 0 ? `There are no interview questions on ${topics.join(", ")}.` : "There are no interview questions yet."}
          </Text>
        </Box>
        <Text color={theme.muted}>esc: back to the menu</Text>
      </Box>
    );
  }
  return <InterviewPlayer start={start} minutes={minutes} isActive={isActive} width={width} height={height} />;
};
