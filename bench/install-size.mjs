// What `npm install s3-tutor` costs: packs this checkout (npm pack runs prepack, the build),
// installs the tarball into a fresh project with an empty npm cache, and prints the installed size,
// the number of packages, the tarball's size and whether it holds source maps. Then it runs the
// installed binary (--version, validate, run <lesson> --auto) to show the install works without
// the devDependencies. Packing leaves its build in dist/.
//
//   node bench/install-size.mjs [--root DIR] [--lesson ID] [--shared-cache] [--keep]
//
// --root packs another checkout, for a before/after (an older commit: `git archive <commit> | tar -x -C DIR`
// and a node_modules link for its build);
// --shared-cache uses your npm cache instead of an empty one (faster, but a warm cache hides
// what a first install downloads); --keep leaves the temporary folder and prints its path.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    root: { type: "string", default: fileURLToPath(new URL("..", import.meta.url)) },
    lesson: { type: "string", default: "bucket-naming" },
    "shared-cache": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const root = resolve(options.root);
const work = mkdtempSync(join(tmpdir(), "s3-tutor-install-size-"));

const run = (command, args, cwd, env = {}) => {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === "win32",
  });
  const ms = Math.round(performance.now() - started);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { ...result, ms };
};

/** Bytes of every file under a folder (what the files hold, not the blocks they take). */
const bytesUnder = (folder) => {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
};
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

try {
  const npmEnv = options["shared-cache"] ? {} : { npm_config_cache: join(work, "npm-cache") };

  const pack = run("npm", ["pack", "--json", "--pack-destination", work], root);
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("[")));
  const maps = packed.files.filter((file) => file.path.endsWith(".map"));
  const tarball = join(work, packed.filename);

  const project = join(work, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "install-size-probe", version: "1.0.0", private: true }));
  const install = run("npm", ["install", tarball, "--no-audit", "--no-fund"], project, npmEnv);
  const warnings = `${install.stdout}\n${install.stderr}`.split("\n").filter((line) => /\bnpm warn\b/i.test(line));

  // npm's record of what it installed: one entry per package folder (s3-tutor itself included).
  const installed = Object.keys(JSON.parse(readFileSync(join(project, "node_modules", ".package-lock.json"), "utf8")).packages);
  const du = run("du", ["-sk", join(project, "node_modules")], project).stdout.split("\t")[0];

  console.log(`packed ${packed.id} from ${root} in ${pack.ms} ms (its pack scripts included)`);
  console.log(`tarball:   ${mb(packed.size)} (${packed.entryCount} files, ${mb(packed.unpackedSize)} unpacked)`);
  console.log(`maps:      ${maps.length === 0 ? "none in the tarball" : `${maps.length} .map files in the tarball`}`);
  console.log(
    `installed: ${mb(bytesUnder(join(project, "node_modules")))} in files, ${mb(Number(du) * 1024)} on disk (du -sk node_modules), ` +
      `${installed.length} packages (s3-tutor included), in ${install.ms} ms with ${options["shared-cache"] ? "the shared" : "an empty"} cache`,
  );
  console.log(`npm warnings while installing: ${warnings.length === 0 ? "none" : `\n  ${warnings.join("\n  ")}`}`);

  // The installed binary, on its own: a state folder of its own, nothing from this checkout.
  const bin = join(project, "node_modules", ".bin", "s3-tutor");
  const env = { S3_TUTOR_STATE_DIR: join(work, "state") };
  for (const args of [["--version"], ["validate"], ["run", options.lesson, "--auto"]]) {
    const result = run(bin, args, project, env);
    const last = result.stdout.trim().split("\n").at(-1);
    console.log(`s3-tutor ${args.join(" ")}: exit ${result.status} in ${result.ms} ms, last line: ${last}`);
  }
} finally {
  if (options.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
