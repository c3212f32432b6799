import { Box, Text } from "ink";
import { useWindowSize } from "../hooks/use-window-size";
import { BINDINGS, SCREEN_TITLES, type ScreenName } from "../keys/bindings";
import { layoutLines, readableWidth } from "../text-layout";
import { useTheme } from "../theme";

const KEY_COLUMNS = 12;

/** Every key, from the key-binding table: the ones for this screen first, then the rest. */
export const Help = ({ screen }: { screen: ScreenName }) => {
  const theme = useTheme();
  // A description wraps under itself, not under the key (the help has a column of margin each side).
  const textWidth = readableWidth(useWindowSize().columns - 2) - KEY_COLUMNS;
  const here = BINDINGS.filter((binding) => binding.screens.includes(screen));
  const elsewhere = BINDINGS.filter((binding) => !binding.screens.includes(screen));
  const row = (binding: (typeof BINDINGS)[number], where?: string) => (
    <Box key={binding.command}>
      <Box width={KEY_COLUMNS} flexShrink={0}>
        <Text bold color={theme.key}>
          {binding.label}
        </Text>
      </Box>
      <Box width={Math.max(10, textWidth)} flexShrink={0}>
        <Text>{layoutLines(where ? `${binding.description} (${where})` : binding.description, Math.max(10, textWidth)).join("\n")}</Text>
      </Box>
    </Box>
  );
  return (
    <Box flexDirection="column">
      <Text bold color={theme.heading}>
        Keys on this screen ({SCREEN_TITLES[screen]})
      </Text>
      {here.map((binding) => row(binding))}
      {elsewhere.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold color={theme.heading}>
            On other screens
          </Text>
          {elsewhere.map((binding) => row(binding, binding.screens.map((name) => SCREEN_TITLES[name].toLowerCase()).join(", ")))}
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text color={theme.muted}>↑/↓, PgUp/PgDn, home and end scroll; any other key closes help.</Text>
      </Box>
    </Box>
  );
};
