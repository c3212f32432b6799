import { Box, Text } from "ink";
import type { HandsOn } from "../../content/schema/lesson";
import { codeView } from "../../handson/code-view";
import { renderAction, type Variables } from "../../handson/template";
import type { Target } from "../../targets/target";
import { useTheme } from "../theme";

export type CodeTab = "typescript" | "cli";

/**
 * A long command split before its options with shell line continuations, so it fits the
 * screen and still pastes as one command (a wrapped line would paste as two).
 */
export const continuedCommand = (command: string, width: number): string =>
  command
    .split("\n")
    .map((line) => (line.length <= width ? line : line.replace(/ (?=--[a-z])/g, " \\\n    ")))
    .join("\n");

/**
 * The step's solution as code the learner can run in their own terminal, aimed at this target:
 * the TypeScript SDK, or the AWS CLI with --endpoint-url and --region. Values not saved yet stay
 * as {{placeholders}}.
 */
export const CodeTabs = ({ step, target, variables, tab, width }: { step: HandsOn; target: Target; variables: Variables; tab: CodeTab; width: number }) => {
  const theme = useTheme();
  const views = step.solve.map((action) => codeView(renderAction(action, variables, "keep"), target, step.as));
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold={tab === "typescript"} color={tab === "typescript" ? theme.accent : theme.muted} inverse={tab === "typescript"}>
          {" TypeScript SDK "}
        </Text>{" "}
        <Text bold={tab === "cli"} color={tab === "cli" ? theme.accent : theme.muted} inverse={tab === "cli"}>
          {" AWS CLI "}
        </Text>
        <Text color={theme.muted}> (tab switches)</Text>
      </Text>
      {views.map((view, index) => (
        <Box key={index} marginTop={1}>
          <Text color={theme.code} wrap="wrap">
            {tab === "typescript" ? view.typescript : continuedCommand(view.cli, width)}
          </Text>
        </Box>
      ))}
    </Box>
  );
};
