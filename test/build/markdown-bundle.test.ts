import { build } from "esbuild";
import { mkdtempSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { stripVTControlCharacters } from "node:util";
// @ts-expect-error: a plain .mjs module without types
import { buildOptions } from "../../scripts/build-options.mjs";

/**
 * dist/ bundles marked-terminal without its syntax highlighter and emoji data (stand-ins, see
 * scripts/build-options.mjs). A lesson's code must still read as code: this bundles the app's
 * markdown renderer with dist/'s options and renders a lesson's kind of markdown with it.
 */
const LESSON = [
  "Replication needs a rule like this, and `--profile` on the command line:",
  "",
  "```yaml",
  "Rules:",
  "  - Status: Enabled",
  "    Priority: 1",
  "```",
  "",
  "| Class | Minimum |",
  "| --- | --- |",
  "| STANDARD_IA | 30 days |",
  "",
].join("\n");

describe("the bundled markdown renderer", () => {
  it("shows a code block whole, indented and in colour, without the highlighter; tables and inline code as before", { timeout: 60_000 }, async () => {
    const outdir = mkdtempSync(join(tmpdir(), "s3-tutor-markdown-bundle-"));
    const entry = join(outdir, "entry.ts");
    await writeFile(entry, `export { renderMarkdown } from ${JSON.stringify(join(process.cwd(), "src/ui/components/markdown.ts"))};\n`);
    const result = await build({ ...(buildOptions("test") as object), entryPoints: { markdown: entry }, outdir, metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /node_modules\/(highlight\.js|cli-highlight|emojilib|node-emoji|parse5)/.test(input))).toEqual([]);

    // The bundle's chalk decides on colour as it loads (with the renderer, on first use): as in a learner's terminal, colour on.
    const forceColor = process.env.FORCE_COLOR;
    process.env.FORCE_COLOR = "1";
    let coloured: string[];
    try {
      const { renderMarkdown } = (await import(pathToFileURL(join(outdir, "markdown.js")).href)) as typeof import("../../src/ui/components/markdown");
      coloured = await renderMarkdown(LESSON, 60, { colour: true });
    } finally {
      if (forceColor === undefined) delete process.env.FORCE_COLOR;
      else process.env.FORCE_COLOR = forceColor;
    }
    const lines = coloured.map((line) => stripVTControlCharacters(line).replace(/[\uE000-\uF8FF]/g, ""));
    const code = lines.filter((line) => /Rules:|Status: Enabled|Priority: 1/.test(line));
    expect(code).toEqual(["  Rules:", "    - Status: Enabled", "      Priority: 1"]);
    // In the code colour, as marked-terminal shows code whose language it cannot highlight.
    expect(coloured.find((line) => line.includes("Status: Enabled"))).toMatch(/\u001B\[33m/);
    expect(lines.some((line) => line.includes("STANDARD_IA") && line.includes("30 days"))).toBe(true);
    expect(lines[0]).toContain("--profile");
  });
});
