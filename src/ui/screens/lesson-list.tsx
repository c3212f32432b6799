import { Box, Text, useInput } from "ink";
import { useState } from "react";
import { useServices } from "../app-context";
import { Menu } from "../components/menu";
import { commandFor } from "../keys/bindings";
import { fitLines } from "../fit-lines";
import { useWindowSize } from "../hooks/use-window-size";
import { lessonStanding, lessonTable } from "../lesson-table";
import { wrapLines } from "../text";
import { useTheme } from "../theme";

export interface LessonListProps {
  isActive: boolean;
  /** Rows the screen may take. */
  height: number;
}

/** The chosen lesson's command, and its title and standing wrapped once, at the least. */
const DETAIL_ROWS = 3;

/**
 * Every lesson with its mark (✓ done, ◐ started, · new), its id (for `s3-tutor lesson <id>`), its
 * minutes and its score; under the list, the chosen one in full (the list scrolls when the window
 * is too short for both). r/R reset after asking.
 */
export const LessonList = ({ isActive, height }: LessonListProps) => {
  const { catalog, progress, go, confirm, notify } = useServices();
  const theme = useTheme();
  const { columns } = useWindowSize();
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

  const table = lessonTable(catalog.lessons, progress.data, columns - 4);
  const items = catalog.lessons.map((lesson, index) => ({ value: lesson.id, label: table.rows[index] ?? lesson.title }));
  const current = catalog.lessons.find((lesson) => lesson.id === highlighted);
  // Title, legend, header and the blank rows take 5; the chosen lesson in full keeps at least
  // DETAIL_ROWS under the list, which scrolls when the lessons do not all fit above them.
  const listRows = Math.max(1, Math.min(items.length, height - 5 - DETAIL_ROWS));
  const detailRoom = height - 5 - listRows;
  const about = current ? `${current.title} · ${lessonStanding(current, progress.data)} · about ${current.minutes} min. ${current.summary}` : "";
  const details = current && detailRoom > 0 ? fitLines([`s3-tutor lesson ${current.id}`, ...wrapLines(about, columns - 2)], detailRoom) : [];

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>
        Lessons
      </Text>
      <Text color={theme.muted}>{`✓ done · ◐ started · · new${listRows < items.length ? ` · ${listRows} of ${items.length} shown, ↑/↓ for more` : ""}`}</Text>
      <Box marginTop={1}>
        <Text color={theme.muted}>{`  ${table.header}`}</Text>
      </Box>
      <Box>
        <Menu
          items={items}
          onSelect={(id) => go({ screen: "lesson", lessonId: id })}
          onHighlight={setHighlighted}
          isActive={isActive}
          {...(listRows < items.length ? { limit: listRows } : {})}
        />
      </Box>
      {details.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text>{details.join("\n")}</Text>
        </Box>
      ) : null}
    </Box>
  );
};
