import { copyFile, constants, link, lstat, mkdir, readdir, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { cacheDir, formerStateDir, stateDir } from "./state-dir";

/**
 * Versions before the XDG split kept everything in the data folder (~/.local/share/s3-tutor on
 * Linux). The first run after it moves the state files from there to the state folder, once:
 * a file the state folder already has is never written over (it stays where it was, and the
 * learner is told), the learner's sandbox and saved code stay (they are data), and a note left
 * in the old folder says where everything went and marks the move as done.
 */

/** What moves: the files of the state folder, and the copies of them set aside as corrupt. */
const STATE_NAMES = ["progress.json", "quiz-history.json", "review-cards.json", "targets"];
const isState = (name: string) => STATE_NAMES.some((state) => name === state || name.startsWith(`${state}.corrupt-`));

export const MOVED_NOTE = "MOVED-TO-STATE-FOLDER.txt";

const exists = (path: string) => lstat(path).then(() => true, () => false);

const filesUnder = async (path: string): Promise<string[]> => {
  if (!(await lstat(path)).isDirectory()) return [path];
  const names = await readdir(path);
  return (await Promise.all(names.map((name) => filesUnder(join(path, name))))).flat();
};

const sameFile = async (a: string, b: string) => {
  const [one, two] = await Promise.all([stat(a), stat(b)]);
  return one.ino === two.ino && one.dev === two.dev;
};

/** Moves one file without ever replacing one at `to`; false when `to` was already there. */
const moveWithoutReplacing = async (from: string, to: string): Promise<boolean> => {
  await mkdir(dirname(to), { recursive: true });
  try {
    // A hard link fails when `to` exists, where a rename would silently replace it.
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Another s3-tutor starting at the same moment may have linked it already.
    if (code === "EEXIST" && !(await sameFile(from, to).catch(() => false))) return false;
    if (code !== "EEXIST") {
      // Another file system, or one without hard links: copy, still refusing to replace.
      try {
        await copyFile(from, to, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw copyError;
      }
    }
  }
  await unlink(from);
  return true;
};

/** Removes the folders below `top` the move emptied (targets/aws, targets), deepest first; a folder with files left stays. */
const removeEmptied = async (top: string, files: string[]) => {
  const folders = new Set<string>();
  for (const file of files) for (let folder = dirname(file); folder !== top && folder.startsWith(top); folder = dirname(folder)) folders.add(folder);
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => undefined);
};

/**
 * Does the move if it is due, and returns what to tell the learner (nothing when there was
 * nothing to move). Never throws: a move that fails half-way leaves every file in one place or
 * the other, and says so.
 */
export const moveFormerState = async (): Promise<string | undefined> => {
  const former = formerStateDir();
  if (!former) return undefined;
  // The content cache is rebuilt on a miss: the old copy is only in the way.
  if (cacheDir() !== former) await rm(join(former, "content-cache.json"), { force: true }).catch(() => undefined);
  const target = stateDir();
  if (target === former || (await exists(join(former, MOVED_NOTE)))) return undefined;
  const names = (await readdir(former).catch(() => [] as string[])).filter(isState);
  if (names.length === 0) return undefined;

  const left: string[] = [];
  let moved = 0;
  try {
    const files = (await Promise.all(names.map((name) => filesUnder(join(former, name))))).flat();
    for (const file of files) {
      if (await moveWithoutReplacing(file, join(target, relative(former, file)))) moved++;
      else left.push(relative(former, file));
    }
    await removeEmptied(former, files);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    return `your progress, quiz history and cleanup journals could not all be moved from ${former} to ${target} (${why}); what is still in ${former} stays there untouched, and s3-tutor tries again next time.`;
  }
  const keptNote = left.length > 0 ? ` Left in ${former}, because ${target} already has newer ones: ${left.join(", ")}.` : "";
  await writeFile(
    join(former, MOVED_NOTE),
    `s3-tutor now keeps progress, quiz history, review cards and cleanup journals in\n${target}\n` +
      `(the state folder of the XDG base directory spec). They were moved there from this folder.${keptNote}\n` +
      "Your sandbox and saved code stay here. Delete this note and s3-tutor looks for files to move again.\n",
  ).catch(() => undefined);
  return `your progress, quiz history and cleanup journals now live in ${target}; ${moved} file(s) were moved there from ${former}.${keptNote}`;
};
