import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { buildOptions, entryBuildOptions } from "../../scripts/build-options.mjs";

/**
 * Start-up must not pay for what it does not show. This builds dist/ in memory and follows the
 * static imports (import statements, not import()) from the outputs that start-up loads.
 */

/** `entries` and every output they import statically (import statements, not import()), transitively. */
const loadedOutputs = (metafile: Metafile, ...entries: string[]): string[] => {
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    const file = metafile.outputs[output];
    if (!file) throw new Error(`no output ${output}`);
    for (const imported of file.imports) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
};

/** Every input in `entries` and in the outputs they import statically, transitively. */
const staticallyLoaded = (metafile: Metafile, ...entries: string[]): string[] => [
  ...new Set(loadedOutputs(metafile, ...entries).flatMap((output) => Object.keys(metafile.outputs[output]!.inputs))),
];

/** The Node built-ins that `entries` and the outputs they import statically import. */
const builtinsLoaded = (metafile: Metafile, ...entries: string[]): string[] => [
  ...new Set(
    loadedOutputs(metafile, ...entries).flatMap((output) =>
      metafile.outputs[output]!.imports.filter((imported) => imported.kind === "import-statement" && imported.external).map((imported) => imported.path.replace(/^node:/, "")),
    ),
  ),
];

/** The output that holds `input` (a source file). */
const outputOf = (metafile: Metafile, input: string): string => {
  const found = Object.entries(metafile.outputs).find(([name, output]) => name.endsWith(".js") && input in output.inputs)?.[0];
  if (!found) throw new Error(`${input} is in no output`);
  return found;
};

/** The app's first chunk, which dist/cli.js loads (src/bundle/cli-entry.ts). */
const START = "dist/chunks/start.js";

/** What every command loads: the first chunk (start.ts) and the commands it imports (main.ts). */
const atStart = (metafile: Metafile): string[] => staticallyLoaded(metafile, START, outputOf(metafile, "src/cli/main.ts"));

/**
 * What the bundle loads before the home screen's first frame on `s3-tutor` alone: the entry, the
 * bare start (open-app.ts, not main.ts), the move of a former version's state, the app command, the screens' start.
 */
const beforeFirstFrame = (metafile: Metafile): string[] =>
  staticallyLoaded(
    metafile,
    START,
    ...["src/cli/open-app.ts", "src/store/move-former-state.ts", "src/cli/commands/app.ts", "src/ui/start-app.tsx"].map((input) => outputOf(metafile, input)),
  );

const HEAVY: Record<string, RegExp> = {
  zod: /node_modules\/zod\//,
  "the AWS SDK": /node_modules\/@(aws-sdk|smithy|aws-crypto)\//,
  "the sandbox": /^src\/sandbox\//,
  "the content's checks and YAML": /^src\/content\/(catalog|validate|content-file|salvage|schema\/)|node_modules\/yaml\//,
  "the markdown renderer": /node_modules\/(marked|marked-terminal)\//,
  "a syntax highlighter, emoji data or an HTML parser": /node_modules\/(highlight\.js|cli-highlight|node-emoji|emojilib|parse5[^/]*|htmlparser2)\//,
};

describe("the bundle", () => {
  let metafile: Metafile;
  beforeAll(async () => {
    metafile = (await build({ ...(buildOptions("test") as object), write: false, metafile: true })).metafile;
  }, 120_000);

  it("dist/cli.js holds the chunk loader and what finds the cache folder, nothing of the app", async () => {
    const entry = (await build({ ...(entryBuildOptions("test") as object), write: false, metafile: true })).metafile;
    const inputs = Object.keys(entry.outputs["dist/cli.js"]!.inputs);
    expect(inputs).toContain("src/bundle/chunk-loader.ts");
    expect(inputs.filter((input) => !/^src\/bundle\/(cli-entry|chunk-loader)\.ts$|^src\/store\/state-dir\.ts$|node_modules\/(env-paths|is-safe-filename)\//.test(input))).toEqual([]);
  });

  it("the first chunk loads nothing before it picks the bare start or the commands", () => {
    expect(staticallyLoaded(metafile, START)).toEqual(["src/cli/start.ts"]);
    const dynamic = metafile.outputs[START]!.imports.filter((imported) => imported.kind === "dynamic-import").map((imported) => imported.path);
    expect(dynamic.sort()).toEqual([outputOf(metafile, "src/cli/main.ts"), outputOf(metafile, "src/cli/open-app.ts")].sort());
  });

  it("opens the screens of `s3-tutor` alone without commander or the other commands' definitions", () => {
    const loaded = beforeFirstFrame(metafile);
    expect(loaded).toContain("src/cli/open-app.ts");
    expect(loaded.filter((input) => /node_modules\/commander\/|^src\/cli\/main\.ts$/.test(input))).toEqual([]);
  });

  it("loads neither the AWS SDK nor the sandbox nor zod until a command needs them", () => {
    const loaded = atStart(metafile);
    expect(loaded).toContain("src/cli/main.ts");
    for (const [name, pattern] of Object.entries(HEAVY)) expect(loaded.filter((input) => pattern.test(input)), name).toEqual([]);
  });

  it("loads before the home screen's first frame no zod, SDK, sandbox, content checks, markdown or markdown extras", () => {
    const loaded = beforeFirstFrame(metafile);
    expect(loaded).toContain("src/ui/screens/home.tsx");
    expect(loaded).toContain("src/cli/app-content.ts");
    expect(loaded).toContain("src/cli/run-command.ts");
    for (const [name, pattern] of Object.entries(HEAVY)) expect(loaded.filter((input) => pattern.test(input)), name).toEqual([]);
  });

  it("loads no node:crypto before the home screen's first frame (~5 ms on Node 20: temporary file names and the content cache's digest do without it)", () => {
    const entries = [START, ...["src/cli/open-app.ts", "src/store/move-former-state.ts", "src/cli/commands/app.ts", "src/ui/start-app.tsx"].map((input) => outputOf(metafile, input))];
    const builtins = builtinsLoaded(metafile, ...entries);
    expect(builtins).toContain("fs/promises");
    expect(builtins).not.toContain("crypto");
  });

  it("measures the screens' text through the narrow-text shortcut: every string-width that Ink and its helpers import", () => {
    const loaded = beforeFirstFrame(metafile);
    const widths = loaded.filter((input) => /node_modules\/(.*\/)?string-width\/index\.js/.test(input));
    expect(widths.length).toBeGreaterThan(0);
    // The plugin loads each one twice: as itself, and as the shortcut in front of it (?narrow-width).
    expect(widths.filter((input) => !input.endsWith("?narrow-width")).sort()).toEqual(
      widths.filter((input) => input.endsWith("?narrow-width")).map((input) => input.slice(0, -"?narrow-width".length)).sort(),
    );
    expect(loaded).toContain("scripts/narrow-string-width.mjs");
  });

  it("validate checks operation names without the AWS SDK (a list generated from it)", () => {
    const loaded = staticallyLoaded(metafile, outputOf(metafile, "src/cli/commands/validate.ts"));
    expect(loaded).toContain("src/handson/sdk-operations.ts");
    expect(loaded.filter((input) => HEAVY["the AWS SDK"]!.test(input))).toEqual([]);
    const validate = metafile.outputs[outputOf(metafile, "src/cli/commands/validate.ts")]!;
    expect(validate.imports.filter((imported) => imported.kind === "dynamic-import")).toEqual([]);
  });

  it("ships no syntax highlighter, emoji data or HTML parser at all: the markdown renderer has stand-ins for them", () => {
    const everything = Object.keys(metafile.inputs);
    expect(everything.some((input) => input.includes("node_modules/marked-terminal/"))).toBe(true);
    expect(everything.filter((input) => HEAVY["a syntax highlighter, emoji data or an HTML parser"]!.test(input))).toEqual([]);
  });

  it("loads the targets' code (the sandbox's and the SDK clients' starters) only when a step first needs a target", () => {
    const loaded = beforeFirstFrame(metafile);
    expect(loaded).toContain("src/targets/target-session.ts");
    expect(loaded.filter((input) => /^src\/targets\/(create-target|learner-sandbox|sandbox-target|sdk-clients|preflight-errors)\.ts$/.test(input))).toEqual([]);
  });

  it("reaches every screen but home only through import() from the app", () => {
    const loaded = beforeFirstFrame(metafile);
    expect(loaded.filter((input) => input.startsWith("src/ui/screens/"))).toEqual(["src/ui/screens/home.tsx"]);
    // The app's other screens, each in the bundle all the same: an import() of lazy-screens.ts finds it.
    const lazy = metafile.outputs[outputOf(metafile, "src/ui/lazy-screens.ts")]!;
    const dynamic = lazy.imports.filter((imported) => imported.kind === "dynamic-import").map((imported) => imported.path);
    for (const screen of ["lesson-list", "lesson-player", "quiz-menu", "quiz-runner", "stats", "target-picker", "help", "interview", "agenda", "live-question"]) {
      const output = outputOf(metafile, `src/ui/screens/${screen}.tsx`);
      expect(dynamic, screen).toContain(output);
    }
  });

  it("the app's screens load the mock interview (its screens and engine) only when it is opened", () => {
    const loaded = beforeFirstFrame(metafile);
    // Home names the interview cards due (interview-card.ts: a key and a rating, nothing more).
    const interviewCode = loaded.filter((input) => input.startsWith("src/engine/interview/") || input.startsWith("src/ui/screens/interview"));
    expect(interviewCode.filter((input) => input !== "src/engine/interview/interview-card.ts")).toEqual([]);
  });

  it("the lesson player's world panel loads its readers only when the panel first reads", () => {
    const loaded = staticallyLoaded(metafile, outputOf(metafile, "src/ui/screens/lesson-player.tsx"));
    expect(loaded).toContain("src/ui/components/world/world-panel.tsx");
    // The readers through the API and their entry point (the sandbox's in-memory mapping is the sandbox target's own).
    const readers = loaded.filter((input) => /^src\/targets\/world\/(read-world(-api)?|api-[a-z-]+)\.ts$/.test(input));
    expect(readers).toEqual([]);
    expect(Object.values(metafile.outputs).some((output) => "src/targets/world/read-world.ts" in output.inputs)).toBe(true);
  });
});
