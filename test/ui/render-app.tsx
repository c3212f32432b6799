import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadContent } from "../../src/content/catalog";
import { shippedCatalog } from "../helpers/shipped-content";
import type { Random } from "../../src/engine/random";
import { ProgressStore } from "../../src/store/progress";
import { flushQuizStores, openQuizStores, type QuizStores } from "../../src/store/quiz-stores";
import type { TargetOptions } from "../../src/targets/options";
import type { Target } from "../../src/targets/target";
import { TargetSession } from "../../src/targets/target-session";
import { App, type ExitChoice } from "../../src/ui/app";
import { catalogFrom, type View, type WorkshopMode } from "../../src/ui/app-context";
import type { ParticipantActivity } from "../../src/room/protocol";
import { UiBridge } from "../../src/ui/bridge";
import { preloadAllScreens } from "../../src/ui/lazy-screens";
import { NO_COLOUR_THEME } from "../../src/ui/theme";
import { renderInFakeTerminal } from "./fake-terminal";

export const KEYS = { enter: "\r", down: "\u001B[B", up: "\u001B[A", left: "\u001B[D", right: "\u001B[C", escape: "\u001B", tab: "\t", backspace: "\u007F" } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RenderedApp {
  frame: () => string;
  /** Everything the app wrote to the terminal, frames and anything written around them. */
  output: () => string;
  /** Types keys one at a time, leaving Ink time to re-bind its handlers in between. */
  press: (...keys: string[]) => Promise<void>;
  /** Writes everything in one write, as a paste or `tmux send-keys "2020" Enter` does. */
  burst: (...keys: string[]) => Promise<void>;
  /** Waits until the screen shows `text` (or matches it, or passes it), failing with the last frame otherwise. */
  waitFor: (text: string | RegExp | ((frame: string) => boolean), timeoutMs?: number) => Promise<string>;
  exitChoice: () => ExitChoice | undefined;
  /** The choice the app exits with, once it has made one: a busy machine may take a while. */
  waitForExit: (timeoutMs?: number) => Promise<ExitChoice>;
  /** Resizes the terminal, as dragging the window would. */
  resize: (columns: number, rows: number) => Promise<void>;
  progress: ProgressStore;
  quizStores: QuizStores;
  /** Notices from opening the stores, as the app was told them. */
  notices: string[];
  session: TargetSession;
  stateDir: string;
  unmount: () => Promise<void>;
}

/**
 * The real app over the shipped lessons, the sandbox as target, and a progress file in a
 * temporary folder (or `stateDir`, to resume), rendered by ink-testing-library.
 */
export interface RenderOptions {
  stateDir?: string;
  initialView?: View;
  /** Which target the app believes it has, and how to make it (default: the embedded sandbox). */
  target?: TargetOptions;
  createTarget?: (options: TargetOptions) => Promise<Target>;
  /** Lesson, quiz and interview files or folders to teach from instead of the shipped ones. */
  content?: string[];
  /** The app's clock (an exam's timer reads it). */
  clock?: () => Date;
  random?: Random;
  /** As `--seed`: each quiz and lesson shuffles from a stream of its own. */
  seed?: number;
  /** The terminal's size (ink-testing-library's is 100 columns, and no rows: the app assumes 24). */
  columns?: number;
  rows?: number;
  /** As `s3-tutor join`: the workshop's agenda is home, and activities go to `reportActivity`. */
  workshop?: WorkshopMode;
  reportActivity?: (activity: ParticipantActivity) => void;
}

export const renderApp = async (options: RenderOptions = {}): Promise<RenderedApp> => {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), "s3-tutor-ui-"));
  const content = options.content ? await loadContent(options.content) : await shippedCatalog();
  const opened = await ProgressStore.open(join(stateDir, "progress.json"));
  const quiz = await openQuizStores(stateDir);
  const notices = [...(opened.notice ? [opened.notice] : []), ...quiz.notices];
  const bridge = new UiBridge();
  const session = new TargetSession(
    { ...(options.target ?? { target: "sandbox" }), confirm: bridge.confirm, onNotice: bridge.notify },
    options.createTarget,
  );
  let exitChoice: ExitChoice | undefined;
  // As in the app a moment after its first frame: every screen opens at once when chosen.
  await preloadAllScreens();
  const instance = renderInFakeTerminal(
    <App
      catalog={catalogFrom(
        content.lessons.map((loaded) => loaded.lesson),
        content.quizzes.map((loaded) => loaded.quiz),
        content.interviews.map((loaded) => loaded.interviews),
      )}
      progress={opened.store}
      quizStores={quiz.stores}
      session={session}
      bridge={bridge}
      theme={NO_COLOUR_THEME}
      initialNotices={notices}
      {...(options.initialView ? { initialView: options.initialView } : {})}
      {...(options.clock ? { clock: options.clock } : {})}
      {...(options.random ? { random: options.random } : {})}
      {...(options.seed !== undefined ? { seed: options.seed } : {})}
      {...(options.workshop ? { workshop: options.workshop } : {})}
      {...(options.reportActivity ? { reportActivity: options.reportActivity } : {})}
      onExit={(choice) => {
        exitChoice = choice;
      }}
    />,
    // The app starts at the test's size, as in a terminal of that size: a resize straight after the
    // first render would show text laid out for the old width until the new layout lands.
    { ...(options.columns !== undefined ? { columns: options.columns } : {}), ...(options.rows !== undefined ? { rows: options.rows } : {}) },
  );
  // The resize event a real terminal sends too: the app and Ink read the size again.
  if (options.columns !== undefined || options.rows !== undefined) instance.resize({ columns: options.columns, rows: options.rows });
  await sleep(30);
  const frame = () => instance.lastFrame() ?? "";
  return {
    frame,
    output: () => instance.frames().join(""),
    press: async (...keys) => {
      for (const key of keys) {
        await sleep(20);
        instance.type(key);
        await sleep(key === KEYS.escape ? 80 : 20);
      }
    },
    burst: async (...keys) => {
      await sleep(20);
      instance.type(keys.join(""));
      await sleep(40);
    },
    waitFor: async (text, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = frame();
        if (typeof text === "string" ? current.includes(text) : typeof text === "function" ? text(current) : text.test(current)) return current;
        if (Date.now() > deadline) throw new Error(`the screen never showed ${String(text)}; it shows:\n${current}`);
        await sleep(20);
      }
    },
    exitChoice: () => exitChoice,
    waitForExit: async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (exitChoice === undefined) {
        if (Date.now() > deadline) throw new Error(`the app never exited; it shows:\n${frame()}`);
        await sleep(20);
      }
      return exitChoice;
    },
    resize: async (columns, rows) => {
      instance.resize({ columns, rows });
      await sleep(30);
    },
    progress: opened.store,
    quizStores: quiz.stores,
    notices,
    session,
    stateDir,
    unmount: async () => {
      instance.unmount();
      await session.close();
      await opened.store.flush();
      await flushQuizStores(quiz.stores);
    },
  };
};
