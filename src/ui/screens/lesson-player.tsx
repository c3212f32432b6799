import { Box, Text, useInput } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import { isHandsOnStep, isQuizStep, isReadStep } from "../../content/step-kinds";
import type { HandsOn, Lesson } from "../../content/schema/lesson";
import { lessonChoiceOrders, lessonPurpose, presentQuestion, toOriginalAnswer } from "../../engine/choice-order";
import { grade, type Answer, type Grade } from "../../engine/grading";
import { saveFlag } from "../../engine/quiz-recording";
import { isLessonComplete, lessonReducer, lessonScore, startLesson, stepKind, type LessonEvent, type LessonState } from "../../engine/lesson-session";
import { useServices } from "../app-context";
import { Checklist } from "../components/checklist";
import { MARKED_RIGHT_NOTICE, MarkRightLines } from "../components/mark-right";
import { ScrollArea, useScroll } from "../components/scroll-area";
import { useMarkdownLines } from "../components/markdown";
import { QuestionView } from "../components/question-view";
import { TextRows } from "../components/text-rows";
import { readableWidth } from "../text-layout";
import { cleanUpLesson, type LessonVariables } from "../hooks/use-hands-on";
import type { PhaseResult } from "../../handson/results";
import { commandFor, type Command } from "../keys/bindings";
import { savedState } from "../progress-view";
import { useTheme } from "../theme";
import { handsOnPlaces, type HandsOnPlace } from "../../handson/restore";
import { HandsOnStep, type StepReport } from "./hands-on-step";
import { ScoreExplained } from "../components/score-explained";
import { nextLesson } from "../next-lesson";
import { WorldPanel } from "../components/world/world-panel";
import { useWorld } from "../hooks/use-world";
import { takenNamesIn } from "../hooks/taken-names";
import { worldPlacement, type WorldOpened } from "./world-placement";

export interface LessonPlayerProps {
  lesson: Lesson;
  isActive: boolean;
  width: number;
  height: number;
  /** In a workshop: the agenda's block this lesson is (named in what the room is told). */
  block?: string;
  /** Only these steps (indices into the lesson's steps, in order): a block of chosen hands-on steps. */
  steps?: readonly number[];
  /** Opens at this step (an index), wherever the saved progress was: `lesson --step`, the interview report. */
  startAt?: number;
}

const STEP_MARK = { done: "✓", skipped: "–", pending: "·" } as const;

/** The keys worth showing for what is on screen: fewer, so they fit in 80 columns. */
const statusKeysFor = (what: "recap" | "read" | "quiz" | "handsOn", pending: boolean, codeShown: boolean, markable: boolean, worldInPlace: boolean): Command[] => {
  // The world in place of the step: w brings the step back, and the step's keys still act.
  if (worldInPlace) return what === "handsOn" ? ["world", "solve", "check", "next", "menu", "help", "quit"] : ["world", "next", "back", "menu", "help", "quit"];
  if (what === "recap") return ["next", "cleanup", "back", "menu", "help", "quit"];
  if (what === "quiz" && markable) return ["next", "markRight", "back", "menu", "help", "quit"];
  if (what === "quiz") return pending ? ["select", "skip", "back", "menu", "help", "quit"] : ["next", "back", "menu", "help", "quit"];
  if (what === "handsOn" && codeShown) return ["codeTab", "codeScroll", "copyCode", "code", "menu", "help", "quit"];
  if (what === "handsOn") return ["hint", "solve", "check", "code", "next", "menu", "help", "quit"];
  return ["next", "back", "menu", "help", "quit"];
};

/** A lesson, one step at a time: read, answer, do and check; then the recap. */
export const LessonPlayer = ({ lesson, isActive, width, height, block, steps, startAt }: LessonPlayerProps) => {
  const { catalog, progress, quizStores, notify, setStatusKeys, session, randomFor, reportActivity } = useServices();
  const theme = useTheme();
  const [state, setState] = useState<LessonState>(() => {
    const resumed = startLesson(lesson, savedState(lesson, progress.data));
    return startAt === undefined ? resumed : lessonReducer(lesson, resumed, { type: "goto", index: startAt });
  });
  // Options shown shuffled, graded by their place in the file (as in the quizzes).
  const [choiceOrders] = useState(() => lessonChoiceOrders(lesson, catalog.questions, randomFor(lessonPurpose(lesson.id))));
  const [finished, setFinished] = useState(false);
  const [grades, setGrades] = useState<ReadonlyMap<number, Grade>>(new Map());
  const [applicable, setApplicable] = useState(true);
  const [codeShown, setCodeShown] = useState(false);
  const [typing, setTyping] = useState(false);
  // Read steps whose hidden part (reveal:) the learner has asked for, by step index.
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());
  // Whether this visit has looked at the lab yet (a resumed lesson may find it gone).
  const lab = useRef({ looked: false }).current;
  // Made once: a step object that changed on every render would run its setup again each time.
  const places = useMemo(() => handsOnPlaces(lesson, { name: session.settings.target }), [lesson, session.settings.target]);
  const variables = useRef<LessonVariables>(new Map()).current;
  const bodyHeight = Math.max(3, height - 2);
  // The world panel (w, or a step's `show: world`): beside the step in a wide window, else in its place.
  const [worldOpened, setWorldOpened] = useState<WorldOpened>("no");
  const placement = worldPlacement(width, worldOpened);
  // Text stops at a readable width, however wide the window (a margin of one column each side).
  const textWidth = readableWidth(placement.stepColumns);
  // A target that failed to start is not started again every second for the panel: the step says why.
  const worldTarget = useCallback(() => {
    const status = session.status;
    return status.state === "failed" ? Promise.reject(new Error(status.message)) : session.ready();
  }, [session]);
  // Names the learner tried that another account holds: only what the steps ran can tell.
  const [takenNames, setTakenNames] = useState<readonly string[]>([]);
  const noteTaken = useCallback((results: PhaseResult[]) => {
    const found = takenNamesIn(results);
    setTakenNames((known) => (found.every((name) => known.includes(name)) ? known : [...new Set([...known, ...found])]));
  }, []);
  // Read while it is on screen: not under help or a dialog, not once hidden.
  const world = useWorld(worldTarget, worldOpened !== "no" && isActive, { takenNames });
  const scroll = useScroll(bodyHeight);
  const dispatch = (event: LessonEvent) => setState((current) => lessonReducer(lesson, current, event));

  useEffect(() => {
    void progress.saveLesson(lesson.id, state as unknown as Record<string, unknown>, isLessonComplete(state));
  }, [state, lesson.id, progress]);
  useEffect(() => {
    if (state.notice) notify(state.notice);
  }, [state.notice, notify]);
  useEffect(() => {
    scroll.toTop();
    setApplicable(true);
    setCodeShown(false);
    setTyping(false);
    // A step's `show: world` opens the panel, and it goes with that step; opened with w, it stays.
    const entered = lesson.steps[state.index];
    const shows = !finished && entered !== undefined && isHandsOnStep(entered) && entered.handsOn.show === "world";
    setWorldOpened((opened) => (shows ? (opened === "no" ? "byStep" : opened) : opened === "byStep" ? "no" : opened));
  }, [state.index, finished]);

  // A block of chosen steps: moving onto a step it did not choose goes on to the next chosen one
  // (or back to the one before), and "next" on the last chosen step leads to the recap.
  const cameFrom = useRef(state.index);
  useEffect(() => {
    if (!steps || steps.includes(state.index)) {
      cameFrom.current = state.index;
      return;
    }
    const forward = state.index > cameFrom.current;
    const chosen = forward ? steps.find((index) => index > state.index) : [...steps].reverse().find((index) => index < state.index);
    if (chosen !== undefined) dispatch({ type: "goto", index: chosen });
    else if (forward) {
      dispatch({ type: "goto", index: cameFrom.current });
      setFinished(true);
    } else dispatch({ type: "goto", index: steps[0] ?? 0 });
  }, [state.index]);

  const step = lesson.steps[state.index];
  const stepProgress = state.steps[state.index];
  const kind = step ? stepKind(step) : "read";
  const last = state.index === (steps ? steps.at(-1) : lesson.steps.length - 1);
  /** Tells the room what happened at a hands-on step (in a workshop; solo, nothing is told). */
  const reportAt = (place: HandsOnPlace) =>
    reportActivity && block !== undefined
      ? (activity: StepReport) => reportActivity({ ...activity, block, lesson: lesson.id, step: place.step.id ?? String(place.number), title: place.step.title })
      : undefined;
  const pending = stepProgress?.status === "pending";
  const stepQuestion = step && isQuizStep(step) ? catalog.questions.get(step.quiz) : undefined;
  // "I was right" is for a typed answer graded wrong, once.
  const markable = !finished && stepQuestion?.type === "text" && stepProgress?.firstAnswerCorrect === false && stepProgress.markedRight !== true;
  // ↑/↓ move a question's cursor while it waits for an answer; otherwise they scroll.
  const arrowsScroll = kind !== "quiz" || finished || !pending;
  const codeShownNow = useRef(codeShown);
  codeShownNow.current = codeShown;

  useEffect(() => {
    setStatusKeys(typing ? ["select", "menu"] : statusKeysFor(finished ? "recap" : kind, pending, codeShown, markable, placement.kind === "inPlace"));
  }, [finished, kind, pending, codeShown, typing, markable, placement.kind, setStatusKeys]);

  useInput(
    (input, key) => {
      const command = commandFor("lesson", input, key);
      if (command === "pageDown") scroll.pageBy(1);
      else if (command === "pageUp") scroll.pageBy(-1);
      else if ((command === "down" || command === "up") && arrowsScroll) scroll.scrollBy(command === "down" ? 1 : -1);
      // In the open code view, home and end move sideways (code-tabs).
      else if (command === "top" && !codeShownNow.current) scroll.toTop();
      else if (command === "bottom" && !codeShownNow.current) scroll.toBottom();
      else if (command === "world") {
        setWorldOpened((opened) => (opened === "no" ? "byKey" : "no"));
        scroll.toTop();
      } else if (finished) {
        if (command === "back") setFinished(false);
      } else if (command === "next" && step && isReadStep(step) && step.reveal && !revealed.has(state.index)) {
        // The first n shows what was kept back (a model answer); the next one moves on.
        setRevealed((shown) => new Set(shown).add(state.index));
      } else if (command === "next") {
        const pending = stepProgress?.status === "pending";
        // A step this target cannot run is passed over; the last step leads to the recap.
        const passOver = kind === "handsOn" && !applicable && pending;
        dispatch({ type: passOver ? "skip" : "next" });
        if (last && (passOver || kind === "read" || !pending)) setFinished(true);
      } else if (command === "back") dispatch({ type: "back" });
      else if (command === "markRight" && kind === "quiz" && !pending) {
        if (!markable || !stepQuestion) return notify("Only a typed answer marked wrong can be marked right.");
        dispatch({ type: "markRight" });
        // Flagged in the review cards, so spaced review brings the question back to be checked.
        void saveFlag(quizStores, stepQuestion.id, true);
        notify(MARKED_RIGHT_NOTICE);
      } else if (command === "skip") {
        if (last) setFinished(true);
        dispatch({ type: "skip" });
      }
    },
    { isActive: isActive && !typing },
  );

  const answer = (answerGiven: Answer) => {
    if (!step || !isQuizStep(step)) return;
    const question = questionOf(step.quiz);
    if (!question) return;
    const graded = grade(question, toOriginalAnswer(answerGiven, choiceOrders[state.index] ?? []));
    setGrades((current) => new Map(current).set(state.index, graded));
    dispatch({ type: "answered", correct: graded.correct });
  };
  const questionOf = (id: string) => catalog.questions.get(id);

  const header = (
    <Box flexDirection="column" paddingX={1}>
      <Text wrap="truncate-end">
        <Text bold color={theme.heading}>
          {lesson.title}
        </Text>
        <Text color={theme.muted}>
          {finished ? "  recap" : `  step ${state.index + 1} of ${lesson.steps.length}  `}
          {finished ? "" : state.steps.map((s, i) => (i === state.index ? "▸" : STEP_MARK[s.status])).join("")}
        </Text>
      </Text>
    </Box>
  );

  let body: ReactElement;
  if (finished) {
    body = <Recap lesson={lesson} state={state} variables={variables} isActive={isActive} width={textWidth} {...(steps ? { only: steps } : {})} />;
  } else if (!step) {
    body = <Text>This lesson has no steps.</Text>;
  } else if (isHandsOnStep(step)) {
    // Every hands-on step has its place: the places are the lesson's hands-on steps.
    const place = places.find((candidate) => candidate.index === state.index) as HandsOnPlace;
    const passedEarlier = places.filter((candidate) => candidate.index < state.index && state.steps[candidate.index]?.status === "done");
    const report = reportAt(place);
    body = (
      <HandsOnStep
        key={state.index}
        where={{ lesson, place, passedEarlier, lab }}
        onTyping={setTyping}
        variables={variables}
        isActive={isActive}
        hintShown={stepProgress?.hintShown ?? false}
        passedBefore={stepProgress?.status === "done"}
        onHint={() => dispatch({ type: "hint" })}
        onSolved={() => dispatch({ type: "solve" })}
        onChecked={(passed) => dispatch({ type: "checked", passed })}
        onApplicable={setApplicable}
        onCodeShown={setCodeShown}
        onResults={noteTaken}
        {...(report ? { report } : {})}
        width={textWidth}
      />
    );
  } else if (isQuizStep(step)) {
    const question = questionOf(step.quiz);
    const given = grades.get(state.index);
    const earlier =
      !given && question && stepProgress?.status === "done"
        ? { ...grade(question, { kind: "text", value: "" }), correct: stepProgress.firstAnswerCorrect === true }
        : undefined;
    body = question ? (
      <Box flexDirection="column">
        <Text bold color={theme.heading}>
          ? Question
        </Text>
        <Box marginTop={1}>
          <QuestionView
            key={state.index}
            question={presentQuestion(question, choiceOrders[state.index] ?? [])}
            grade={given ?? earlier}
            isActive={isActive}
            onAnswer={answer}
            width={textWidth}
          />
        </Box>
        <MarkRightLines offered={markable} marked={stepProgress?.markedRight === true} />
        {given || earlier ? <Text color={theme.muted}>Press n for the next step.</Text> : null}
      </Box>
    ) : (
      <Text color={theme.failure}>The question {step.quiz} is missing from the quizzes.</Text>
    );
  } else {
    body = (
      <ReadStep
        key={state.index}
        markdown={step.read}
        {...(step.reveal ? { reveal: { markdown: step.reveal, shown: revealed.has(state.index) } } : {})}
        width={textWidth}
        isActive={isActive}
      />
    );
  }

  const worldPanel = (
    <Box flexDirection="column">
      <Text color={theme.muted} wrap="truncate-end">
        {placement.kind === "inPlace" ? "w shows the step again (its keys work here too)" : "w hides the world"}
      </Text>
      {placement.kind === "beside" ? (
        <WorldPanel {...world} width={placement.worldColumns} maxRows={bodyHeight - 1} />
      ) : (
        <WorldPanel {...world} width={textWidth} />
      )}
    </Box>
  );
  return (
    <Box flexDirection="column">
      {header}
      <Box flexDirection="row" marginTop={1}>
        <Box paddingX={1} width={textWidth + 2} flexShrink={0}>
          <ScrollArea {...scroll.area} arrows={arrowsScroll}>
            {/* In place of the step, the step stays mounted (hidden): a solve or check under way goes on. */}
            <Box flexDirection="column" display={placement.kind === "inPlace" ? "none" : "flex"}>
              {body}
            </Box>
            {placement.kind === "inPlace" ? worldPanel : null}
            {placement.kind === "below" ? <Box marginTop={1}>{worldPanel}</Box> : null}
          </ScrollArea>
        </Box>
        {placement.kind === "beside" ? (
          <Box height={bodyHeight} overflowY="hidden" flexShrink={0}>
            {worldPanel}
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};

const ReadStep = ({ markdown, reveal, width, isActive }: { markdown: string; reveal?: { markdown: string; shown: boolean }; width: number; isActive: boolean }) => {
  const theme = useTheme();
  const lines = useMarkdownLines(markdown, width, theme);
  // Rendered only once asked for: nothing of it is on screen, or scrollable to, before.
  const hidden = useMarkdownLines(reveal?.shown ? reveal.markdown : "", width, theme);
  return (
    <Box flexDirection="column">
      <TextRows lines={lines} width={width} sideways={isActive} />
      {reveal?.shown ? (
        <Box marginTop={1}>
          <TextRows lines={hidden} width={width} sideways={isActive} />
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text dimColor wrap="wrap">
          {reveal && !reveal.shown ? "Answer it yourself first: press n to see the rest." : "Press n for the next step."}
        </Text>
      </Box>
    </Box>
  );
};

/** The end of a lesson: the score, the recap, and cleanup on offer. */
const Recap = ({
  lesson,
  state,
  variables,
  isActive,
  width,
  only,
}: {
  lesson: Lesson;
  state: LessonState;
  variables: LessonVariables;
  isActive: boolean;
  width: number;
  /** A workshop block's chosen steps: the recap scores and completes those alone. */
  only?: readonly number[];
}) => {
  const { session, notify, catalog, go, workshop } = useServices();
  const theme = useTheme();
  const score = lessonScore(lesson, state, only);
  const complete = isLessonComplete(state, only);
  const recap = useMarkdownLines(lesson.recap ?? "", width, theme);
  const [cleanup, setCleanup] = useState<{ running: boolean; results?: PhaseResult[] }>({ running: false });
  const handsOn = lesson.steps.filter(isHandsOnStep).map((step) => step.handsOn) as HandsOn[];
  const canClean = session.started && handsOn.some((step) => step.cleanup?.length);

  // In a workshop the agenda says what comes next, not the lessons' own order.
  const next = workshop ? undefined : nextLesson(catalog.lessons, lesson.id);

  useInput(
    (input, key) => {
      const command = commandFor("lesson", input, key);
      if (command === "next" && next) return go({ screen: "lesson", lessonId: next.id });
      if (command !== "cleanup" || !canClean || cleanup.running) return;
      setCleanup({ running: true });
      void cleanUpLesson(handsOn, session, variables.get(lesson.id))
        .then((results) => setCleanup({ running: false, results }))
        .catch((error: Error) => {
          setCleanup({ running: false });
          notify(`Cleanup failed: ${error.message}`);
        });
    },
    { isActive },
  );

  return (
    <Box flexDirection="column">
      <Text bold color={complete ? theme.success : theme.warning}>
        {complete ? (only ? "✓ Block complete" : "✓ Lesson complete") : "Lesson not finished: some steps are still open (b goes back)"}
        {`  score ${score.earned} of ${score.possible} (${score.percent}%)`}
      </Text>
      <ScoreExplained lesson={lesson} state={state} width={width} {...(only ? { only } : {})} />
      {lesson.recap ? (
        <Box marginTop={1}>
          <TextRows lines={recap} width={width} sideways={isActive} />
        </Box>
      ) : null}
      {canClean ? (
        <Box marginTop={1} flexDirection="column">
          {session.settings.target === "aws" ? (
            <Text color={theme.warning} wrap="wrap">
              This lesson created resources in your AWS account. Press u to remove them now, or run s3-tutor cleanup --target aws later.
            </Text>
          ) : (
            <Text color={theme.muted}>Press u to clean up what the lesson created.</Text>
          )}
          {cleanup.running ? <Text color={theme.accent}>Cleaning up…</Text> : null}
          {cleanup.results ? <Checklist phases={cleanup.results} /> : null}
        </Box>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {next ? (
          <Text wrap="wrap">
            <Text bold color={theme.key}>
              n
            </Text>
            {` next lesson: ${next.title} (${next.id}, ${next.minutes} min)`}
          </Text>
        ) : workshop ? null : (
          <Text wrap="wrap">That was the last lesson. The quiz (esc, then "Practice quiz, exam and review") keeps it fresh.</Text>
        )}
        <Text color={theme.muted}>{workshop ? "esc: back to the agenda, for the next block" : "esc: back to the menu"}</Text>
      </Box>
    </Box>
  );
};
