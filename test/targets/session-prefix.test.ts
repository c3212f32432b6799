import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatePrefix, sessionPrefix, validatePrefix } from "../../src/targets/session-prefix";
import { TargetError } from "../../src/targets/target";
import { useStateDir } from "./helpers/aws-on-sandbox";

const stateDir = useStateDir();
const ignore = () => undefined;

describe("the session prefix", () => {
  it("is generated as s3t- and six lowercase letters or digits", () => {
    for (let index = 0; index < 50; index++) expect(generatePrefix()).toMatch(/^s3t-[a-z0-9]{6}$/);
  });

  it("is remembered per target, so later runs and cleanup reuse it", async () => {
    const first = await sessionPrefix("aws", undefined, ignore);
    expect(await sessionPrefix("aws", undefined, ignore)).toBe(first);
    expect(JSON.parse(await readFile(join(stateDir(), "targets", "aws", "session.json"), "utf8"))).toEqual({ prefix: first });
    expect(await sessionPrefix("localstack", undefined, ignore)).not.toBe(first);
  });

  it("is the one given with --prefix, which is not remembered", async () => {
    expect(await sessionPrefix("aws", "s3t-sam", ignore)).toBe("s3t-sam");
    expect(await sessionPrefix("aws", undefined, ignore)).toMatch(/^s3t-[a-z0-9]{6}$/);
  });

  it("refuses prefixes that cannot start a bucket name, or that are too short to guard anything", () => {
    for (const bad of ["", "ab", "My-Prefix", "-s3t", "s3t_sam", "a".repeat(31)]) {
      expect(() => validatePrefix(bad)).toThrow(TargetError);
    }
    expect(() => validatePrefix("Bad")).toThrow('"Bad" cannot be a resource prefix');
  });

  it("starts afresh, and says so, when the remembered one is unreadable", async () => {
    await mkdir(join(stateDir(), "targets", "aws"), { recursive: true });
    await writeFile(join(stateDir(), "targets", "aws", "session.json"), "garbage");
    const notices: string[] = [];
    expect(await sessionPrefix("aws", undefined, (message) => notices.push(message))).toMatch(/^s3t-[a-z0-9]{6}$/);
    expect(notices).toEqual([expect.stringMatching(/^The remembered session prefix could not be read .* moved to .*session\.json\.corrupt-/)]);
  });
});
