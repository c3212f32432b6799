import { formatProblem } from "../../content/problem";
import type { OpenedSession } from "../../room-client/open-session";
import { RoomConnection } from "../../room-client/room-connection";
import { participantTarget } from "../../room-client/room-target";
import { writeSession } from "../../room-client/session-file";
import { readWorkshopPlan } from "../../room-client/workshop-plan";
import { loadAppContent } from "../app-content";
import { UserError } from "../errors";
import { VERSION } from "../version";
import { NO_TERMINAL_MESSAGE } from "./app";
import { runJoinCheck } from "./join-check";
import { joinOrExplain, speakForParticipant, type JoinCommandOptions } from "../join-session";

export type { JoinCommandOptions } from "../join-session";

/** How long leaving the app waits for the room to take what is not sent yet. */
const DRAIN_ON_EXIT_MS = 3000;

/** `s3-tutor join <address> --code <code>`: the app on the workshop's agenda, reporting to the room; `--check` the pre-flight. */
export const runJoinCommand = async (address: string, options: JoinCommandOptions): Promise<number> => {
  if (options.check) return runJoinCheck(address, options);
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(NO_TERMINAL_MESSAGE);
    return 2;
  }
  const release = await speakForParticipant(address, "use that window");
  try {
    const opened = await joinOrExplain(address, options);
    process.stdin.setRawMode(true);
    try {
      return await openWorkshopApp(opened);
    } finally {
      process.stdin.setRawMode(false);
    }
  } finally {
    await release();
  }
};

const openWorkshopApp = async ({ session, files, pacing, rejoined }: OpenedSession): Promise<number> => {
  const screens = import("../../ui/start-app");
  screens.catch(() => undefined);
  let plan;
  try {
    plan = readWorkshopPlan(session.workshop);
  } catch (error) {
    throw new UserError(`${(error as Error).message}. Tell the instructor; the room may run another version of s3-tutor (s3-tutor join --check says).`);
  }
  const loaded = await loadAppContent();
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw new UserError(`the lessons have ${loaded.problems.length} problems (above); run s3-tutor validate for details.`);
  }
  const connection = await RoomConnection.open(session, files, pacing);
  const target = participantTarget(session.target, session.baseUrl);
  const { startApp } = await screens;
  let exitCode: number;
  try {
    exitCode = await startApp({
      content: loaded.content,
      target: target.options,
      createTarget: target.create,
      workshop: { plan, room: connection },
      reportActivity: (activity) => connection.report(activity),
      // The room's own lesson progress: a step passed alone at home (on another target) is done
      // again here, in the room's sandbox, where the room sees it. Quiz history and review cards stay shared.
      progressPath: files.progress,
    });
  } finally {
    await connection.drain(DRAIN_ON_EXIT_MS);
    await connection.close();
    // The pacing last heard, so the next start while the room is away opens the same blocks.
    await writeSession(files.session, { ...session, pacing: connection.link.pacing }).catch(() => undefined);
  }
  const pending = connection.outbox.pending;
  process.stdout.write(`${rejoined ? "Rejoined" : "Joined"} ${plan.title} as ${session.name}.\n`);
  if (pending > 0) {
    process.stdout.write(
      `${pending} of your events have not reached the room yet; they are kept and sent when you run the same s3-tutor join again.\n` +
        "If the room stays out of reach, run s3-tutor report --out me.json and give the file to the instructor.\n",
    );
  }
  return exitCode;
};
