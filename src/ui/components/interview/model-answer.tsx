import { Box, Text } from "ink";
import { useMarkdownLines } from "../markdown";
import { TextRows } from "../text-rows";
import { useTheme } from "../../theme";

/** The model answer, rendered as the lessons render their Markdown. */
export const ModelAnswer = ({ markdown, width, isActive }: { markdown: string; width: number; isActive: boolean }) => {
  const theme = useTheme();
  const lines = useMarkdownLines(markdown, width, theme);
  return (
    <Box flexDirection="column">
      <Text bold color={theme.heading}>
        A strong answer
      </Text>
      <TextRows lines={lines} width={width} sideways={isActive} />
    </Box>
  );
};
