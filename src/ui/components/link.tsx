import { Box, Text } from "ink";
import { hyperlink } from "../text-layout";
import { useTheme } from "../theme";

/**
 * "Source: https://…": the URL is never split across lines (half a URL cannot be clicked or
 * copied). It goes to the next line when it does not fit after the label, and a URL wider than
 * the whole line is cut at the edge with "…", where the terminal's hyperlink still opens all of it.
 */
export const LabelledLink = ({ label, url }: { label: string; url: string }) => {
  const theme = useTheme();
  return (
    <Box flexWrap="wrap">
      <Box marginRight={1} flexShrink={0}>
        <Text color={theme.link}>{label}</Text>
      </Box>
      <Text color={theme.link} wrap="truncate-end">
        {theme.hyperlinks ? hyperlink(url, url) : url}
      </Text>
    </Box>
  );
};
