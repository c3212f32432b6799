import { render } from "ink";
import type { InterviewFile } from "../content/schema/interview";
import type { Lesson } from "../content/schema/lesson";
import type { Quiz } from "../content/schema/quiz";
import { ProgressStore } from "../store/progress";
import { flushQuizStores, openQuizStores } from "../store/quiz-stores";
import type { TargetOptions } from "../targets/options";
import { TargetSession } from "../targets/target-session";
import { App, type ExitChoice } from "./app";
import { catalogFrom, type View, type WorkshopMode } from "./app-context";
import type { ParticipantActivity } from "../room/protocol";
import type { Target } from "../targets/target";
import { UiBridge } from "./bridge";
import { preloadMarkdown } from "./components/markdown";
import { KeyByKeyStdin } from "./keys/key-by-key-stdin";
import { preloadScreens } from "./lazy-screens";
import { guardStrayOutput } from "./stray-output";
import { themeFor } from "./theme";
import { untilExit } from "./until-exit";

export interface StartAppOptions {
  /** Valid content only: the caller reports problems before the screens start. */
  content: { lessons: Lesson[]; quizzes: Quiz[]; interviews?: InterviewFile[] };
  target: TargetOptions;
  initialView?: View;
  /** `--seed`: shuffle the same way every time. */
  seed?: number;
  /** How the target is made, when not from the options alone (a workshop room's sandbox). */
  createTarget?: (options: TargetOptions) => Promise<Target>;
  /** `s3-tutor join`: the agenda is home, and the room hears what the participant does. */
  workshop?: WorkshopMode;
  reportActivity?: (activity: ParticipantActivity) => void;
  /** Where lesson progress is kept, when not the learner's own file (a workshop room keeps its own). */
  progressPath?: string;
}

/**
 * Runs the screens until the learner quits: progress loaded (a corrupt file is moved aside and
 * said), the target left unstarted until a step needs it, stray output kept off the frame, and
 * on the way out the terminal restored and, if asked, the real account cleaned up.
 */
export const startApp = async ({ content, target, initialView, seed, createTarget, workshop, reportActivity, progressPath }: StartAppOptions): Promise<number> => {
  const [{ store, notice }, quiz] = await Promise.all([ProgressStore.open(progressPath), openQuizStores()]);
  const bridge = new UiBridge();
  const session = new TargetSession({ ...target, confirm: bridge.confirm, onNotice: bridge.notify }, createTarget);
  const catalog = catalogFrom(content.lessons, content.quizzes, content.interviews);
  let choice: ExitChoice = { cleanup: false };
  const restoreStderr = guardStrayOutput(bridge.notify);
  const instance = render(
    <App
      catalog={catalog}
      progress={store}
      quizStores={quiz.stores}
      session={session}
      bridge={bridge}
      theme={themeFor(process.env)}
      initialNotices={[...(notice ? [notice] : []), ...quiz.notices]}
      {...(initialView ? { initialView } : {})}
      {...(seed !== undefined ? { seed } : {})}
      {...(workshop ? { workshop } : {})}
      {...(reportActivity ? { reportActivity } : {})}
      onExit={(chosen) => {
        choice = chosen;
      }}
    />,
    // A burst of input (a paste, tmux send-keys) reaches the screens as the keys in it, in order.
    { exitOnCtrlC: false, stdin: new KeyByKeyStdin(process.stdin) as unknown as NodeJS.ReadStream },
  );
  // The first frame is up: the other screens' code and the markdown renderer load behind it.
  void preloadScreens();
  preloadMarkdown();
  await untilExit(instance, () => {
    for (const line of restoreStderr()) process.stderr.write(`${line}\n`);
  });

  let exitCode = 0;
  if (choice.cleanup && session.started) exitCode = await cleanUpRealAccount(session);
  await session.close();
  await store.flush();
  if (store.writeError) process.stderr.write(`s3-tutor: ${store.writeError}\n`);
  for (const error of await flushQuizStores(quiz.stores)) process.stderr.write(`s3-tutor: ${error}\n`);
  return exitCode;
};

/** Only on the way out of a real account: the journal's code (and its schema) is no part of the start. */
const cleanUpRealAccount = async (session: TargetSession): Promise<number> => {
  const [{ CleanupJournal }, { cleanupJournaled, formatCleanupLine }] = await Promise.all([import("../targets/journal"), import("../targets/cleanup")]);
  const target = await session.ready();
  const journal = CleanupJournal.forTarget(target.name, (message) => process.stderr.write(`s3-tutor: ${message}\n`));
  process.stdout.write("Cleaning up what s3-tutor created:\n");
  const result = await cleanupJournaled(target, journal, (line) => process.stdout.write(`${formatCleanupLine(line)}\n`));
  if (result.remaining.length === 0) return 0;
  process.stdout.write(`${result.remaining.length} resource(s) remain; run s3-tutor cleanup --target ${target.name} to try again.\n`);
  return 1;
};
