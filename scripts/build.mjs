// Bundles the CLI and the programmatic sandbox into dist/ with esbuild.
// Code splitting keeps heavy parts (the AWS SDK, the sandbox) in chunks that load only when used.
import { build } from "esbuild";
import { chmod, readFile, rm, writeFile } from "node:fs/promises";

const outdir = new URL("../dist/", import.meta.url);
const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
await rm(outdir, { recursive: true, force: true });

await build({
  entryPoints: { cli: "src/cli/main.ts", sandbox: "src/sandbox/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  legalComments: "none",
  define: { __S3_TUTOR_VERSION__: JSON.stringify(version) },
  logLevel: "warning",
  // Bundled CommonJS dependencies still call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __s3tutorCreateRequire } from "node:module"; const require = __s3tutorCreateRequire(import.meta.url);',
  },
});

const cli = new URL("cli.js", outdir);
await writeFile(cli, "#!/usr/bin/env node\n" + (await readFile(cli, "utf8")));
await chmod(cli, 0o755);
