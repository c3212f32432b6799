import { Box, Text, useInput, type DOMElement } from "ink";
import TextInput from "ink-text-input";
import { useEffect, useRef, useState } from "react";
import type { Question } from "../../content/schema/quiz";
import type { Answer, Grade } from "../../engine/grading";
import { useServices } from "../app-context";
import { layoutLines } from "../text-layout";
import { useTheme } from "../theme";
import { LabelledLink } from "./link";
import { Menu } from "./menu";
import { useKeepInView } from "./scroll-area";

export interface QuestionViewProps {
  question: Question;
  /** The grade once answered: the choices give way to the feedback. */
  grade?: Grade;
  isActive: boolean;
  onAnswer: (answer: Answer) => void;
  /** Enter on an empty text answer: the quiz passes over the question (letters are text while typing, so S cannot). */
  onEmptyAnswer?: () => void;
  /** Columns the question has: options wrap within it, under their own text. */
  width: number;
}

/** A question and its way to answer (a menu, ticks, or a line of text), then the feedback. */
export const QuestionView = ({ question, grade, isActive, onAnswer, onEmptyAnswer, width }: QuestionViewProps) => {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {/* By words (Ink's own wrap starts a wrapped row with a space, and splits a long word). */}
      <Text bold wrap="wrap">
        {layoutLines(question.prompt, width).join("\n")}
      </Text>
      <Box marginTop={1} flexDirection="column">
        {grade ? (
          <Feedback grade={grade} />
        ) : (
          <AnswerInput question={question} isActive={isActive} onAnswer={onAnswer} width={width} {...(onEmptyAnswer ? { onEmptyAnswer } : {})} />
        )}
      </Box>
      {!grade && question.type === "multi" ? (
        <Text color={theme.muted}>space ticks a choice, enter answers; several may be right.</Text>
      ) : null}
    </Box>
  );
};

const AnswerInput = ({ question, isActive, onAnswer, onEmptyAnswer, width }: Omit<QuestionViewProps, "grade">) => {
  switch (question.type) {
    case "single":
      return (
        <Menu
          items={question.choices.map((choice, index) => ({ label: choice.text, value: String(index) }))}
          onSelect={(value) => onAnswer({ kind: "choices", indexes: [Number(value)] })}
          isActive={isActive}
          width={width}
        />
      );
    case "truefalse":
      return (
        <Menu
          items={[
            { label: "True", value: "true" },
            { label: "False", value: "false" },
          ]}
          onSelect={(value) => onAnswer({ kind: "boolean", value: value === "true" })}
          isActive={isActive}
          width={width}
        />
      );
    case "multi":
      return <Ticks choices={question.choices.map((choice) => choice.text)} isActive={isActive} onAnswer={onAnswer} width={width} />;
    case "text":
      return <TextAnswer isActive={isActive} onAnswer={onAnswer} {...(onEmptyAnswer ? { onEmptyAnswer } : {})} />;
  }
};

const TICK_COLUMNS = 6;

const Ticks = ({ choices, isActive, onAnswer, width }: { choices: string[]; isActive: boolean; onAnswer: (answer: Answer) => void; width: number }) => {
  const theme = useTheme();
  const [cursor, setCursor] = useState(0);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  useInput(
    (input, key) => {
      if (key.upArrow || input === "k") setCursor((current) => (current + choices.length - 1) % choices.length);
      else if (key.downArrow || input === "j") setCursor((current) => (current + 1) % choices.length);
      else if (input === " ") {
        setTicked((current) => {
          const next = new Set(current);
          if (next.has(cursor)) next.delete(cursor);
          else next.add(cursor);
          return next;
        });
      } else if (key.return && ticked.size > 0) onAnswer({ kind: "choices", indexes: [...ticked].sort((a, b) => a - b) });
    },
    { isActive },
  );
  return (
    <Box flexDirection="column">
      {choices.map((choice, index) => (
        <TickRow key={choice} choice={choice} atCursor={index === cursor} ticked={ticked.has(index)} width={width} />
      ))}
    </Box>
  );
};

/** One choice: pointer and box keep their columns, a long choice wraps under its own text, and the cursor's row stays in view. */
const TickRow = ({ choice, atCursor, ticked, width }: { choice: string; atCursor: boolean; ticked: boolean; width: number }) => {
  const theme = useTheme();
  const row = useRef<DOMElement>(null);
  useKeepInView(row, atCursor);
  const textWidth = Math.max(10, width - TICK_COLUMNS);
  return (
    <Box ref={row}>
      <Box width={TICK_COLUMNS} flexShrink={0}>
        <Text color={atCursor ? theme.accent : undefined} bold={atCursor}>
          {atCursor ? "❯ " : "  "}
          {ticked ? "[x]" : "[ ]"}
        </Text>
      </Box>
      <Box width={textWidth} flexShrink={0}>
        <Text color={atCursor ? theme.accent : undefined} bold={atCursor} wrap="wrap">
          {layoutLines(choice, textWidth).join("\n")}
        </Text>
      </Box>
    </Box>
  );
};

const TextAnswer = ({ isActive, onAnswer, onEmptyAnswer }: { isActive: boolean; onAnswer: (answer: Answer) => void; onEmptyAnswer?: () => void }) => {
  const { setTextEntry } = useServices();
  const theme = useTheme();
  const [value, setValue] = useState("");
  // While typing, q and ? are letters, not quit and help.
  useEffect(() => {
    setTextEntry(isActive);
    return () => setTextEntry(false);
  }, [isActive, setTextEntry]);
  return (
    <Box>
      <Text color={theme.accent}>Your answer: </Text>
      <TextInput
        value={value}
        onChange={setValue}
        focus={isActive}
        onSubmit={(text) => {
          if (text.trim()) onAnswer({ kind: "text", value: text });
          else onEmptyAnswer?.();
        }}
      />
    </Box>
  );
};

export const Feedback = ({ grade }: { grade: Grade }) => {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {grade.correct ? (
        <Text bold color={theme.success}>
          ✓ Correct.
        </Text>
      ) : (
        <Text bold color={theme.failure} wrap="wrap">
          ✗ Not quite. The answer: {grade.rightAnswer}
        </Text>
      )}
      <Box marginTop={1}>
        <Text wrap="wrap">{grade.explain}</Text>
      </Box>
      <LabelledLink label="Source:" url={grade.source} />
    </Box>
  );
};
