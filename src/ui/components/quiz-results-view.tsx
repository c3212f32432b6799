import { Box, Text } from "ink";
import { MODE_TITLES } from "../../engine/quiz-modes";
import { formatDuration, type QuizResults } from "../../engine/quiz-results";
import type { Tally } from "../../engine/tally";
import { useTheme } from "../theme";

/** A breakdown row: "  naming           2 of 4   50%". */
const TallyRows = ({ title, rows }: { title: string; rows: readonly Tally[] }) => {
  const theme = useTheme();
  const width = Math.max(...rows.map((row) => row.name.length), 8);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color={theme.heading}>
        {title}
      </Text>
      {rows.map((row) => (
        <Text key={row.name} wrap="truncate-end">
          {"  "}
          {row.name.padEnd(width + 2)}
          {`${row.correct} of ${row.total}`.padEnd(10)}
          <Text bold color={row.percent >= 70 ? theme.success : theme.warning}>{`${row.percent}%`}</Text>
        </Text>
      ))}
    </Box>
  );
};

/**
 * The end of a session: the score (pass or fail, for an exam), the time taken, breakdowns per
 * topic and per tag, and each question missed with the answer given, the right one, the
 * explanation and the source.
 */
export const QuizResultsView = ({ results }: { results: QuizResults }) => {
  const theme = useTheme();
  const exam = results.mode === "exam";
  const limit = results.timeLimitMs !== undefined ? ` of ${formatDuration(results.timeLimitMs)}` : "";
  return (
    <Box flexDirection="column">
      <Text bold color={theme.heading}>
        {MODE_TITLES[results.mode]}: results
      </Text>
      {results.endedBy === "time-up" ? <Text color={theme.warning}>Time is up: the exam was handed in.</Text> : null}
      <Box marginTop={1}>
        <Text bold color={results.passed === false ? theme.failure : theme.success}>
          {`Score: ${results.correct} of ${results.total} (${results.percent}%)`}
          {results.passed === undefined ? "" : results.passed ? ` ✓ pass (pass mark ${results.passMark}%)` : ` ✗ fail (pass mark ${results.passMark}%)`}
        </Text>
      </Box>
      {results.unanswered > 0 ? <Text>Not answered: {results.unanswered}</Text> : null}
      <Text>
        Time taken: {formatDuration(results.durationMs)}
        {limit}
      </Text>
      {results.byTopic.length > 1 || exam ? <TallyRows title="By topic" rows={results.byTopic} /> : null}
      {exam && results.byTag.length > 0 ? <TallyRows title="By tag" rows={results.byTag} /> : null}
      {results.missed.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold color={theme.heading}>
            Missed ({results.missed.length})
          </Text>
          {results.missed.map((missed, index) => (
            <Box key={missed.questionId} flexDirection="column" marginTop={1}>
              <Text bold wrap="wrap">
                {`${index + 1}. ${missed.prompt}`}
                <Text color={theme.muted}>{`  (${missed.questionId})`}</Text>
              </Text>
              <Text color={theme.failure} wrap="wrap">
                {missed.given !== undefined ? `   ✗ Your answer: ${missed.given}` : "   ✗ Not answered"}
              </Text>
              <Text color={theme.success} wrap="wrap">{`   ✓ The answer: ${missed.rightAnswer}`}</Text>
              <Text wrap="wrap">{`   ${missed.explain}`}</Text>
              <Text color={theme.link} wrap="wrap">{`   Source: ${missed.source}`}</Text>
            </Box>
          ))}
        </Box>
      ) : (
        <Box marginTop={1}>
          <Text color={theme.success}>Nothing missed.</Text>
        </Box>
      )}
    </Box>
  );
};
