import { Box, Text, useInput } from "ink";
import { useMemo } from "react";
import { localDay } from "../../engine/local-days";
import { quizStats, STATS_WEEKS } from "../../engine/quiz-stats";
import { useServices } from "../app-context";
import { ScrollArea, useScroll } from "../components/scroll-area";
import { commandFor } from "../keys/bindings";
import { useTheme } from "../theme";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

const WEEK_HEADINGS = Array.from({ length: STATS_WEEKS }, (_unused, slot) => {
  const weeksAgo = STATS_WEEKS - 1 - slot;
  return weeksAgo === 0 ? "this wk" : weeksAgo === 1 ? "last wk" : `${weeksAgo} wk ago`;
});

const cell = (text: string, width = 10) => text.padStart(width);

/** Accuracy per topic over the last weeks, the streak, the cards due, the weakest tags and the last exams. */
export const Stats = ({ isActive, height }: { isActive: boolean; height: number }) => {
  const { catalog, quizStores, clock } = useServices();
  const theme = useTheme();
  const scroll = useScroll(height);
  const stats = useMemo(
    () => quizStats(quizStores.history.data, quizStores.cards.data, catalog.questions, clock()),
    [quizStores, catalog, clock],
  );
  useInput(
    (input, key) => {
      const command = commandFor("stats", input, key);
      if (command === "down" || command === "up") scroll.scrollBy(command === "down" ? 1 : -1);
      else if (command === "pageDown" || command === "pageUp") scroll.pageBy(command === "pageDown" ? 1 : -1);
      else if (command === "top") scroll.toTop();
      else if (command === "bottom") scroll.toBottom();
    },
    { isActive },
  );

  const nameWidth = Math.max(12, ...stats.topics.map((topic) => topic.topic.length)) + 2;
  const streak =
    stats.streakDays === 0 ? "no streak yet" : `streak: ${plural(stats.streakDays, "day")} in a row${stats.studiedToday ? "" : " (answer one today to keep it)"}`;
  const next = stats.nextDue ? `; the next after today on ${localDay(new Date(stats.nextDue))}` : "";

  return (
    <Box flexDirection="column" paddingX={1}>
      <ScrollArea {...scroll.area}>
        <Text bold color={theme.heading}>
          Quiz stats
        </Text>
        {stats.answered === 0 ? (
          <Box marginTop={1}>
            <Text wrap="wrap">No answers yet. Take a quiz from the home screen, and your stats appear here.</Text>
          </Box>
        ) : (
          <Box flexDirection="column">
            <Box marginTop={1} flexDirection="column">
              <Text wrap="wrap">{`${plural(stats.answered, "answer")}, ${stats.percent}% right; ${streak}.`}</Text>
              <Text wrap="wrap">{`Review: ${stats.dueToday} due today${next}. Flagged: ${stats.flagged}. Mistakes to go over: ${stats.mistakes}.`}</Text>
              {stats.markedRight.length > 0 ? (
                <Text color={theme.warning} wrap="wrap">
                  {`Marked right by you ("I was right"), flagged to check: ${stats.markedRight.join(", ")}.`}
                </Text>
              ) : null}
            </Box>
            <Box marginTop={1} flexDirection="column">
              <Text bold color={theme.heading}>
                Accuracy per topic
              </Text>
              <Text color={theme.muted} wrap="truncate-end">
                {"  "}
                {"topic".padEnd(nameWidth)}
                {WEEK_HEADINGS.map((heading) => cell(heading)).join("")}
                {cell("overall", 14)}
              </Text>
              {stats.topics.map((topic) => (
                <Text key={topic.topic} wrap="truncate-end">
                  {"  "}
                  {topic.topic.padEnd(nameWidth)}
                  {topic.weeks.map((week) => cell(week === undefined ? "–" : `${week}%`)).join("")}
                  {cell(`${topic.percent}% of ${topic.answered}`, 14)}
                </Text>
              ))}
            </Box>
            <Box marginTop={1} flexDirection="column">
              <Text bold color={theme.heading}>
                Weakest tags
              </Text>
              {stats.weakestTags.length === 0 ? (
                <Text color={theme.muted}>{"  "}None yet: a tag shows here once answered twice and missed at least once.</Text>
              ) : (
                stats.weakestTags.map((tag) => (
                  <Text key={tag.name}>
                    {"  "}
                    {tag.name.padEnd(nameWidth)}
                    {`${tag.correct} of ${tag.total}`.padEnd(10)}
                    <Text bold color={theme.warning}>{`${tag.percent}%`}</Text>
                  </Text>
                ))
              )}
            </Box>
            {stats.recentExams.length > 0 ? (
              <Box marginTop={1} flexDirection="column">
                <Text bold color={theme.heading}>
                  Last exams
                </Text>
                {stats.recentExams.map((exam) => (
                  <Text key={exam.finishedAt}>
                    {"  "}
                    {localDay(new Date(exam.finishedAt))}
                    {`  ${exam.correct} of ${exam.total} (${exam.percent}%)  `}
                    <Text bold color={exam.passed ? theme.success : theme.failure}>
                      {exam.passed ? "✓ pass" : "✗ fail"}
                    </Text>
                  </Text>
                ))}
              </Box>
            ) : null}
          </Box>
        )}
      </ScrollArea>
    </Box>
  );
};
