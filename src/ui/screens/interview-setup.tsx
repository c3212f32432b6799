import { Box, Text } from "ink";
import { useState } from "react";
import { DEFAULT_INTERVIEW_MINUTES, DESIGN_FROM_MINUTES } from "../../engine/interview/interview-plan";
import { useServices } from "../app-context";
import { Menu } from "../components/menu";
import { TopicPicker } from "../components/topic-picker";
import { useTheme } from "../theme";

const LENGTHS = ["10", "20", "30", "45"] as const;
/** Where the cursor starts: the length `s3-tutor interview` runs without --minutes. */
const DEFAULT_LENGTH = Math.max(0, LENGTHS.indexOf(String(DEFAULT_INTERVIEW_MINUTES) as (typeof LENGTHS)[number]));

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** Before a mock interview opened from home: how long, then which topics. */
export const InterviewSetup = ({ isActive, onStart }: { isActive: boolean; onStart: (minutes: number, topics: string[]) => void }) => {
  const { catalog } = useServices();
  const theme = useTheme();
  const [minutes, setMinutes] = useState<number | undefined>();

  if (minutes === undefined) {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold color={theme.heading}>
          Mock interview: how long?
        </Text>
        <Box marginTop={1}>
          <Menu
            items={LENGTHS.map((value) => ({
              value,
              label: `${value} minutes`,
              note: Number(value) >= DESIGN_FROM_MINUTES ? "ends on a design prompt" : "questions and follow-ups only",
            }))}
            initialIndex={DEFAULT_LENGTH}
            onSelect={(value) => setMinutes(Number(value))}
            isActive={isActive}
          />
        </Box>
      </Box>
    );
  }
  const rows = catalog.interviews.map((file) => ({ topic: file.topic, label: file.title, note: plural(file.interviews.length, "question") }));
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>{`Mock interview, ${minutes} minutes: choose the topics`}</Text>
      <Text color={theme.muted}>space ticks a topic; enter starts.</Text>
      <Box marginTop={1}>
        <TopicPicker rows={rows} isActive={isActive} onChoose={(topics) => onStart(minutes, topics)} />
      </Box>
    </Box>
  );
};
