import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { loadCatalog, shippedContentFolders, type Content } from "../../src/content/catalog";

/**
 * The shipped lessons, quizzes and interview questions, loaded and checked once per test worker
 * (the files of a worker share modules) and again whenever a shipped file changes: parsing and
 * checking them all costs more than most UI tests. The parsed content is frozen, so a test that
 * changed it for the tests after it fails at once instead.
 */
let kept: { stamp: string; content: Promise<Content> } | undefined;

/** Every shipped content file with its time and size: a change to any of them gives another stamp. */
const stampOfShipped = async (): Promise<string> => {
  const parts: string[] = [];
  for (const folder of shippedContentFolders()) {
    const names = (await readdir(folder, { recursive: true })).sort();
    for (const name of names) {
      const info = await stat(join(folder, name));
      parts.push(`${folder}/${name}:${info.mtimeMs}:${info.size}`);
    }
  }
  return parts.join("\n");
};

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

export const shippedCatalog = async (): Promise<Content> => {
  const stamp = await stampOfShipped();
  if (kept?.stamp !== stamp) {
    const content = loadCatalog().then((loaded) => {
      for (const each of [...loaded.lessons.map((l) => l.lesson), ...loaded.quizzes.map((q) => q.quiz), ...loaded.interviews.map((i) => i.interviews)]) {
        deepFreeze(each);
      }
      return loaded;
    });
    kept = { stamp, content };
  }
  return kept.content;
};
