// Bundles the CLI and the programmatic sandbox into dist/ with esbuild, then checks the shipped
// content and builds it, parsed, into dist/content.json (scripts/build-content.ts).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { chmod, readFile, rm, writeFile } from "node:fs/promises";
import { buildOptions } from "./build-options.mjs";

const outdir = new URL("../dist/", import.meta.url);
const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
await rm(outdir, { recursive: true, force: true });
await build(buildOptions(version));

const cli = new URL("cli.js", outdir);
await writeFile(cli, "#!/usr/bin/env node\n" + (await readFile(cli, "utf8")));
await chmod(cli, 0o755);

const content = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-content.ts"], { cwd: new URL("..", import.meta.url), stdio: "inherit" });
if (content.status !== 0) {
  await rm(outdir, { recursive: true, force: true });
  process.exit(1);
}
