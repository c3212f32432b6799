import envPaths from "env-paths";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/** One folder for everything s3-tutor keeps (tests, or anyone who wants it all in one place). */
export const STATE_DIR_VARIABLE = "S3_TUTOR_STATE_DIR";

const NAME = "s3-tutor";

export interface Folders {
  /** What must survive a run but is no document of the learner's: progress, quiz history, review cards, targets' journals. */
  state: string;
  /** The learner's own things: the sandbox's buckets and objects, the code they saved from a step. */
  data: string;
  /** What can be rebuilt at any time: the parsed content. */
  cache: string;
}

/** The XDG base directory spec: a variable counts only when it holds an absolute path. */
const xdg = (variable: string, ...fallback: string[]): string => {
  const value = process.env[variable];
  return join(value && isAbsolute(value) ? value : join(homedir(), ...fallback), NAME);
};

/**
 * Where each kind of file goes. S3_TUTOR_STATE_DIR puts all three in that one folder. Otherwise
 * Linux and the other Unixes follow the XDG base directory spec ($XDG_STATE_HOME,
 * $XDG_DATA_HOME, $XDG_CACHE_HOME); macOS and Windows have no separate place for state, so state
 * and data share the platform's application-data folder, and the cache has its own.
 */
export const folders = (): Folders => {
  const override = process.env[STATE_DIR_VARIABLE];
  if (override) return { state: override, data: override, cache: override };
  if (process.platform === "darwin" || process.platform === "win32") {
    const platform = envPaths(NAME, { suffix: "" });
    return { state: platform.data, data: platform.data, cache: platform.cache };
  }
  return {
    state: xdg("XDG_STATE_HOME", ".local", "state"),
    data: xdg("XDG_DATA_HOME", ".local", "share"),
    cache: xdg("XDG_CACHE_HOME", ".cache"),
  };
};

/** Progress, quiz history, review cards, and each target's session prefix and cleanup journal. */
export const stateDir = (): string => folders().state;

/** The learner's sandbox (its buckets, objects and roles) and the code they saved. */
export const dataDir = (): string => folders().data;

/** The content cache. */
export const cacheDir = (): string => folders().cache;

/**
 * Where versions before the XDG split kept everything (the platform's data folder), unless
 * S3_TUTOR_STATE_DIR was set: then nothing moved.
 */
export const formerStateDir = (): string | undefined =>
  process.env[STATE_DIR_VARIABLE] ? undefined : envPaths(NAME, { suffix: "" }).data;
