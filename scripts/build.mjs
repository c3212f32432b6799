// Bundles the CLI and the programmatic sandbox into dist/ with esbuild, then checks the shipped
// content and builds it, parsed, into dist/content.json and dist/checked-files.json (scripts/build-content.ts).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { chmod, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { basename, join } from "node:path";
import { buildOptions, entryBuildOptions } from "./build-options.mjs";
import { mergeFrameChunks } from "./merge-frame-chunks.mjs";
import { toScriptChunks } from "./script-chunks.mjs";
import { thirdPartyNotices } from "./third-party-notices.mjs";

const outdir = new URL("../dist/", import.meta.url);
const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
await rm(outdir, { recursive: true, force: true });
const { metafile } = await build({ ...buildOptions(version), metafile: true });
const root = fileURLToPath(new URL("..", import.meta.url));
// The chunks the home screen's first frame loads, merged into a few modules (scripts/merge-frame-chunks.mjs).
await mergeFrameChunks(metafile, root);
// Every chunk as a classic script, whose compiled code the app keeps (scripts/script-chunks.mjs), then
// the two files that load them: dist/cli.js and dist/sandbox.js.
const { build: chunksBuild } = await toScriptChunks(join(root, "dist", "chunks"));
await build({ ...entryBuildOptions(chunksBuild), absWorkingDir: root });
await writeFile(new URL("THIRD-PARTY-NOTICES.txt", outdir), thirdPartyNotices(metafile, root));

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
