import { Box, Text } from "ink";
import { statusBarRows, type ShownKey } from "../../keys/bindings";
import { useTheme } from "../../theme";
import { KeyRows } from "../status-bar";

/** The rule and the console's keys, in rows that fit (a key never split), as the app's status bar. */
export const RoomKeys = ({ keys, width }: { keys: readonly ShownKey[]; width: number }) => {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text color={theme.muted} wrap="truncate-end">
        {"─".repeat(Math.max(0, width))}
      </Text>
      <KeyRows rows={statusBarRows(keys, width)} />
    </Box>
  );
};

export const roomKeysHeight = (keys: readonly ShownKey[], width: number): number => 1 + statusBarRows(keys, width).length;
