import { Box, Text, useInput } from "ink";
import { useEffect, useRef, useState } from "react";
import { interviewRating } from "../../engine/interview/interview-card";
import { recordInterview } from "../../engine/interview/interview-recording";
import { interviewReport, type StudyItem } from "../../engine/interview/interview-report";
import type { InterviewState } from "../../engine/interview/interview-session";
import { formatDuration } from "../../engine/quiz-results";
import type { ReviewRating } from "../../engine/review-schedule";
import { interviewsOf } from "../../store/quiz-history";
import { useServices } from "../app-context";
import { ScrollArea, useScroll } from "../components/scroll-area";
import { StudyNext, type StudyRow } from "../components/interview/study-next";
import { TrendBars } from "../components/interview/trend-bars";
import { commandFor } from "../keys/bindings";
import { layoutLines, readableWidth } from "../text-layout";
import { useTheme } from "../theme";

export interface InterviewReportProps {
  state: InterviewState;
  /** The length asked for: the time used is measured against it. */
  minutes: number;
  isActive: boolean;
  width: number;
  height: number;
}

/** A question's mark by the rating its card gets: the words carry it without colour. */
const MARK: Record<ReviewRating, string> = { good: "✓", hard: "~", again: "✗" };

const studyRow = (item: StudyItem): StudyRow => ({
  key: item.where ? `${item.where.lessonId}#${item.where.stepNumber}` : item.taught,
  where: item.where ? `${item.where.lessonTitle}, step ${item.where.stepNumber}: ${item.where.stepTitle}` : `${item.taught} (not among the lessons)`,
  points: item.points.map((point) => point.says),
});

/**
 * The interview's end: written to the history and the review deck once, then the score per
 * question with the points missed, the time, the lesson steps to study (enter opens one there),
 * and the trend over the interviews before.
 */
export const InterviewReport = ({ state, minutes, isActive, width, height }: InterviewReportProps) => {
  const { catalog, quizStores, go, notify, setStatusKeys } = useServices();
  const theme = useTheme();
  const textWidth = readableWidth(width - 2);
  // Made once, from the history as it was before this interview is added to it.
  const [report] = useState(() => interviewReport(state, catalog.lessons, interviewsOf(quizStores.history.data)));
  const [cursor, setCursor] = useState(0);
  const scroll = useScroll(Math.max(3, height));
  const recorded = useRef(false);

  useEffect(() => {
    if (recorded.current) return;
    recorded.current = true;
    recordInterview(quizStores, state).catch((error: Error) => notify(`The interview could not be saved: ${error.message}`));
  }, [quizStores, state, notify]);
  useEffect(() => setStatusKeys(["openStep", "pageDown", "menu", "help", "quit"]), [setStatusKeys]);

  const study = report.studyNext;
  useInput(
    (input, key) => {
      const command = commandFor("interview", input, key);
      if (command === "pageDown") scroll.pageBy(1);
      else if (command === "pageUp") scroll.pageBy(-1);
      else if (command === "top") scroll.toTop();
      else if (command === "bottom") scroll.toBottom();
      else if (command === "down") study.length > 0 ? setCursor((at) => Math.min(study.length - 1, at + 1)) : scroll.scrollBy(1);
      else if (command === "up") study.length > 0 ? setCursor((at) => Math.max(0, at - 1)) : scroll.scrollBy(-1);
      else if (key.return) {
        const where = study[cursor]?.where;
        if (where) go({ screen: "lesson", lessonId: where.lessonId, step: where.stepNumber - 1 });
        else if (study[cursor]) notify("That step is not among the lessons here.");
      }
    },
    { isActive },
  );

  /** `text` wrapped at `indent`; with a `mark` ("✗ "), the rows after the first go on under the text, not the mark. */
  const lines = (text: string, indent = 0, mark = "") =>
    layoutLines(text, textWidth - indent - mark.length)
      .map((line, row) => `${" ".repeat(indent)}${row === 0 ? mark : " ".repeat(mark.length)}${line}`)
      .join("\n");
  return (
    <Box flexDirection="column" paddingX={1} width={textWidth + 2}>
      <ScrollArea {...scroll.area} arrows={study.length === 0}>
        <Text bold color={theme.heading}>
          {`Mock interview: report${report.endedBy === "ended" ? " (ended early)" : ""}`}
        </Text>
        <Text>
          {lines(`Score: ${report.made} of ${report.asked} points (${report.percent}%) · time used ${formatDuration(report.timeUsedMs)} of ${formatDuration(minutes * 60_000)}`)}
        </Text>
        <Box marginTop={1} flexDirection="column">
          <Text bold color={theme.heading}>
            By question
          </Text>
          {report.questions.length === 0 ? <Text color={theme.muted}>Nothing was scored.</Text> : null}
          {report.questions.map((question) => (
            <Box key={question.questionId} flexDirection="column">
              <Text>
                {question.skipped
                  ? lines(`skipped  ${question.ask}`, 0, "– ")
                  : lines(
                      `${question.made} of ${question.asked} (${question.percent}%)  ${question.kind === "design" ? "Design: " : ""}${question.ask}`,
                      0,
                      `${MARK[interviewRating(question.made, question.asked)]} `,
                    )}
              </Text>
              {question.missed.map((point) => (
                <Text key={`${point.depth}-${point.pointId}`} color={theme.muted}>
                  {lines(`${point.says}${point.depth > 1 ? " (follow-up)" : ""}`, 4, "✗ ")}
                </Text>
              ))}
              {question.asks.some((ask) => ask.overTime) ? <Text color={theme.warning}>{lines("⏱ went over time", 4)}</Text> : null}
            </Box>
          ))}
        </Box>
        {study.length > 0 ? (
          <Box marginTop={1} flexDirection="column">
            <Text bold color={theme.heading}>
              {lines("What to study next (enter opens the lesson at that step)")}
            </Text>
            <StudyNext rows={study.map(studyRow)} cursor={cursor} width={textWidth} />
          </Box>
        ) : null}
        <Box marginTop={1} flexDirection="column">
          <Text bold color={theme.heading}>
            Your interviews so far
          </Text>
          <TrendBars bars={report.trend.map((entry) => ({ at: entry.startedAt, percent: entry.percent, current: entry.current }))} width={textWidth} />
        </Box>
        <Box marginTop={1}>
          <Text color={theme.muted}>esc: back to the menu</Text>
        </Box>
      </ScrollArea>
    </Box>
  );
};
