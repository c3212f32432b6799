import { mkdir, readdir, readlink, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { finished, spawnCli } from "../helpers/cli";
import { newStateDir } from "./plain-driver";

/**
 * `quiz --plain` as a learner runs it, with its two state files broken in ways a JSON parser
 * never sees: a folder where the file should be, a file that cannot be opened at all. The quiz
 * starts, the learner is told in words, and nothing they had is lost.
 */

let topic = "";
beforeAll(async () => {
  const catalog = await shippedCatalog();
  topic = catalog.quizzes[0]!.quiz.topic;
});

const quitAtOnce = async (stateDir: string) => {
  const child = spawnCli(["quiz", topic, "--plain"], { S3_TUTOR_STATE_DIR: stateDir });
  child.stdin.end("q\n");
  return finished(child);
};

describe("s3-tutor quiz --plain with a state file it cannot read", () => {
  for (const name of ["quiz-history.json", "review-cards.json"]) {
    it(`a folder named ${name} is moved aside with what is in it, the learner is told, and the quiz starts`, async () => {
      const stateDir = newStateDir();
      await mkdir(join(stateDir, name));
      await writeFile(join(stateDir, name, "kept.txt"), "mine");
      const result = await quitAtOnce(stateDir);
      expect(result.stderr).not.toMatch(/\n\s+at |EISDIR:/);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Question 1 of");
      const what = name === "quiz-history.json" ? "quiz history" : "review cards";
      expect(result.stderr).toMatch(
        new RegExp(`^s3-tutor: Your ${what} file could not be read \\(it is a folder, not a file\\)\\. It was kept as .+${name}\\.corrupt-.+, and a new one was started\\.\\n$`),
      );
      const aside = (await readdir(stateDir)).find((file) => file.startsWith(`${name}.corrupt-`));
      expect(aside).toBeDefined();
      expect(await readdir(join(stateDir, aside!))).toEqual(["kept.txt"]);
    });
  }

  // A link that loops stands for any file that cannot be opened, even by root; Windows makes links only with privileges.
  it.skipIf(process.platform === "win32")("a history file that cannot be opened (a link that loops) is left as it is, never written over, and the learner is told why", async () => {
    const stateDir = newStateDir();
    const path = join(stateDir, "quiz-history.json");
    await symlink("quiz-history.json", path);
    const child = spawnCli(["quiz", topic, "--plain", "--count", "1"], { S3_TUTOR_STATE_DIR: stateDir });
    // Answer the one question (any reply is an answer), then let the quiz end on its own.
    child.stdin.end("1\n\n");
    const result = await finished(child);
    expect(result.stderr).not.toMatch(/\n\s+at |ELOOP:/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Question 1 of 1");
    expect(result.stderr).toContain(
      `s3-tutor: Your quiz history file ${path} could not be read (it is a link that points back at itself). It was left as it is, and this run's quiz history is not saved over it.`,
    );
    expect(result.stderr).toContain(`s3-tutor: Your quiz history was not saved to ${path}`);
    expect(await readlink(path)).toBe("quiz-history.json");
    // The other file is unaffected: the review cards were saved.
    expect((await stat(join(stateDir, "review-cards.json"))).isFile()).toBe(true);
  });
});
