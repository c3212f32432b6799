import { Box, Text } from "ink";
import { chainScore, type InterviewState } from "../../engine/interview/interview-session";
import { useTheme } from "../theme";

export interface InterviewReportProps {
  state: InterviewState;
  minutes: number;
  isActive: boolean;
  width: number;
  height: number;
}

/** The interview's end: the score per question. */
export const InterviewReport = ({ state }: InterviewReportProps) => {
  const theme = useTheme();
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>
        Mock interview: report
      </Text>
      {state.asked.map((question) => {
        const score = chainScore(question.asks);
        return <Text key={question.questionId}>{`${question.questionId}  ${score.made} of ${score.asked}`}</Text>;
      })}
    </Box>
  );
};
