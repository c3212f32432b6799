import { Box, Text } from "ink";
import TextInput from "ink-text-input";
import { useEffect, useState } from "react";
import type { Ask } from "../../content/schema/lesson";
import { useServices } from "../app-context";
import { useTheme } from "../theme";

export interface AnswerPromptProps {
  questions: readonly Ask[];
  /** The answers given last time, to edit rather than retype. */
  previous: Readonly<Record<string, string>>;
  /** The question text with the lesson's variables filled in. */
  fill: (text: string) => string;
  isActive: boolean;
  onDone: (answers: Record<string, string>) => void;
  /** Enter on an empty first answer: back to the step, nothing checked. */
  onCancel: () => void;
}

/**
 * What the learner observed, typed in before the check compares it with what the target really
 * answers: one question at a time, Enter to go on. While it has the keys, letters are text (not
 * quit, help or next).
 */
export const AnswerPrompt = ({ questions, previous, fill, isActive, onDone, onCancel }: AnswerPromptProps) => {
  const { setTextEntry } = useServices();
  const theme = useTheme();
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>({ ...previous });
  const question = questions[index];
  const [value, setValue] = useState(question ? (previous[question.id] ?? "") : "");

  useEffect(() => {
    setTextEntry(isActive);
    return () => setTextEntry(false);
  }, [isActive, setTextEntry]);

  if (!question) return null;
  const submit = (text: string) => {
    if (!text.trim() && index === 0 && Object.keys(previous).length === 0) return onCancel();
    const next = { ...answers, [question.id]: text.trim() };
    setAnswers(next);
    const following = questions[index + 1];
    if (!following) return onDone(next);
    setIndex(index + 1);
    setValue(next[following.id] ?? "");
  };
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color={theme.accent}>
        {`What did you see? (${index + 1} of ${questions.length})`}
      </Text>
      <Text wrap="wrap">{fill(question.question)}</Text>
      <Box>
        <Text color={theme.accent}>{"❯ "}</Text>
        <TextInput value={value} onChange={setValue} focus={isActive} onSubmit={submit} />
      </Box>
      <Text color={theme.muted}>enter: {questions[index + 1] ? "next question" : "check"} · enter on nothing: back to the step</Text>
    </Box>
  );
};
