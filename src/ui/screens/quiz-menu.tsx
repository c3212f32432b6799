import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { mistakeIds } from "../../engine/mistakes";
import { MODE_DESCRIPTIONS, MODE_TITLES, QUIZ_MODES, type QuizMode } from "../../engine/quiz-modes";
import { EXAM_SECONDS_PER_QUESTION } from "../../engine/quiz-plan";
import { formatDuration } from "../../engine/quiz-results";
import { DEFAULT_EXAM_COUNT } from "../../engine/quiz-selection";
import { dueToday } from "../../engine/review-due";
import { useServices } from "../app-context";
import { Menu } from "../components/menu";
import { TopicPicker } from "../components/topic-picker";
import { useTheme } from "../theme";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** The quiz from the home screen: first a mode, then the topics. */
export const QuizMenu = ({ isActive }: { isActive: boolean }) => {
  const { catalog, quizStores, clock, go } = useServices();
  const theme = useTheme();
  const [mode, setMode] = useState<QuizMode | undefined>();
  const [highlighted, setHighlighted] = useState<QuizMode>("practice");

  const notes = useMemo((): Record<QuizMode, string> => {
    const known = new Set(catalog.questions.keys());
    const total = catalog.questions.size;
    const examCount = Math.min(DEFAULT_EXAM_COUNT, total);
    const due = dueToday(quizStores.cards.data.cards, clock(), known).length;
    const flagged = quizStores.cards.data.flagged.filter((id) => known.has(id)).length;
    const mistakes = mistakeIds(quizStores.history.data.answers).filter((id) => known.has(id)).length;
    return {
      practice: plural(total, "question"),
      exam: `${plural(examCount, "question")} in ${formatDuration(examCount * EXAM_SECONDS_PER_QUESTION * 1000)}`,
      review: `${due} due today${flagged > 0 ? `, ${flagged} flagged` : ""}`,
      mistakes: `${mistakes} to go over`,
    };
  }, [catalog, quizStores, clock]);

  if (!mode) {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold color={theme.heading}>
          Quiz: choose a mode
        </Text>
        <Box marginTop={1}>
          <Menu
            items={QUIZ_MODES.map((value) => ({ value, label: MODE_TITLES[value], note: notes[value] }))}
            onSelect={setMode}
            onHighlight={setHighlighted}
            isActive={isActive}
          />
        </Box>
        <Box marginTop={1}>
          <Text color={theme.muted} wrap="wrap">
            {MODE_TITLES[highlighted]}: {MODE_DESCRIPTIONS[highlighted]}.
          </Text>
        </Box>
      </Box>
    );
  }

  const rows = catalog.quizzes.map((quiz) => ({ topic: quiz.topic, label: quiz.title, note: plural(quiz.questions.length, "question") }));
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>
        {MODE_TITLES[mode]}: choose the topics
      </Text>
      <Text color={theme.muted}>space ticks a topic; enter starts.</Text>
      <Box marginTop={1}>
        <TopicPicker rows={rows} isActive={isActive} onChoose={(topics) => go({ screen: "quiz", request: { mode, topics, tags: [] } })} />
      </Box>
    </Box>
  );
};
