import { Box, Text, useInput } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { answerInWords } from "../../engine/answer-words";
import { givesFeedback, MODE_TITLES } from "../../engine/quiz-modes";
import { recordSession, recordSettledAnswers, saveFlag } from "../../engine/quiz-recording";
import { quizResults } from "../../engine/quiz-results";
import {
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
import { ExamClock } from "../components/exam-clock";
import { QuestionView } from "../components/question-view";
import { QuizResultsView } from "../components/quiz-results-view";
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
}

const LEAVE_EXAM = "Leave the exam? It has not been handed in, so it will not be scored.";

/**
 * One quiz session on screen. The engine's reducer holds every rule; this renders the state,
 * turns keys into events, and writes settled answers to the history and the review cards.
 */
export const QuizPlayer = ({ start, isActive, height, onRetry }: QuizPlayerProps) => {
  const { catalog, quizStores, clock, notify, confirm, setStatusKeys, setLeaveGuard } = useServices();
  const theme = useTheme();
  // Questions and explanations stop at a readable width, however wide the window.
  const textWidth = readableWidth(useWindowSize().columns - 2);
  const questions = catalog.questions;
  const [state, setState] = useState(start);
  // In exam mode, the learner asked to change the answer on screen.
  const [changing, setChanging] = useState(false);
  const latest = useRef(state);
  latest.current = state;
  const written = useRef(new Set<string>());

  const dispatch = useCallback(
    (event: QuizEvent) =>
      setState((current) => {
        const next = quizReducer(questions, current, event);
        if (next.notice && next.notice !== current.notice) notify(next.notice);
        return next;
      }),
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
  // The results have no header above them: they take the whole height.
  const scroll = useScroll(Math.max(3, finished ? height : height - 2));
  const exam = state.mode === "exam";
  const results = useMemo(() => (finished ? quizResults(state, questions, clock()) : undefined), [finished, state, questions, clock]);

  useEffect(() => {
    const ids = record(state, false);
    if (ids.length > 0) dispatch({ type: "recorded", questionIds: ids });
  }, [state, record, dispatch]);

  const sessionWritten = useRef(false);
  useEffect(() => {
    if (!results || sessionWritten.current) return;
    sessionWritten.current = true;
    void recordSession(quizStores, results);
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

  const anyMissed = results !== undefined && results.missed.length > 0;
  useEffect(() => setStatusKeys(quizStatusKeys({ finished, anyMissed, typing, exam, answered })), [finished, anyMissed, typing, exam, answered, setStatusKeys]);

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
      <Box>
        <Box flexGrow={1}>
          <Text wrap="truncate-end">
            <Text bold color={theme.heading}>
              {MODE_TITLES[state.mode]}
            </Text>
            <Text color={theme.muted}>{`  question ${state.index + 1} of ${state.items.length}  (${original.id})`}</Text>
            {flagged ? <Text color={theme.warning}>{"  ⚑ flagged"}</Text> : null}
            {guessed ? <Text color={theme.warning}>{"  ~ guessed"}</Text> : null}
          </Text>
        </Box>
        {deadline ? <ExamClock deadline={deadline} clock={clock} onTimeUp={onTimeUp} /> : null}
      </Box>
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
                dispatch({ type: "answer", answer, at: now() });
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
