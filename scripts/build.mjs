// Bundles the CLI and the programmatic sandbox into dist/ with esbuild, then checks the shipped
// content and builds it, parsed, into dist/content.json and dist/checked-files.json (scripts/build-content.ts).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { chmod, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { basename, join } from "node:path";
import { buildOptions } from "./build-options.mjs";
import { mergeFrameChunks } from "./merge-frame-chunks.mjs";
import { dropUnusedRequireBanners } from "./require-banner.mjs";
import { thirdPartyNotices } from "./third-party-notices.mjs";

const outdir = new URL("../dist/", import.meta.url);
const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
await rm(outdir, { recursive: true, force: true });
// --release (npm pack, npm publish): no source maps.
const release = process.argv.includes("--release");
const { metafile } = await build({ ...buildOptions(version, { release }), metafile: true });
const root = fileURLToPath(new URL("..", import.meta.url));
await dropUnusedRequireBanners(Object.keys(metafile.outputs).map((output) => join(root, output)));
// The chunks the home screen's first frame loads, merged into a few modules (scripts/merge-frame-chunks.mjs).
await mergeFrameChunks(metafile, root, { release });
await writeFile(new URL("THIRD-PARTY-NOTICES.txt", outdir), thirdPartyNotices(metafile, fileURLToPath(new URL("..", import.meta.url))));

const cli = new URL("cli.js", outdir);
await writeFile(cli, "#!/usr/bin/env node\n" + (await readFile(cli, "utf8")));
await chmod(cli, 0o755);

// The chunk that checks content files: dist/checked-files.json is for that code only (its name changes with it).
const checker = Object.entries(metafile.outputs).find(([output, { inputs }]) => output.endsWith(".js") && "src/content/content-file.ts" in inputs)?.[0];
if (!checker) throw new Error("build: no chunk holds src/content/content-file.ts");
const contentArgs = ["--import", "tsx", "scripts/build-content.ts", basename(checker)];
const content = spawnSync(process.execPath, contentArgs, { cwd: new URL("..", import.meta.url), stdio: "inherit" });
if (content.status !== 0) {
  await rm(outdir, { recursive: true, force: true });
  process.exit(1);
}
