import { Box, Text, useInput } from "ink";
import { useState } from "react";
import { commandFor } from "../keys/bindings";
import { useTheme } from "../theme";

export interface TopicRow {
  topic: string;
  label: string;
  note: string;
}

export interface TopicPickerProps {
  rows: readonly TopicRow[];
  isActive: boolean;
  /** The topics chosen; empty means every topic. */
  onChoose: (topics: string[]) => void;
}

/**
 * "Every topic" and each topic: space ticks topics, enter starts with the ticked ones, or with
 * the highlighted row when none is ticked.
 */
export const TopicPicker = ({ rows, isActive, onChoose }: TopicPickerProps) => {
  const theme = useTheme();
  const [cursor, setCursor] = useState(0);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const count = rows.length + 1;
  useInput(
    (input, key) => {
      const command = commandFor("quizMenu", input, key);
      if (command === "up") setCursor((current) => (current + count - 1) % count);
      else if (command === "down") setCursor((current) => (current + 1) % count);
      else if (command === "toggle" && cursor > 0) {
        const topic = rows[cursor - 1]?.topic;
        if (!topic) return;
        setTicked((current) => {
          const next = new Set(current);
          if (next.has(topic)) next.delete(topic);
          else next.add(topic);
          return next;
        });
      } else if (command === "select") {
        if (ticked.size > 0) onChoose(rows.map((row) => row.topic).filter((topic) => ticked.has(topic)));
        else onChoose(cursor === 0 ? [] : [rows[cursor - 1]?.topic ?? ""].filter((topic) => topic !== ""));
      }
    },
    { isActive },
  );
  const line = (index: number, text: string, note: string, box: string) => (
    <Text key={index} color={index === cursor ? theme.accent : undefined} bold={index === cursor}>
      {index === cursor ? "❯ " : "  "}
      {box}
      {text}
      <Text color={theme.muted}>{`  ${note}`}</Text>
    </Text>
  );
  return (
    <Box flexDirection="column">
      {line(0, "Every topic", ticked.size > 0 ? `or the ${ticked.size} ticked` : "", "")}
      {rows.map((row, index) => line(index + 1, row.label, row.note, ticked.has(row.topic) ? "[x] " : "[ ] "))}
    </Box>
  );
};
