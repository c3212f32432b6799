import { Box, Text, useApp, useInput } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { oneStream, seededSource, type Random } from "../engine/random";
import type { ProgressStore } from "../store/progress";
import type { QuizStores } from "../store/quiz-stores";
import type { TargetSession } from "../targets/target-session";
import { AppContext, type AppServices, type Catalog, type Confirmation, type View, type WorkshopMode } from "./app-context";
import type { ParticipantActivity } from "../room/protocol";
import { useExamStart } from "./hooks/use-exam-start";
import { useLiveQuestion } from "./hooks/use-live-question";
import type { UiBridge } from "./bridge";
import { ConfirmDialog } from "./components/confirm-dialog";
import { ScrollArea, useScroll } from "./components/scroll-area";
import { StatusBar, statusBarHeight } from "./components/status-bar";
import { useTargetStatus } from "./hooks/use-target-status";
import { useWindowSize } from "./hooks/use-window-size";
import { commandFor, type Command, type ScreenName } from "./keys/bindings";
import { HOME_MIN_ROWS, Home } from "./screens/home";
import { Agenda, Help, InterviewScreen, LessonList, LessonPlayer, LiveQuestionScreen, QuizMenu, QuizRunner, Stats, TargetPicker } from "./lazy-screens";
import { fitLines } from "./fit-lines";
import { wrapLines } from "./text";
import { ThemeContext, type Theme } from "./theme";

/** What the learner decided on the way out; the caller acts on it once the screen is gone. */
export interface ExitChoice {
  cleanup: boolean;
}

export interface AppProps {
  catalog: Catalog;
  progress: ProgressStore;
  quizStores: QuizStores;
  session: TargetSession;
  bridge: UiBridge;
  theme: Theme;
  initialNotices?: string[];
  initialView?: View;
  onExit: (choice: ExitChoice) => void;
  /** The time now (tests pass a clock they can move). */
  clock?: () => Date;
  /** Shuffles questions and options, one stream for everything (tests may pass a seeded one). */
  random?: Random;
  /** `--seed`: every quiz and lesson shuffles from a stream of its own from this seed (`random` is then unused). */
  seed?: number;
  /** `s3-tutor join`: the workshop's agenda is home, and the room hears what the participant does. */
  workshop?: WorkshopMode;
  reportActivity?: (activity: ParticipantActivity) => void;
}

const systemClock = () => new Date();

/** The root: owns the current screen, the dialogs, the notice line, and leaving. */
export const App = ({
  catalog,
  progress,
  quizStores,
  session,
  bridge,
  theme,
  initialNotices = [],
  initialView,
  onExit,
  clock = systemClock,
  random = Math.random,
  seed,
  workshop,
  reportActivity,
}: AppProps) => {
  const { exit } = useApp();
  const size = useWindowSize();
  const status = useTargetStatus(session);
  const [view, setView] = useState<View>(initialView ?? { screen: "home" });
  const [help, setHelpState] = useState(false);
  // Keys can arrive between a render and Ink re-binding the handler below: it reads this, not the state.
  const helpShown = useRef(false);
  const setHelp = useCallback((shown: boolean) => {
    helpShown.current = shown;
    setHelpState(shown);
  }, []);
  const [confirmation, setConfirmation] = useState<Confirmation | undefined>();
  // Each notice has a serial number, so a key press clears the notice it saw and not one its screen just set.
  const [notice, setNoticeEntry] = useState({ text: "", serial: 0 });
  // What went wrong opening the saved files (a corrupt progress file): no key clears it, so it
  // cannot vanish before it is read; it goes when the learner opens another screen.
  const [startupNotice, setStartupNotice] = useState(initialNotices.join(" "));
  const setNotice = useCallback((text: string) => setNoticeEntry((current) => ({ text, serial: current.serial + 1 })), []);
  const textEntry = useRef(false);
  const leaveGuard = useRef<string | undefined>(undefined);
  const [statusKeys, setStatusKeys] = useState<readonly Command[] | undefined>();

  const leave = useCallback(
    (cleanup: boolean) => {
      onExit({ cleanup });
      exit();
    },
    [exit, onExit],
  );

  const quit = useCallback(() => {
    if (session.started && session.settings.target === "aws") {
      setConfirmation({
        title: "Clean up what s3-tutor created in your AWS account before leaving?",
        lines: ["y removes it now; n keeps it (s3-tutor cleanup --target aws removes it later)."],
        onAnswer: (yes) => leave(yes),
      });
    } else leave(false);
  }, [session, leave]);

  const randomFor = useMemo(() => (seed === undefined ? oneStream(random) : seededSource(seed)), [seed, random]);

  const services: AppServices = useMemo(
    () => ({
      catalog,
      progress,
      quizStores,
      clock,
      randomFor,
      session,
      go: (next: View) => {
        if (!progress.data.welcomed) void progress.markWelcomed();
        leaveGuard.current = undefined;
        setStatusKeys(undefined);
        setStartupNotice("");
        setView(next);
      },
      setStatusKeys,
      confirm: setConfirmation,
      notify: setNotice,
      setTextEntry: (typing: boolean) => {
        textEntry.current = typing;
      },
      setLeaveGuard: (question: string | undefined) => {
        leaveGuard.current = question;
      },
      quit,
      ...(workshop ? { workshop } : {}),
      ...(reportActivity ? { reportActivity } : {}),
    }),
    [catalog, progress, quizStores, clock, randomFor, session, quit, setNotice, workshop, reportActivity],
  );

  /** Leaves the screen (or the app), asking first while a screen guards against it. */
  const guarded = (leave: () => void) => {
    const question = leaveGuard.current;
    if (!question) return leave();
    setConfirmation({ title: question, onAnswer: (yes) => yes && leave() });
  };

  // The target asks here before its first write to a real account, and tells its notices here.
  useEffect(
    () =>
      bridge.connect(
        (whatWillBeCreated) =>
          new Promise<boolean>((resolve) =>
            setConfirmation({
              title: "This will create, in your AWS account (tagged, and listed for s3-tutor cleanup):",
              lines: whatWillBeCreated.map((item) => `- ${item}`),
              onAnswer: resolve,
            }),
          ),
        setNotice,
      ),
    [bridge, setNotice],
  );

  // The instructor's live question comes over whatever screen is on, which keeps its place underneath.
  const live = useLiveQuestion(workshop, clock);

  useInput((input, key) => {
    if (confirmation) return;
    // Its keys are its own (esc puts it away, letters answer): only ctrl+c still quits.
    if (live.shown) {
      if (key.ctrl && input === "c") quit();
      return;
    }
    const seen = notice.serial;
    if (notice.text) setNoticeEntry((current) => (current.serial === seen ? { text: "", serial: current.serial } : current));
    if (helpShown.current) {
      const command = commandFor("help", input, key);
      if (command === "down" || command === "up") helpScroll.scrollBy(command === "down" ? 1 : -1);
      else if (command === "pageDown" || command === "pageUp") helpScroll.pageBy(command === "pageDown" ? 1 : -1);
      else if (command === "top") helpScroll.toTop();
      else if (command === "bottom") helpScroll.toBottom();
      else setHelp(false);
      return;
    }
    if (key.ctrl && input === "c") quit();
    else if (key.escape && view.screen !== "home") guarded(() => services.go({ screen: "home" }));
    else if (textEntry.current) return;
    else if (input === "?") {
      helpScroll.toTop();
      setHelp(true);
    } else if (input === "q") guarded(quit);
  });

  const screen: ScreenName = view.screen;
  const barScreen: ScreenName = help ? "help" : screen;
  const barKeys = statusKeys && !help ? statusKeys : undefined;
  const barHeight = statusBarHeight(barScreen, barKeys, size.columns);
  // A notice may take up to three lines; the startup notice (a path to a moved-aside file is
  // long) as many as leave room for the home screen's menu.
  const passingLines = notice.text ? wrapLines(notice.text, size.columns).slice(0, 3) : [];
  const startupRoom = Math.max(3, size.rows - barHeight - 1 - HOME_MIN_ROWS - passingLines.length);
  const noticeLines = [...(startupNotice ? fitLines(wrapLines(startupNotice, size.columns), startupRoom) : []), ...passingLines];
  const noticeHeight = noticeLines.length;
  const dialogHeight = confirmation ? 3 + (confirmation.lines?.length ?? 0) : 0;
  const contentHeight = Math.max(5, size.rows - barHeight - noticeHeight - dialogHeight - 1);
  const active = !confirmation && !help && !live.shown;
  const helpScroll = useScroll(contentHeight);

  // The instructor started the exam: it opens on every participant's screen at once.
  useExamStart(workshop, view, services.go);

  let content;
  if (view.screen === "home" && workshop) content = <Agenda workshop={workshop} isActive={active} width={size.columns} />;
  else if (view.screen === "home") content = <Home isActive={active} openHelp={() => setHelp(true)} width={size.columns} height={contentHeight} />;
  else if (view.screen === "lessons") content = <LessonList isActive={active} height={contentHeight} />;
  else if (view.screen === "quizMenu") content = <QuizMenu isActive={active} />;
  else if (view.screen === "quiz") {
    content = (
      <QuizRunner
        key={JSON.stringify([view.request ?? {}, view.block])}
        request={view.request}
        isActive={active}
        height={contentHeight}
        {...(view.block !== undefined ? { block: view.block } : {})}
        {...(view.seed !== undefined ? { seed: view.seed } : {})}
        {...(view.passMark !== undefined ? { passMark: view.passMark } : {})}
      />
    );
  } else if (view.screen === "interview") {
    content = (
      <InterviewScreen minutes={view.minutes} topics={view.topics} seed={view.seed} isActive={active} width={size.columns} height={contentHeight} />
    );
  } else if (view.screen === "stats") content = <Stats height={contentHeight} isActive={active} />;
  else if (view.screen === "target") content = <TargetPicker isActive={active} />;
  else {
    const lesson = catalog.lessons.find((candidate) => candidate.id === view.lessonId);
    content = lesson ? (
      <LessonPlayer
        key={`${lesson.id}:${view.block ?? ""}:${view.step ?? ""}`}
        lesson={lesson}
        isActive={active}
        width={size.columns}
        height={contentHeight}
        {...(view.block !== undefined ? { block: view.block } : {})}
        {...(view.steps ? { steps: view.steps } : {})}
        {...(view.step !== undefined ? { startAt: view.step } : {})}
      />
    ) : (
      <Text>There is no lesson {view.lessonId}.</Text>
    );
  }

  return (
    <ThemeContext.Provider value={theme}>
      <AppContext.Provider value={services}>
        <Box flexDirection="column" width={size.columns}>
          {help ? (
            <Box flexDirection="column" height={contentHeight} overflowY="hidden" paddingX={1}>
              <ScrollArea {...helpScroll.area}>
                <Help screen={screen} />
              </ScrollArea>
            </Box>
          ) : null}
          {/* Hidden, not unmounted, under help: an exam's answers and clock must survive a look at the keys. */}
          {live.shown && !help ? (
            <Box flexDirection="column" height={contentHeight} overflowY="hidden">
              <LiveQuestionScreen
                question={live.shown}
                leaderboard={live.leaderboard}
                mine={live.mine}
                onAnswer={live.answer}
                onClose={live.close}
                now={clock}
                isActive={!confirmation}
                width={size.columns}
              />
            </Box>
          ) : null}
          <Box flexDirection="column" height={contentHeight} overflowY="hidden" display={help || live.shown ? "none" : "flex"}>
            {content}
          </Box>
          {confirmation ? <ConfirmDialog confirmation={confirmation} onDone={() => setConfirmation(undefined)} /> : null}
          {noticeLines.length > 0 ? <Text color={theme.warning}>{noticeLines.join("\n")}</Text> : null}
          <StatusBar
            screen={barScreen}
            target={session.settings}
            status={status}
            width={size.columns}
            {...(barKeys ? { keys: barKeys } : {})}
          />
        </Box>
      </AppContext.Provider>
    </ThemeContext.Provider>
  );
};
