import { Box, Text, useInput } from "ink";
import { useState } from "react";
import { useServices } from "../app-context";
import { Menu } from "../components/menu";
import { commandFor } from "../keys/bindings";
import { MARKS, lessonMark } from "../progress-view";
import { useTheme } from "../theme";

export interface LessonListProps {
  isActive: boolean;
}

/** Every lesson with its mark (✓ done, ◐ started, · new) and its minutes; r/R reset after asking. */
export const LessonList = ({ isActive }: LessonListProps) => {
  const { catalog, progress, go, confirm, notify } = useServices();
  const theme = useTheme();
  const [highlighted, setHighlighted] = useState(catalog.lessons[0]?.id);
  const [, setVersion] = useState(0);
  const refresh = () => setVersion((version) => version + 1);

  useInput(
    (input, key) => {
      const command = commandFor("lessons", input, key);
      const lesson = catalog.lessons.find((candidate) => candidate.id === highlighted);
      if (command === "reset" && lesson) {
        confirm({
          title: `Reset "${lesson.title}"? Your answers and checks in it are forgotten.`,
          onAnswer: (yes) => {
            if (!yes) return;
            void progress.reset(lesson.id).then(refresh);
            notify(`"${lesson.title}" starts afresh.`);
          },
        });
      } else if (command === "resetAll") {
        confirm({
          title: "Reset every lesson? All progress is forgotten.",
          onAnswer: (yes) => {
            if (!yes) return;
            void progress.reset().then(refresh);
            notify("Every lesson starts afresh.");
          },
        });
      }
    },
    { isActive },
  );

  const items = catalog.lessons.map((lesson) => ({
    value: lesson.id,
    label: `${MARKS[lessonMark(lesson, progress.data)]} ${lesson.title}`,
    note: `${lesson.minutes} min`,
  }));
  const current = catalog.lessons.find((lesson) => lesson.id === highlighted);

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>
        Lessons
      </Text>
      <Text color={theme.muted}>✓ done · ◐ started · · new</Text>
      <Box marginTop={1}>
        <Menu items={items} onSelect={(id) => go({ screen: "lesson", lessonId: id })} onHighlight={setHighlighted} isActive={isActive} />
      </Box>
      {current ? (
        <Box marginTop={1}>
          <Text color={theme.muted} wrap="wrap">
            {current.summary}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
};
