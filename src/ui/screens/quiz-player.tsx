import { Box, Text, useInput } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { answerInWords } from "../../engine/answer-words";
import { givesFeedback, MODE_TITLES } from "../../engine/quiz-modes";
import { recordSession, recordSettledAnswers, saveFlag } from "../../engine/quiz-recording";
import { EXAM_PASS_PERCENT, quizResults, type QuizResults } from "../../engine/quiz-results";
import {
  canMarkRight,
  currentGrade,
  currentQuestion,
  isQuizFinished,
  quizReducer,
  shownAnswer,
  shownQuestion,
  unansweredIds,
  type QuizEvent,
  type QuizState,
} from "../../engine/quiz-session";
import { useServices } from "../app-context";
import { ExamClock, examClockWidth } from "../components/exam-clock";
import { QuestionView } from "../components/question-view";
import { QuizHeader, headerRows, leftColumns } from "../components/quiz-header";
import { QuizResultsView } from "../components/quiz-results-view";
import { MARKED_RIGHT_NOTICE, MarkRightLines } from "../components/mark-right";
import { ScrollArea, useScroll } from "../components/scroll-area";
import { useWindowSize } from "../hooks/use-window-size";
import { commandFor } from "../keys/bindings";
import { readableWidth } from "../text-layout";
import { useTheme } from "../theme";
import { quizStatusKeys } from "./quiz-status-keys";

export interface QuizPlayerProps {
  start: QuizState;
  isActive: boolean;
  height: number;
  /** Starts a practice round of these questions (the ones missed). */
  onRetry: (questionIds: string[]) => void;
  /** In a workshop: the agenda's block, named in the answers and the exam's score the room is told. */
  block?: string;
  /** The exam block's pass mark, in percent (the room is told whether the score reaches it). */
  passMark?: number;
}

const LEAVE_EXAM = "Leave the exam? It has not been handed in, so it will not be scored.";

/**
 * One quiz session on screen. The engine's reducer holds every rule; this renders the state,
 * turns keys into events, and writes settled answers to the history and the review cards.
 */
export const QuizPlayer = ({ start, isActive, height, onRetry, block, passMark = EXAM_PASS_PERCENT }: QuizPlayerProps) => {
  const { catalog, quizStores, clock, notify, confirm, setStatusKeys, setLeaveGuard, reportActivity } = useServices();
  const report = reportActivity && block !== undefined ? reportActivity : undefined;
  const theme = useTheme();
  const { columns } = useWindowSize();
  // Questions and explanations stop at a readable width, however wide the window.
  const textWidth = readableWidth(columns - 2);
  const questions = catalog.questions;
  const [state, setState] = useState(start);
  // In exam mode, the learner asked to change the answer on screen.
  const [changing, setChanging] = useState(false);
  const latest = useRef(state);
  latest.current = state;
  const written = useRef(new Set<string>());

  // From the latest state (keys arrive one at a time, each after the last one's render), and the
  // notice said outside React's update: notifying from inside it would update the App mid-render.
  const dispatch = useCallback(
    (event: QuizEvent) => {
      const current = latest.current;
      const next = quizReducer(questions, current, event);
      latest.current = next;
      setState(next);
      if (next.notice && next.notice !== current.notice) notify(next.notice);
    },
    [questions, notify],
  );

  /** Writes the answers that have settled, once each. */
  const record = useCallback(
    (from: QuizState, leaving: boolean) => {
      const ids = recordSettledAnswers(quizStores, { ...from, recorded: [...from.recorded, ...written.current] }, { leaving });
      for (const id of ids) written.current.add(id);
      return ids;
    },
    [quizStores],
  );

  const finished = isQuizFinished(state);
  const exam = state.mode === "exam";
  const results = useMemo(() => (finished ? withPassMark(quizResults(state, questions, clock()), passMark) : undefined), [finished, state, questions, clock, passMark]);

  useEffect(() => {
    const ids = record(state, false);
    if (ids.length > 0) dispatch({ type: "recorded", questionIds: ids });
  }, [state, record, dispatch]);

  const sessionWritten = useRef(false);
  useEffect(() => {
    if (!results || sessionWritten.current) return;
    sessionWritten.current = true;
    void recordSession(quizStores, results);
    if (results.mode === "exam" && block !== undefined) {
      report?.({ kind: "examFinished", block, score: results.correct, total: results.total, passed: results.passed === true });
    }
  }, [results, quizStores]);

  // Leaving mid-question still records what was answered (an unfinished exam excepted).
  useEffect(() => () => void record(latest.current, true), [record]);

  useEffect(() => {
    setLeaveGuard(exam && !finished ? LEAVE_EXAM : undefined);
    return () => setLeaveGuard(undefined);
  }, [exam, finished, setLeaveGuard]);

  const original = currentQuestion(questions, state);
  const shown = shownQuestion(questions, state);
  const grade = currentGrade(questions, state);
  const answered = original ? state.answers[original.id] !== undefined : false;
  const showsInput = !finished && (!answered || (exam && changing));
  const typing = showsInput && shown?.type === "text";
  const flagged = original ? state.flagged.includes(original.id) : false;
  const guessed = original ? state.guessed.includes(original.id) : false;
  const last = state.index === state.items.length - 1;
  const clockWidth = state.timeLimitMs !== undefined ? examClockWidth(state.timeLimitMs) : 0;
  const header = headerRows(
    [
      { text: `${MODE_TITLES[state.mode]}`, colour: theme.heading, bold: true },
      { text: `question ${state.index + 1} of ${state.items.length}  (${original?.id ?? ""})`, colour: theme.muted },
      ...(flagged ? [{ text: "⚑ flagged", colour: theme.warning }] : []),
      ...(guessed ? [{ text: "~ guessed", colour: theme.warning }] : []),
    ],
    leftColumns(columns - 2, clockWidth),
  );
  const bodyHeight = Math.max(3, height - 1 - header.length);
  // The results have no header above them: they take the whole height.
  const scroll = useScroll(finished ? Math.max(3, height) : bodyHeight);

  const markable = canMarkRight(questions, state);
  const markedRight = original ? state.markedRight.includes(original.id) : false;
  const anyMissed = results !== undefined && results.missed.length > 0;
  useEffect(
    () => setStatusKeys(quizStatusKeys({ finished, anyMissed, typing, exam, answered, canMarkRight: markable })),
    [finished, anyMissed, typing, exam, answered, markable, setStatusKeys],
  );

  const now = () => clock().toISOString();
  const endExam = () => {
    const open = unansweredIds(state).length;
    if (open === 0) return dispatch({ type: "finish", at: now() });
    confirm({
      title: `End the exam with ${open} question${open === 1 ? "" : "s"} unanswered? They count as missed.`,
      onAnswer: (yes) => yes && dispatch({ type: "finish", at: now() }),
    });
  };
  const moveOn = (event: QuizEvent) => {
    setChanging(false);
    scroll.toTop();
    dispatch(event);
  };

  useInput(
    (input, key) => {
      const command = commandFor("quiz", input, key);
      if (command === "pageDown") return scroll.pageBy(1);
      if (command === "pageUp") return scroll.pageBy(-1);
      if (command === "top") return scroll.toTop();
      if (command === "bottom") return scroll.toBottom();
      if (finished) {
        if (command === "down" || command === "up") scroll.scrollBy(command === "down" ? 1 : -1);
        else if (command === "retry" && results && results.missed.length > 0) onRetry(results.missed.map((missed) => missed.questionId));
        return;
      }
      // While a text answer is typed, letters are text.
      if (typing || !original) return;
      // Once answered, ↑/↓ scroll a long explanation (before, they move the cursor).
      if ((command === "down" || command === "up") && !showsInput) return scroll.scrollBy(command === "down" ? 1 : -1);
      if (command === "next") {
        if (exam && last) endExam();
        else moveOn({ type: "next", at: now() });
      } else if (command === "back") moveOn({ type: "back" });
      else if (command === "skip") {
        if (exam && last) endExam();
        else moveOn({ type: "skip", at: now() });
      } else if (command === "guess") {
        dispatch({ type: "guess" });
      } else if (command === "markRight") {
        // Refused (not a typed answer, or not wrong), the reducer's notice says why.
        const allowed = canMarkRight(questions, latest.current);
        dispatch({ type: "markRight" });
        if (allowed) notify(MARKED_RIGHT_NOTICE);
      } else if (command === "flag") {
        dispatch({ type: "flag" });
        void saveFlag(quizStores, original.id, !flagged);
        notify(flagged ? "Unflagged." : "Flagged for review: it comes up in spaced review until you unflag it.");
      } else if (command === "change" && exam && answered) setChanging(true);
      else if (command === "endExam" && exam) endExam();
    },
    { isActive },
  );

  const deadline = state.timeLimitMs !== undefined ? new Date(Date.parse(state.startedAt) + state.timeLimitMs) : undefined;
  const onTimeUp = () => {
    if (isQuizFinished(latest.current) || !deadline) return;
    dispatch({ type: "finish", at: deadline.toISOString(), timeUp: true });
  };

  if (results) {
    return (
      <Box flexDirection="column" paddingX={1} width={textWidth + 2}>
        <ScrollArea {...scroll.area}>
          <QuizResultsView results={results} />
          <Box marginTop={1}>
            <Text color={theme.muted}>
              {results.missed.length > 0 ? `r retries the ${results.missed.length} you missed, with the answer after each · ` : ""}
              esc: back to the menu
            </Text>
          </Box>
        </ScrollArea>
      </Box>
    );
  }
  if (!shown || !original) return <Text>This quiz has no questions.</Text>;

  const given = shownAnswer(state);
  return (
    <Box flexDirection="column" paddingX={1}>
      <QuizHeader
        rows={header}
        width={columns - 2}
        rightWidth={clockWidth}
        right={deadline ? <ExamClock deadline={deadline} clock={clock} onTimeUp={onTimeUp} /> : undefined}
      />
      <Box marginTop={1} width={textWidth}>
        <ScrollArea {...scroll.area} arrows={!showsInput}>
          {showsInput || grade ? (
            <QuestionView
              key={`${original.id}:${changing ? "change" : "ask"}`}
              question={shown}
              width={textWidth}
              {...(grade ? { grade } : {})}
              isActive={isActive}
              onAnswer={(answer) => {
                setChanging(false);
                const before = latest.current.answers[original.id];
                dispatch({ type: "answer", answer, at: now() });
                const record = latest.current.answers[original.id];
                const asked = questions.get(original.id);
                // A refused answer (already answered in practice) changes nothing and is not told.
                if (report && block !== undefined && record && record !== before && asked) {
                  report({ kind: "quizAnswer", block, questionId: original.id, mode: exam ? "exam" : "practice", correct: record.correct, answer: answerInWords(asked, record.answer) });
                }
              }}
              onEmptyAnswer={() => (exam && last ? endExam() : moveOn({ type: exam ? "next" : "skip", at: now() }))}
            />
          ) : (
            <Box flexDirection="column">
              <Text bold wrap="wrap">
                {shown.prompt}
              </Text>
              <Box marginTop={1}>
                <Text wrap="wrap">Your answer: {given ? answerInWords(shown, given) : ""}</Text>
              </Box>
            </Box>
          )}
          {typing ? <Text color={theme.muted}>Enter on an empty answer {exam ? "leaves it unanswered" : "skips it"}.</Text> : null}
          <MarkRightLines offered={markable} marked={markedRight} />
          {!showsInput ? (
            <Text color={theme.muted}>
              {exam
                ? `Saved. ${last ? "e ends the exam" : "n: next question"}; c changes the answer; f flags it.`
                : `${last ? "Press n for your score." : "Press n for the next question."} g if you guessed; f flags it for review.`}
            </Text>
          ) : null}
          {!givesFeedback(state.mode) && showsInput && answered ? <Text color={theme.muted}>Answer again to change it.</Text> : null}
        </ScrollArea>
      </Box>
    </Box>
  );
};

/** An exam scored against its own pass mark (a workshop's exam block sets one): the screen and the room say the same. */
const withPassMark = (results: QuizResults, passMark: number): QuizResults =>
  results.passMark === undefined || results.passMark === passMark ? results : { ...results, passMark, passed: results.percent >= passMark };
