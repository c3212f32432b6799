import { chmod } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write";
import { dataDir } from "./state-dir";

/** "Claim a name!" → "claim-a-name": a file name that needs no quoting in any shell. */
const slug = (text: string): string =>
  text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);

/** Where the code of a lesson's step is saved: `<data>/code/<lesson>-<step>.<extension>`. */
export const codeFilePath = (lessonId: string, stepTitle: string, extension: "ts" | "sh"): string =>
  join(dataDir(), "code", `${slug(lessonId) || "lesson"}-${slug(stepTitle) || "step"}.${extension}`);

/** Writes the code (replacing an earlier copy); a script is made executable where that means something. */
export const saveCodeFile = async (path: string, content: string, executable: boolean): Promise<void> => {
  await writeFileAtomic(path, content);
  if (executable && process.platform !== "win32") await chmod(path, 0o755);
};
