import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { buildOptions } from "../../scripts/build-options.mjs";

/**
 * Start-up must not pay for the AWS SDK or the sandbox: the bundle reaches them only through
 * dynamic import(). This builds dist/ in memory and follows cli.js's static imports.
 */
const staticallyLoaded = (metafile: Metafile, entry: string): Set<string> => {
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    const file = metafile.outputs[output];
    if (!file) return;
    for (const input of Object.keys(file.inputs)) inputs.add(input);
    for (const imported of file.imports) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(entry);
  return inputs;
};

describe("the bundle", () => {
  it("loads neither the AWS SDK nor the sandbox until a command needs them", { timeout: 60_000 }, async () => {
    const result = await build({ ...(buildOptions("test") as object), write: false, metafile: true, sourcemap: false });
    const loaded = [...staticallyLoaded(result.metafile, "dist/cli.js")];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((input) => input.includes("node_modules/@aws-sdk/"))).toEqual([]);
    expect(loaded.filter((input) => input.includes("node_modules/@smithy/"))).toEqual([]);
    expect(loaded.filter((input) => input.startsWith("src/sandbox/"))).toEqual([]);
    expect(loaded.filter((input) => input.includes("node_modules/zod/"))).toEqual([]);
  });

  it("the app's screens load the mock interview (its screens and engine) only when it is opened", { timeout: 60_000 }, async () => {
    const result = await build({ ...(buildOptions("test") as object), write: false, metafile: true, sourcemap: false });
    const outputs = Object.entries(result.metafile.outputs);
    const app = outputs.find(([, output]) => "src/ui/app.tsx" in output.inputs)?.[0];
    expect(app).toBeDefined();
    const loaded = [...staticallyLoaded(result.metafile, app ?? "")];
    expect(loaded).toContain("src/ui/screens/home.tsx");
    // Home names the interview cards due (interview-card.ts: a key and a rating, nothing more).
    const interviewCode = loaded.filter((input) => input.startsWith("src/engine/interview/") || input.startsWith("src/ui/screens/interview"));
    expect(interviewCode.filter((input) => input !== "src/engine/interview/interview-card.ts")).toEqual([]);
    // Reached all the same, through the app's dynamic import.
    expect(outputs.some(([, output]) => "src/ui/screens/interview.tsx" in output.inputs)).toBe(true);
  });

  it("the world panel's readers load only when the panel first reads", { timeout: 60_000 }, async () => {
    const result = await build({ ...(buildOptions("test") as object), write: false, metafile: true, sourcemap: false });
    const outputs = Object.entries(result.metafile.outputs);
    const app = outputs.find(([, output]) => "src/ui/app.tsx" in output.inputs)?.[0];
    const loaded = [...staticallyLoaded(result.metafile, app ?? "")];
    expect(loaded).toContain("src/ui/components/world/world-panel.tsx");
    // The readers through the API and their entry point (the sandbox's in-memory mapping is the sandbox target's own).
    const readers = loaded.filter((input) => /^src\/targets\/world\/(read-world(-api)?|api-[a-z-]+)\.ts$/.test(input));
    expect(readers).toEqual([]);
    expect(outputs.some(([, output]) => "src/targets/world/read-world.ts" in output.inputs)).toBe(true);
  });
});
