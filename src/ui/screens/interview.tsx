import { Box, Text } from "ink";
import { useState } from "react";
import { INTERVIEW_PURPOSE, planInterview } from "../../engine/interview/interview-plan";
import { startInterview } from "../../engine/interview/interview-session";
import { seededSource } from "../../engine/random";
import { useServices } from "../app-context";
import { useTheme } from "../theme";
import { InterviewPlayer } from "./interview-player";
import { InterviewSetup } from "./interview-setup";

export interface InterviewScreenProps {
  /** How long the interview runs; without it (from home) the candidate chooses, with the topics. */
  minutes?: number | undefined;
  /** Topics to draw from (default every topic). */
  topics?: readonly string[] | undefined;
  /** As --seed: the same questions in the same order every time. */
  seed?: number | undefined;
  isActive: boolean;
  width: number;
  height: number;
}

/** From home (no minutes given): the length and topics first. Then the interview itself. */
export const InterviewScreen = ({ minutes, topics, seed, isActive, width, height }: InterviewScreenProps) => {
  const [chosen, setChosen] = useState(minutes !== undefined ? { minutes, topics } : undefined);
  if (!chosen) return <InterviewSetup isActive={isActive} onStart={(length, picked) => setChosen({ minutes: length, topics: picked })} />;
  return <InterviewRun minutes={chosen.minutes} topics={chosen.topics} seed={seed} isActive={isActive} width={width} height={height} />;
};

/** Plans the interview (due cards first, filled to the minutes), then runs it; or says why there is nothing to ask. */
const InterviewRun = ({ minutes, topics, seed, isActive, width, height }: InterviewScreenProps & { minutes: number }) => {
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
