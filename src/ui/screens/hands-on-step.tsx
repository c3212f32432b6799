import { Box, Text, useInput } from "ink";
import Spinner from "ink-spinner";
import { useEffect, useRef, useState } from "react";
import type { HandsOn } from "../../content/schema/lesson";
import { useServices } from "../app-context";
import { Checklist } from "../components/checklist";
import { CodeTabs } from "../components/code-tabs";
import { renderString } from "../../handson/template";
import { useMarkdownLines } from "../components/markdown";
import { useHandsOn, type LessonVariables } from "../hooks/use-hands-on";
import { commandFor } from "../keys/bindings";
import { useTheme } from "../theme";

export interface HandsOnStepProps {
  step: HandsOn;
  lessonId: string;
  variables: LessonVariables;
  isActive: boolean;
  hintShown: boolean;
  passedBefore: boolean;
  onHint: () => void;
  onSolved: () => void;
  onChecked: (passed: boolean) => void;
  /** Told whether the step can run on this target, so "next" can pass over one that cannot. */
  onApplicable: (applicable: boolean) => void;
  /** Told when the code view opens or closes, so the status bar can show its keys. */
  onCodeShown?: (shown: boolean) => void;
  width: number;
}

const ACTIVITY_WORDS = { starting: "Starting the target", setup: "Preparing the step", solve: "Doing it for you", check: "Checking", cleanup: "Cleaning up" } as const;

/** The hands-on panel: goal, hint, do it for me, the code, check, and the checklist. */
export const HandsOnStep = (props: HandsOnStepProps) => {
  const { step, lessonId, variables, isActive, hintShown, passedBefore, width } = props;
  const { session } = useServices();
  const theme = useTheme();
  const { view, solve, check } = useHandsOn(step, lessonId, session, variables, passedBefore);
  const [showCode, setShowCode] = useState(false);
  // Keys can arrive between a render and Ink re-binding this handler: read the latest view.
  const latest = useRef(view);
  latest.current = view;

  useEffect(() => {
    if (view.notApplicable) props.onApplicable(false);
  }, [view.notApplicable]);
  useEffect(() => {
    props.onCodeShown?.(showCode);
  }, [showCode]);

  useInput(
    (input, key) => {
      const command = commandFor("lesson", input, key);
      if (command === "hint") props.onHint();
      else if (command === "code") setShowCode((shown) => !shown);
      else if (latest.current.notApplicable || latest.current.activity !== "idle") return;
      else if (command === "solve") {
        props.onSolved();
        void solve();
      } else if (command === "check") void check().then(props.onChecked);
    },
    { isActive },
  );

  const lessonVariables = view.variables;
  // Until the target is ready, {{placeholders}} show as written.
  const fill = (text: string): string => (lessonVariables ? String(renderString(text, lessonVariables, "the goal", "keep")) : text);
  const goal = useMarkdownLines(fill(step.goal), width, theme.colour);
  const hint = useMarkdownLines(fill(step.hint ?? ""), width, theme.colour);
  const lastPassed = view.last?.results.every((phase) => phase.pass);
  return (
    <Box flexDirection="column">
      <Text bold color={theme.heading}>
        ▶ {step.title}
      </Text>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Goal</Text>
        <Text>{goal.join("\n")}</Text>
      </Box>
      {hintShown && step.hint ? (
        <Box flexDirection="column">
          <Text bold color={theme.warning}>
            Hint
          </Text>
          <Text>{hint.join("\n")}</Text>
        </Box>
      ) : null}

      {view.targetProblem ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color={theme.failure} wrap="wrap">
            ✗ {view.targetProblem.message}
          </Text>
          {view.targetProblem.fix ? <Text wrap="wrap">{view.targetProblem.fix}</Text> : null}
          <Text color={theme.muted}>Change the target from the home screen (esc), or skip this step (S).</Text>
        </Box>
      ) : null}

      {view.notApplicable ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold color={theme.warning}>
            Not on this target
          </Text>
          <Text wrap="wrap">This step {view.notApplicable.reason}</Text>
          <Text color={theme.muted}>Press n to go on.</Text>
        </Box>
      ) : null}

      {view.activity !== "idle" ? (
        <Box marginTop={1} flexDirection="column">
          <Text color={theme.accent}>
            <Spinner type="dots" /> {ACTIVITY_WORDS[view.activity]}…
          </Text>
          {view.progress ? (
            <Text color={theme.muted} wrap="wrap">
              {`  waiting: ${view.progress.action.label ?? view.progress.action.call}, try ${view.progress.attempt}, ${(view.progress.elapsedMs / 1000).toFixed(1)} s of ${(view.progress.withinMs / 1000).toFixed(0)} s${view.progress.lastReason ? `: ${view.progress.lastReason}` : ""}`}
            </Text>
          ) : null}
        </Box>
      ) : null}

      {view.last && view.activity === "idle" ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>
            {view.last.phase === "solve" ? "Done for you:" : view.last.phase === "setup" ? "Prepared:" : "Check:"}
          </Text>
          <Checklist phases={view.last.results} />
          {view.last.phase === "solve" && lastPassed ? <Text color={theme.muted}>Now press c to check.</Text> : null}
          {view.last.phase === "check" && !lastPassed ? (
            <Text color={theme.muted}>Fix it and press c again, ask for the hint (h), or let it be done for you (s).</Text>
          ) : null}
        </Box>
      ) : null}

      {view.passed && view.activity === "idle" && !view.notApplicable ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold color={theme.success}>
            ✓ Step passed. Press n for the next step.
          </Text>
          {step.explain ? <Text wrap="wrap">{step.explain}</Text> : null}
        </Box>
      ) : null}

      {showCode && view.target && lessonVariables ? (
        <Box marginTop={1}>
          <CodeTabs step={step} lessonId={lessonId} target={view.target} variables={lessonVariables} width={width} isActive={isActive} />
        </Box>
      ) : showCode ? (
        <Box marginTop={1}>
          <Text color={theme.muted}>The code shows once the target has started…</Text>
        </Box>
      ) : null}
      {!view.notApplicable && !view.passed && view.activity === "idle" && !view.last ? (
        <Box marginTop={1}>
          <Text color={theme.muted} wrap="wrap">
            Do it yourself (v shows the code), then press c to check; or press s and it is done for you.
          </Text>
        </Box>
      ) : null}
    </Box>
  );
};
