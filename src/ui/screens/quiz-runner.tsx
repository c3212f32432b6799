import { Box, Text, useInput } from "ink";
import { useEffect, useMemo, useState } from "react";
import { currentGrade, currentQuestion, isQuizComplete, quizReducer, quizScore, startQuiz, type QuizEvent } from "../../engine/quiz-session";
import { useServices } from "../app-context";
import { QuestionView } from "../components/question-view";
import { ScrollArea, useScroll } from "../components/scroll-area";
import { commandFor } from "../keys/bindings";
import { useTheme } from "../theme";

export interface QuizRunnerProps {
  isActive: boolean;
  height: number;
}

/** Practice: every question in turn, with the right answer, the explanation and its source at once. */
export const QuizRunner = ({ isActive, height }: QuizRunnerProps) => {
  const { catalog, notify, setStatusKeys } = useServices();
  const theme = useTheme();
  const questions = useMemo(() => catalog.quizzes.flatMap((quiz) => quiz.questions), [catalog]);
  const [state, setState] = useState(() => startQuiz(questions));
  const [showScore, setShowScore] = useState(false);
  const scroll = useScroll(Math.max(3, height - 2));
  const dispatch = (event: QuizEvent) =>
    setState((current) => {
      const next = quizReducer(catalog.questions, current, event);
      if (next.notice && next.notice !== current.notice) notify(next.notice);
      return next;
    });

  const question = currentQuestion(catalog.questions, state);
  const graded = currentGrade(catalog.questions, state);
  const last = state.index === state.questionIds.length - 1;

  useEffect(() => {
    setStatusKeys(showScore ? ["menu", "quit"] : graded ? ["next", "back", "menu", "help", "quit"] : ["select", "skip", "back", "menu", "help", "quit"]);
  }, [showScore, graded, setStatusKeys]);

  useInput(
    (input, key) => {
      const command = commandFor("quiz", input, key);
      if (command === "pageDown") scroll.pageBy(1);
      else if (command === "pageUp") scroll.pageBy(-1);
      else if (showScore) return;
      else if (command === "next") {
        if (last && graded) setShowScore(true);
        dispatch({ type: "next" });
        scroll.toTop();
      } else if (command === "back") dispatch({ type: "back" });
      else if (command === "skip") {
        if (last) setShowScore(true);
        dispatch({ type: "skip" });
        scroll.toTop();
      }
    },
    { isActive },
  );

  if (showScore || !question) {
    const score = quizScore(state);
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold color={theme.heading}>
          Practice quiz
        </Text>
        <Box marginTop={1}>
          <Text bold color={score.percent >= 70 ? theme.success : theme.warning}>
            Score: {score.correct} of {score.total} ({score.percent}%)
            {state.skipped.length > 0 ? `, ${state.skipped.length} skipped` : ""}
            {isQuizComplete(state) ? "" : ", some not answered"}
          </Text>
        </Box>
        <Text color={theme.muted}>esc: back to the menu</Text>
      </Box>
    );
  }

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text wrap="truncate-end">
        <Text bold color={theme.heading}>
          Practice quiz
        </Text>
        <Text color={theme.muted}>
          {`  question ${state.index + 1} of ${state.questionIds.length}  (${question.id})`}
        </Text>
      </Text>
      <Box marginTop={1}>
        <ScrollArea height={Math.max(3, height - 2)} offset={scroll.offset} onMeasure={scroll.onMeasure}>
          <QuestionView key={question.id} question={question} {...(graded ? { grade: graded } : {})} isActive={isActive} onAnswer={(answer) => dispatch({ type: "answer", answer })} />
          {graded ? <Text color={theme.muted}>{last ? "Press n for your score." : "Press n for the next question."}</Text> : null}
        </ScrollArea>
      </Box>
    </Box>
  );
};
