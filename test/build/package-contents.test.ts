import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { buildOptions } from "../../scripts/build-options.mjs";
// @ts-expect-error: a plain .mjs module without types
import { thirdPartyNotices } from "../../scripts/third-party-notices.mjs";

/**
 * What `npm install s3-tutor` gets: dist/ holds every package the code uses, so the package
 * declares no runtime dependency the bundle already inlines, ships no source maps, and carries
 * the bundled packages' licenses. The build runs in memory; npm pack only lists files.
 */
const manifest = JSON.parse(readFileSync("package.json", "utf8")) as {
  files: string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const runtimeDependencies = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies });

/** ws loads these native speed-ups with require() inside try/catch and works without them. */
const OPTIONAL_NATIVE_ADDONS = ["bufferutil", "utf-8-validate"];

let metafile: Metafile;
let outputs: string[];
beforeAll(async () => {
  const result = await build({ ...(buildOptions("test") as object), write: false, metafile: true });
  metafile = result.metafile;
  outputs = result.outputFiles.map((file) => file.path);
}, 60_000);

/** Folder → package name, for each node_modules package among the bundle's inputs. */
const bundledFolders = (): Map<string, string> => {
  const folders = new Map<string, string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match?.[1] && match[2]) folders.set(match[1], match[2]);
  }
  return folders;
};

const packageName = (specifier: string): string => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

describe("the published package", () => {
  it("declares no runtime dependency that the bundle inlines", () => {
    const bundled = new Set(bundledFolders().values());
    expect(bundled.size).toBeGreaterThan(20);
    expect(bundled).toContain("ink");
    expect(runtimeDependencies.filter((name) => bundled.has(name))).toEqual([]);
  });

  it("needs at run time only Node's built-ins and its declared dependencies", () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const external = new Set<string>();
    for (const output of Object.values(metafile.outputs)) {
      for (const imported of output.imports) {
        if (imported.external && !builtins.has(imported.path)) external.add(packageName(imported.path));
      }
    }
    const allowed = new Set([...runtimeDependencies, ...OPTIONAL_NATIVE_ADDONS]);
    expect([...external].filter((name) => !allowed.has(name))).toEqual([]);
  });

  it("the build writes no source maps", () => {
    expect(outputs.some((path) => path.endsWith("start.js"))).toBe(true);
    expect(outputs.filter((path) => path.endsWith(".map"))).toEqual([]);
  });

  describe("npm pack", () => {
    let folder: string;
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it("leaves out source maps, should dist/ hold any (an older build wrote them)", { timeout: 30_000 }, () => {
      // This package.json beside a dist/ with maps, packed without scripts.
      folder = mkdtempSync(join(tmpdir(), "s3-tutor-pack-"));
      writeFileSync(join(folder, "package.json"), JSON.stringify({ ...manifest, scripts: {} }));
      const shipped = ["dist/cli.js", "dist/chunks/app.js", "dist/THIRD-PARTY-NOTICES.txt", "lessons/a.yaml"];
      for (const file of [...shipped, "dist/cli.js.map", "dist/chunks/app.js.map"]) {
        mkdirSync(join(folder, dirname(file)), { recursive: true });
        writeFileSync(join(folder, file), "x");
      }
      const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--offline"], {
        cwd: folder,
        encoding: "utf8",
        shell: process.platform === "win32",
      });
      expect(pack.status, pack.stderr).toBe(0);
      const [report] = JSON.parse(pack.stdout) as [{ files: { path: string }[] }];
      const paths = report.files.map((file) => file.path);
      expect(paths).toEqual(expect.arrayContaining(shipped));
      expect(paths.filter((path) => path.endsWith(".map"))).toEqual([]);
    });
  });

  it("ships the license text of every package it bundles", () => {
    const notices: string = thirdPartyNotices(metafile, process.cwd());
    const normalized = (text: string) => text.replace(/\r\n?/g, "\n").trim();
    const missing: string[] = [];
    for (const folder of bundledFolders().keys()) {
      const { name, version } = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name: string; version: string };
      if (!notices.includes(`${name}@${version}`)) missing.push(`${name}@${version}`);
      for (const file of readdirSync(folder).filter((entry) => /^(licen[cs]e|copying|notice)/i.test(entry))) {
        if (!notices.includes(normalized(readFileSync(join(folder, file), "utf8")))) missing.push(`${name}@${version} ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
