import { Box, Text } from "ink";
import { BINDINGS, SCREEN_TITLES, type ScreenName } from "../keys/bindings";
import { useTheme } from "../theme";

/** Every key, from the key-binding table: the ones for this screen first, then the rest. */
export const Help = ({ screen }: { screen: ScreenName }) => {
  const theme = useTheme();
  const here = BINDINGS.filter((binding) => binding.screens.includes(screen));
  const elsewhere = BINDINGS.filter((binding) => !binding.screens.includes(screen));
  const row = (binding: (typeof BINDINGS)[number]) => (
    <Text key={binding.command} wrap="truncate-end">
      <Text bold color={theme.key}>
        {binding.label.padEnd(12)}
      </Text>
      {binding.description}
    </Text>
  );
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>
        Keys on this screen ({SCREEN_TITLES[screen]})
      </Text>
      {here.map(row)}
      {elsewhere.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold color={theme.heading}>
            On other screens
          </Text>
          {elsewhere.map((binding) => (
            <Text key={binding.command} wrap="truncate-end">
              <Text bold color={theme.key}>
                {binding.label.padEnd(12)}
              </Text>
              {binding.description}
              <Text color={theme.muted}> ({binding.screens.map((name) => SCREEN_TITLES[name].toLowerCase()).join(", ")})</Text>
            </Text>
          ))}
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text color={theme.muted}>↑/↓, PgUp/PgDn, home and end scroll; any other key closes help.</Text>
      </Box>
    </Box>
  );
};
