import envPaths from "env-paths";
import { homedir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { folders, formerStateDir, STATE_DIR_VARIABLE, stateDir } from "../../src/store/state-dir";

const platform = Object.getOwnPropertyDescriptor(process, "platform")!;
const onPlatform = (name: NodeJS.Platform) => Object.defineProperty(process, "platform", { ...platform, value: name });

afterEach(() => {
  Object.defineProperty(process, "platform", platform);
  vi.unstubAllEnvs();
});

const noOverride = () => {
  vi.stubEnv(STATE_DIR_VARIABLE, "");
  for (const name of ["XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"]) vi.stubEnv(name, "");
};

describe("the folders s3-tutor keeps its files in", () => {
  it("on Linux: state, data and cache in the XDG base directories, without env-paths' -nodejs suffix", () => {
    onPlatform("linux");
    noOverride();
    expect(folders()).toEqual({
      state: join(homedir(), ".local", "state", "s3-tutor"),
      data: join(homedir(), ".local", "share", "s3-tutor"),
      cache: join(homedir(), ".cache", "s3-tutor"),
    });
    vi.stubEnv("XDG_STATE_HOME", "/xdg/state");
    expect(stateDir()).toBe(join("/xdg/state", "s3-tutor"));
  });

  it("on macOS and Windows: state beside the data in the platform's application folder, as before; the cache in its own", () => {
    noOverride();
    for (const name of ["darwin", "win32"] as const) {
      onPlatform(name);
      const platformPaths = envPaths("s3-tutor", { suffix: "" });
      expect(folders()).toEqual({ state: platformPaths.data, data: platformPaths.data, cache: platformPaths.cache });
      expect(folders().state).not.toMatch(/nodejs/);
    }
  });

  it("S3_TUTOR_STATE_DIR holds all three, and then nothing is looked for in a former place", () => {
    vi.stubEnv(STATE_DIR_VARIABLE, "/somewhere/else");
    expect(folders()).toEqual({ state: "/somewhere/else", data: "/somewhere/else", cache: "/somewhere/else" });
    expect(formerStateDir()).toBeUndefined();
  });

  it("the former place is where every version before the split kept everything: the platform's data folder", () => {
    onPlatform("linux");
    noOverride();
    expect(formerStateDir()).toBe(envPaths("s3-tutor", { suffix: "" }).data);
  });
});
