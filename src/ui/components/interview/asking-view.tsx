import { Box, Text } from "ink";
import { layoutLines } from "../../text-layout";
import { useTheme } from "../../theme";
import { AnswerArea } from "./answer-area";

export interface AskingViewProps {
  ask: string;
  /** A follow-up: the points missed just before that made the interviewer ask it. */
  because?: readonly string[] | undefined;
  width: number;
  /** Rows for the whole view. */
  height: number;
  isActive: boolean;
  onAnswer: (text: string) => void;
}

/** The question as the interviewer puts it, and the box to type the answer in (or say it out loud). */
export const AskingView = ({ ask, because, width, height, isActive, onAnswer }: AskingViewProps) => {
  const theme = useTheme();
  const askLines = layoutLines(ask, width);
  const becauseLines = because && because.length > 0 ? layoutLines(`You did not mention: ${because.join("; ")}.`, width) : [];
  const hint = "enter: done · ctrl+j: new line · enter with nothing typed: I answered out loud";
  const hintLines = layoutLines(hint, width);
  // The answer box gets what the question, the reason and the hint leave (blank rows between).
  const answerRows = Math.max(2, height - askLines.length - (becauseLines.length > 0 ? becauseLines.length + 1 : 0) - hintLines.length - 3);
  return (
    <Box flexDirection="column">
      {becauseLines.length > 0 ? (
        <Box marginBottom={1}>
          <Text color={theme.muted}>{becauseLines.join("\n")}</Text>
        </Box>
      ) : null}
      <Text bold>{askLines.join("\n")}</Text>
      <Box marginTop={1} flexDirection="column">
        <AnswerArea width={width} rows={answerRows} isActive={isActive} onDone={onAnswer} />
      </Box>
      <Box marginTop={1}>
        <Text color={theme.muted}>{hintLines.join("\n")}</Text>
      </Box>
    </Box>
  );
};
