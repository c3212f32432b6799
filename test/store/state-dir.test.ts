import envPaths from "env-paths";
import { afterEach, describe, expect, it } from "vitest";
import { STATE_DIR_VARIABLE, stateDir } from "../../src/store/state-dir";

const previous = process.env[STATE_DIR_VARIABLE];
afterEach(() => {
  if (previous === undefined) delete process.env[STATE_DIR_VARIABLE];
  else process.env[STATE_DIR_VARIABLE] = previous;
});

describe("the state directory", () => {
  it("is the platform's data folder for s3-tutor, without env-paths' -nodejs suffix", () => {
    delete process.env[STATE_DIR_VARIABLE];
    expect(stateDir()).toBe(envPaths("s3-tutor", { suffix: "" }).data);
    expect(stateDir()).not.toMatch(/nodejs/);
  });

  it("can be moved with S3_TUTOR_STATE_DIR", () => {
    process.env[STATE_DIR_VARIABLE] = "/somewhere/else";
    expect(stateDir()).toBe("/somewhere/else");
  });
});
