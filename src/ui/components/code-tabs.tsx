import { Box, Text, useInput, useStdout } from "ink";
import { useRef, useState } from "react";
import type { HandsOn } from "../../content/schema/lesson";
import { stepCode } from "../../handson/code-view";
import { renderAction, type Variables } from "../../handson/template";
import { codeFilePath, saveCodeFile } from "../../store/code-files";
import type { Target } from "../../targets/target";
import { osc52 } from "../clipboard";
import { CUT_LEFT, CUT_RIGHT, lineWidth, maxOffset, stepSideways, viewLine } from "../code-viewport";
import { commandFor } from "../keys/bindings";
import { useTheme } from "../theme";

export type CodeTab = "typescript" | "cli";

const TAB_NAMES: Record<CodeTab, string> = { typescript: "TypeScript SDK", cli: "AWS CLI" };

type Copied = { tab: CodeTab; path: string } | { tab: CodeTab; error: string };

/** The comment at the top of a saved script: what it is, and where it acts. */
const scriptAbout = (step: HandsOn, lessonId: string, target: Target): string[] => [
  `s3-tutor, lesson ${lessonId}: ${step.title}`,
  target.name === "sandbox"
    ? "Acts on the sandbox inside s3-tutor: run it while s3-tutor is open (the port changes at each start)."
    : target.name === "localstack"
      ? `Acts on LocalStack at ${target.endpoint ?? "its endpoint"}.`
      : "Acts on your AWS account, with the credentials your shell has.",
];

export interface CodeTabsProps {
  step: HandsOn;
  lessonId: string;
  target: Target;
  variables: Variables;
  width: number;
  isActive: boolean;
}

/**
 * The step's solution as code the learner can run in their own terminal, aimed at this target:
 * the TypeScript SDK, or the AWS CLI with --endpoint-url and --region. In the program, a value an
 * earlier call saves is read from that call's output; elsewhere values not saved yet stay as
 * {{placeholders}}. No line of code is ever wrapped (it would copy as two): long commands are
 * split with line continuations, and what is still too wide is cut at the edge with a marker
 * and scrolls sideways. y saves the code to a file and sends it to the terminal's clipboard.
 */
export const CodeTabs = ({ step, lessonId, target, variables, width, isActive }: CodeTabsProps) => {
  const theme = useTheme();
  const { write } = useStdout();
  const [tab, setTab] = useState<CodeTab>("typescript");
  const [offset, setOffset] = useState(0);
  const [copied, setCopied] = useState<Copied | undefined>();

  const code = stepCode(
    step.solve.map((action) => renderAction(action, variables, "keep")),
    target,
    { width, stepIdentity: step.as, about: scriptAbout(step, lessonId, target) },
  );
  const shown = tab === "typescript" ? code.typescript : code.cli;
  const lines = shown.split("\n");
  const copiedHere = copied?.tab === tab ? copied : undefined;
  const savedPath = copiedHere && "path" in copiedHere ? copiedHere.path : undefined;
  const limit = maxOffset(savedPath ? [...lines, savedPath] : lines, width);
  const at = Math.min(offset, limit);
  // Keys can arrive before Ink re-binds this handler: read the latest limit.
  const latestLimit = useRef(limit);
  latestLimit.current = limit;

  const copy = async (which: CodeTab, text: string) => {
    const path = codeFilePath(lessonId, step.title, which === "typescript" ? "ts" : "sh");
    // Through Ink, which clears its frame, writes, and draws the frame again: nothing torn.
    write(osc52(text));
    // The path is read from its start, like the code above it.
    setOffset(0);
    try {
      await saveCodeFile(path, which === "typescript" ? `${text}\n` : code.cliScript, which === "cli");
      setCopied({ tab: which, path });
    } catch (error) {
      setCopied({ tab: which, error: `Could not save the code to ${path} (${(error as Error).message}); it went to the clipboard if the terminal allows OSC 52.` });
    }
  };

  useInput(
    (input, key) => {
      const command = commandFor("lesson", input, key);
      if (command === "codeTab") {
        setTab((current) => (current === "typescript" ? "cli" : "typescript"));
        setOffset(0);
      } else if (command === "codeScroll") {
        setOffset((current) => stepSideways(current, key.leftArrow ? -1 : 1, latestLimit.current, width));
      } else if (command === "top") setOffset(0);
      // In the code view home and end are sideways: the page scrolls with PgUp/PgDn and j/k.
      else if (command === "bottom") setOffset(latestLimit.current); else if (command === "copyCode") void copy(tab, shown);
    },
    { isActive },
  );

  const cut = at > 0 || lines.some((line) => lineWidth(line) > width);
  const tabLabel = (which: CodeTab) => {
    const selected = tab === which;
    return (
      <Text bold={selected} color={selected ? theme.accent : theme.muted} inverse={selected && theme.colour}>
        {selected ? `[${TAB_NAMES[which]}]` : ` ${TAB_NAMES[which]} `}
      </Text>
    );
  };
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {tabLabel("typescript")} {tabLabel("cli")}
        <Text color={theme.muted}> tab switches</Text>
      </Text>
      <Box marginTop={1} flexDirection="column">
        {lines.map((line, index) => (
          <Text key={index} color={theme.code} wrap="truncate-end">
            {viewLine(line, at, width) || " "}
          </Text>
        ))}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {cut ? (
          <Text color={theme.muted} wrap="wrap">
            {`${CUT_RIGHT} and ${CUT_LEFT} mark where a line goes on: ←/→ scroll sideways${at > 0 ? ", home back to the start" : ""}.`}
          </Text>
        ) : null}
        {copiedHere && "error" in copiedHere ? (
          <Text color={theme.failure} wrap="wrap">
            ✗ {copiedHere.error}
          </Text>
        ) : savedPath ? (
          <>
            <Text color={theme.success} wrap="wrap">
              {tab === "cli" ? "✓ Saved as a script (sh runs it):" : "✓ Saved to a file:"}
            </Text>
            <Text wrap="truncate-end">{viewLine(savedPath, at, width)}</Text>
            <Text color={theme.muted} wrap="wrap">
              The code shown went to the clipboard too, but only in terminals that allow OSC 52; the file always works.
            </Text>
          </>
        ) : (
          <Text color={theme.muted} wrap="wrap">
            y copies this code: to a file, and to the clipboard in terminals that allow OSC 52.
          </Text>
        )}
      </Box>
    </Box>
  );
};
