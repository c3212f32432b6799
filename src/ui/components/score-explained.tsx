import { Box, Text } from "ink";
import { isHandsOnStep, isQuizStep } from "../../content/step-kinds";
import type { Lesson } from "../../content/schema/lesson";
import { lessonStepScores, type LessonState } from "../../engine/lesson-session";
import { useServices } from "../app-context";
import { useTheme } from "../theme";

const POINTS: Record<number, string> = { 0: "0", 0.5: "½", 1: "1" };

/**
 * Under the recap's score: how points are counted, then each question and hands-on step with
 * what it earned and why, so "2.5 of 5" explains itself.
 */
export const ScoreExplained = ({ lesson, state, width, only }: { lesson: Lesson; state: LessonState; width: number; only?: readonly number[] }) => {
  const { catalog } = useServices();
  const theme = useTheme();
  const scores = lessonStepScores(lesson, state, only);
  if (scores.length === 0) return <Text color={theme.muted}>This lesson has no questions or hands-on steps to score.</Text>;
  const nameOf = (index: number): string => {
    const step = lesson.steps[index];
    if (step && isHandsOnStep(step)) return `hands-on: ${step.handsOn.title}`;
    if (step && isQuizStep(step)) return `question: ${(catalog.questions.get(step.quiz)?.prompt ?? step.quiz).trim().split("\n")[0]}`;
    return `step ${index + 1}`;
  };
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={theme.muted} wrap="wrap">
        A point for each question right the first time and each hands-on step you passed yourself; half with the hint;
        none when done for you (s) or skipped. Reading earns nothing.
      </Text>
      {scores.map((score) => (
        // The points in a column of their own, so a long question's lines stay under its text.
        <Box key={score.index}>
          <Box width={4} flexShrink={0}>
            <Text bold color={score.points === 1 ? theme.success : score.points === 0 ? theme.failure : theme.warning}>
              {` ${POINTS[score.points] ?? String(score.points)}`}
            </Text>
          </Box>
          <Box width={Math.max(10, width - 4)}>
            <Text wrap="wrap">
              {`${nameOf(score.index)} `}
              <Text color={theme.muted}>{`(${score.why})`}</Text>
            </Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
};
