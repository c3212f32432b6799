import { Outbox } from "../../room-client/outbox";
import { preflightLines, runPreflight } from "../../room-client/preflight";
import { Sender } from "../../room-client/sender";
import { VERSION } from "../version";
import { UserError } from "../errors";
import type { PreflightResult } from "../../room/protocol";
import { joinOrExplain, speakForParticipant, type JoinCommandOptions } from "../join-session";

/** How long the pre-flight waits for the room to take its list. */
const SEND_TIMEOUT_MS = 5000;

/**
 * `s3-tutor join <address> --code <code> --check`: the ✓/✗ list, exit 0 when all pass. When the
 * room lets this laptop join, the list is also sent to it, so the instructor sees who is ready.
 */
export const runJoinCheck = async (address: string, options: JoinCommandOptions): Promise<number> => {
  const report = await runPreflight(address, options.code, VERSION);
  for (const line of preflightLines(report.checks)) process.stdout.write(`${line}\n`);
  if (report.hello && report.checks.every((check) => check.ok || check.name !== "Version")) {
    process.stdout.write(`${await sendToRoom(address, options, report.checks)}\n`);
  }
  process.stdout.write(report.ok ? "All set for the workshop.\n" : "Fix what is marked ✗, then run this again.\n");
  return report.ok ? 0 : 1;
};

const sendToRoom = async (address: string, options: JoinCommandOptions, checks: PreflightResult[]): Promise<string> => {
  let release: () => Promise<void>;
  try {
    release = await speakForParticipant(address, "the room already hears you");
  } catch (error) {
    if (error instanceof UserError) return `(Not sent to the instructor: ${error.message})`;
    throw error;
  }
  try {
    return await joinAndSend(address, options, checks);
  } finally {
    await release();
  }
};

const joinAndSend = async (address: string, options: JoinCommandOptions, checks: PreflightResult[]): Promise<string> => {
  let opened;
  try {
    opened = await joinOrExplain(address, options);
  } catch (error) {
    if (error instanceof UserError) return `(Not sent to the instructor: ${error.message.split("\n")[0]})`;
    throw error;
  }
  const outbox = await Outbox.open(opened.files);
  outbox.record({ kind: "preflight", checks });
  const sender = new Sender(outbox, { baseUrl: opened.session.baseUrl, token: opened.session.token });
  sender.start();
  try {
    const sent = await sender.drain(SEND_TIMEOUT_MS);
    return sent ? `The instructor sees this list (you are ${opened.session.name}${opened.session.table ? `, table ${opened.session.table}` : ""}).` : "(Not sent to the instructor yet: it is kept and goes with your next s3-tutor join.)";
  } finally {
    await sender.stop();
  }
};
