import { Box, Text, useInput } from "ink";
import type { Confirmation } from "../app-context";
import { useTheme } from "../theme";

/** A yes/no question over the screen; only y, n and esc answer it. */
export const ConfirmDialog = ({ confirmation, onDone }: { confirmation: Confirmation; onDone: () => void }) => {
  const theme = useTheme();
  useInput((input, key) => {
    const yes = input === "y" || input === "Y";
    if (yes || input === "n" || input === "N" || key.escape) {
      onDone();
      confirmation.onAnswer(yes);
    }
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.warning} paddingX={1}>
      <Text bold wrap="wrap">
        {confirmation.title}
      </Text>
      {(confirmation.lines ?? []).map((line, index) => (
        <Text key={index} wrap="wrap">
          {"  "}
          {line}
        </Text>
      ))}
      <Text>
        <Text bold color={theme.key}>
          y
        </Text>{" "}
        yes ·{" "}
        <Text bold color={theme.key}>
          n
        </Text>{" "}
        no
      </Text>
    </Box>
  );
};
