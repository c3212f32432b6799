import { Box, Text } from "ink";
import type { TargetOptions } from "../../targets/options";
import type { TargetStatus } from "../../targets/target-session";
import { statusBarKeys, statusBarRows, statusBarText, type Command, type ScreenName, type ShownKey } from "../keys/bindings";
import { useTheme } from "../theme";

export interface StatusBarProps {
  screen: ScreenName;
  target: TargetOptions;
  status: TargetStatus;
  width: number;
  /** The keys to show instead of the screen's usual ones (e.g. while a question waits for text). */
  keys?: readonly Command[];
}

const targetText = (target: TargetOptions, status: TargetStatus): string => {
  const region = target.region ?? "eu-west-1";
  const where = `${target.label ?? target.target} · ${region}`;
  switch (status.state) {
    case "idle":
      return `${where} · not started`;
    case "starting":
      return `${where} · starting…`;
    case "ready":
      return `${where} · account ${status.account}`;
    case "failed":
      return `${where} · not reachable`;
  }
};

/** The bottom line: where hands-on steps run, and the keys of this screen. */
export const StatusBar = ({ screen, target, status, width, keys }: StatusBarProps) => {
  const theme = useTheme();
  const rows = statusBarRows(statusBarKeys(screen, keys), width);
  return (
    <Box flexDirection="column" width={width}>
      <Text color={theme.muted} wrap="truncate-end">
        {"─".repeat(Math.max(0, width))}
      </Text>
      <Box>
        <Text color={status.state === "failed" ? theme.failure : theme.accent} wrap="truncate-end">
          {targetText(target, status)}
        </Text>
      </Box>
      <KeyRows rows={rows} />
    </Box>
  );
};

/** Keys laid out in rows (statusBarRows): each key's label stands out, then its word. */
export const KeyRows = ({ rows }: { rows: readonly (readonly ShownKey[])[] }) => {
  const theme = useTheme();
  return (
    <>
      {rows.map((row, rowIndex) => (
        <Text key={rowIndex} wrap="truncate-end">
          {row.map((binding, index) => (
            <Text key={`${index}-${binding.label}`}>
              {index > 0 ? <Text color={theme.muted}> · </Text> : null}
              <Text bold color={theme.key}>
                {binding.label}
              </Text>
              {statusBarText(binding).slice(binding.label.length)}
            </Text>
          ))}
        </Text>
      ))}
    </>
  );
};

/** Rows the status bar takes: the rule, the target, and the keys' rows. */
export const statusBarHeight = (screen: ScreenName, keys: readonly Command[] | undefined, width: number): number =>
  2 + statusBarRows(statusBarKeys(screen, keys), width).length;
