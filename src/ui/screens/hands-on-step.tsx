import { Box, Text, useInput } from "ink";
import Spinner from "ink-spinner";
import { useEffect, useMemo, useRef, useState } from "react";
import type { PhaseResult } from "../../handson/results";
import { useServices } from "../app-context";
import { Checklist } from "../components/checklist";
import { CodeTabs } from "../components/code-tabs";
import { useMarkdownLines } from "../components/markdown";
import { AnswerPrompt } from "../components/answer-prompt";
import { TextRows } from "../components/text-rows";
import { questionsOf } from "../../handson/runner";
import { useHandsOn, type LessonVariables, type RestoredLab, type StepPlace } from "../hooks/use-hands-on";
import { commandFor } from "../keys/bindings";
import { fillForShow } from "../stand-ins";
import { useTheme } from "../theme";
import { failedExpectations, type FailedExpectation } from "../../handson/failed-expectations";

/** What a hands-on step tells the room (the lesson player adds where it happened). */
export type StepReport = { kind: "stepEntered" | "checkPassed" | "hint" | "solve" } | { kind: "checkFailed"; failed: FailedExpectation[] };

export interface HandsOnStepProps {
  /** The step and where it sits in the lesson (to name it for the command line and to tell a lost lab). */
  where: StepPlace;
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
  /** Told while the learner types answers, so letters are not the lesson's keys. */
  onTyping?: (typing: boolean) => void;
  /** Told what each run (setup, solve, check) found, e.g. for the world panel's taken names. */
  onResults?: (results: PhaseResult[]) => void;
  /** In a workshop: what the participant does here, for the room. */
  report?: (activity: StepReport) => void;
  width: number;
}

const ACTIVITY_WORDS = {
  starting: "Starting the target",
  restoring: "Re-creating what earlier steps made",
  setup: "Preparing the step",
  solve: "Doing it for you",
  check: "Checking",
  cleanup: "Cleaning up",
} as const;

/** The hands-on panel: goal, hint, do it for me, the code, check, and the checklist. */
export const HandsOnStep = (props: HandsOnStepProps) => {
  const { where, variables, isActive, hintShown, passedBefore, width } = props;
  const { step } = where.place;
  const lessonId = where.lesson.id;
  const { session } = useServices();
  const theme = useTheme();
  const { view, solve, check } = useHandsOn(where, session, variables, passedBefore);
  const [showCode, setShowCode] = useState(false);
  const questions = useMemo(() => questionsOf(step), [step]);
  const [answering, setAnswering] = useState(false);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  // Keys can arrive between a render and Ink re-binding this handler: read the latest view.
  const latest = useRef(view);
  latest.current = view;

  useEffect(() => {
    props.report?.({ kind: "stepEntered" });
  }, []);
  useEffect(() => {
    if (view.notApplicable) props.onApplicable(false);
  }, [view.notApplicable]);
  useEffect(() => {
    props.onCodeShown?.(showCode);
  }, [showCode]);
  useEffect(() => {
    props.onTyping?.(answering);
  }, [answering]);
  useEffect(() => {
    if (view.last) props.onResults?.(view.last.results);
  }, [view.last]);

  useInput(
    (input, key) => {
      const command = commandFor("lesson", input, key);
      if (command === "hint") {
        if (!hintShown && step.hint) props.report?.({ kind: "hint" });
        props.onHint();
      }
      else if (command === "code") setShowCode((shown) => !shown);
      // Solve and check also work while a check waits: they stop it and start afresh.
      else if (latest.current.notApplicable || ["starting", "restoring", "setup"].includes(latest.current.activity)) return;
      else if (command === "solve") {
        props.report?.({ kind: "solve" });
        props.onSolved();
        // A step that asks: doing it for them also ran the check, which the room hears as passed.
        void solve().then((passed) => {
          if (questions.length === 0 || !passed) return;
          props.report?.({ kind: "checkPassed" });
          props.onChecked(true);
        });
      } else if (command === "check") {
        // Answers are asked for once the rest holds; after a wrong answer, c asks again.
        if (questions.length > 0 && onlyAnswersFail(latest.current.last?.results)) setAnswering(true);
        else void check(answers).then(afterCheck);
      }
    },
    { isActive: isActive && !answering },
  );
  const submitAnswers = (given: Record<string, string>) => {
    setAnswering(false);
    setAnswers(given);
    void check(given).then(afterCheck);
  };
  /** What the check lacks is only the learner's answers: ask for them at once. */
  const afterCheck = (results: PhaseResult[] | undefined) => {
    if (!results) return; // stopped by a newer solve or check, or the target failed (shown)
    const passed = results.every((phase) => phase.pass);
    props.report?.(passed ? { kind: "checkPassed" } : { kind: "checkFailed", failed: failedExpectations(results) });
    props.onChecked(passed);
    if (!passed && onlyAnswersFail(results, true)) setAnswering(true);
  };

  const lessonVariables = view.variables;
  // Until the target is ready (or when it cannot be reached), placeholders show stand-ins such as <your prefix>.
  const fill = (text: string): string => fillForShow(text, lessonVariables, session.settings.region ?? "eu-west-1");
  const goal = useMarkdownLines(fill(step.goal), width, theme);
  const hint = useMarkdownLines(fill(step.hint ?? ""), width, theme);
  const lastPassed = view.last?.results.every((phase) => phase.pass);
  return (
    <Box flexDirection="column">
      <Text bold color={theme.heading}>
        ▶ {step.title}
      </Text>
      <Text color={theme.muted} wrap="truncate-end">
        {`hands-on ${where.place.number} · in your shell: s3-tutor check ${lessonId} ${step.id ?? where.place.number}`}
      </Text>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Goal</Text>
        <TextRows lines={goal} width={width} />
      </Box>
      {hintShown && step.hint ? (
        <Box flexDirection="column">
          <Text bold color={theme.warning}>
            Hint
          </Text>
          <TextRows lines={hint} width={width} />
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

      {view.restored ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold color={view.restored.preparation.pass ? theme.warning : theme.failure}>
            {view.restored.preparation.pass ? "! The lab had lost what earlier steps made" : "✗ The lab had lost what earlier steps made, and not all of it could be re-created"}
          </Text>
          <Text wrap="wrap">{`Found missing: ${view.restored.lost}. s3-tutor ran the solutions of the earlier steps again (${restoredSteps(view.restored)}), so this step starts where it should.`}</Text>
          {view.restored.preparation.pass ? null : <Checklist phases={view.restored.preparation.earlier.flatMap((earlier) => earlier.phases).filter((phase) => !phase.pass)} />}
        </Box>
      ) : null}

      {answering ? (
        <AnswerPrompt questions={questions} previous={answers} fill={fill} isActive={isActive} onDone={submitAnswers} onCancel={() => setAnswering(false)} />
      ) : null}

      {view.activity !== "idle" ? (
        <Box marginTop={1} flexDirection="column">
          <Text color={theme.accent}>
            <Spinner type="dots" /> {ACTIVITY_WORDS[view.activity]}…
          </Text>
          {view.activity === "check" || view.activity === "solve" ? (
            <Text color={theme.muted}>c checks again and s does it for you, stopping this wait.</Text>
          ) : null}
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
          {view.last.phase === "check" && !lastPassed && onlyAnswersFail(view.last.results) ? (
            <Text color={theme.muted}>c asks again; your answers are kept to edit.</Text>
          ) : view.last.phase === "check" && !lastPassed ? (
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

/** "steps 1–3" or "steps 1, 2 and 4": the earlier steps that ran again. */
const restoredSteps = (restored: RestoredLab): string => {
  const numbers = restored.preparation.earlier.filter((earlier) => !earlier.notApplicable).map((earlier) => earlier.place.number);
  if (numbers.length === 0) return "none needed";
  if (numbers.length === 1) return `step ${numbers[0]}`;
  const consecutive = numbers.every((number, index) => index === 0 || number === (numbers[index - 1] ?? 0) + 1);
  return consecutive ? `steps ${numbers[0]}–${numbers.at(-1)}` : `steps ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
};

/**
 * Whether every failing item of a check judges an answer (all of them unanswered, with
 * `unansweredOnly`), so the next move is to answer, not to fix the work.
 */
const onlyAnswersFail = (results: readonly PhaseResult[] | undefined, unansweredOnly = false): boolean => {
  if (!results) return false;
  const failing = results.flatMap((phase) => phase.actions.flatMap((action) => action.items.filter((item) => !item.pass)));
  return failing.length > 0 && failing.every((item) => item.answerTo !== undefined && (!unansweredOnly || item.unanswered === true));
};
