import { join } from "node:path";
import { stateDir } from "../store/state-dir";
import type { TargetName } from "./target";

/** A file of one target's state, e.g. <state>/targets/aws/journal.jsonl. */
export const targetStateFile = (target: TargetName, file: string): string => join(stateDir(), "targets", target, file);

/** Where notices go when the caller gave no `onNotice`. */
export const noticeToStderr = (message: string): void => {
  process.stderr.write(`${message}\n`);
};
