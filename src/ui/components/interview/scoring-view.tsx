import { Box, Text } from "ink";
import { layoutLines } from "../../text-layout";
import { useTheme } from "../../theme";
import { ModelAnswer } from "./model-answer";
import { Rubric, type RubricRow } from "./rubric";

export interface ScoringViewProps {
  ask: string;
  /** What was typed; empty when answered out loud. */
  answer: string;
  rows: readonly RubricRow[];
  cursor: number;
  model: string;
  width: number;
  isActive: boolean;
  /** What enter leads to with the ticks as they are: "a follow-up", "the next question", "the report". */
  then: string;
}

/** After the answer: the rubric to tick (the matcher's guesses marked), then a strong answer to compare with. */
export const ScoringView = ({ ask, answer, rows, cursor, model, width, isActive, then }: ScoringViewProps) => {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold>{layoutLines(ask, width).join("\n")}</Text>
      <Box marginTop={1}>
        <Text color={theme.muted}>
          {answer ? layoutLines(`You said: ${answer.replace(/\n+/g, " / ")}`, width).join("\n") : "You answered out loud."}
        </Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold color={theme.heading}>
          {layoutLines(`Which points did you make? ${rows.length > 1 ? `1-${rows.length}` : "1"} or ↑/↓ and space tick one`, width).join("\n")}
        </Text>
        <Rubric rows={rows} cursor={cursor} width={width} />
      </Box>
      <Box marginTop={1}>
        <ModelAnswer markdown={model} width={width} isActive={isActive} />
      </Box>
      <Box marginTop={1}>
        <Text color={theme.muted}>
          {layoutLines(`enter: scored, on to ${then} · S skips the rest of this question · e scores this and ends the interview`, width).join("\n")}
        </Text>
      </Box>
    </Box>
  );
};
