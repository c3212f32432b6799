// Checks the shipped content as `s3-tutor validate --strict` does (a problem or a warning fails the
// build) and writes the app's part of it, parsed, to dist/content.json: the installed app starts
// from that, without reading or checking YAML (src/cli/built-content.ts). Then writes every shipped
// file as checked, by its hash, to dist/checked-files.json for the bundle's chunk named in the first
// argument (src/content/checked-files.ts). Run by scripts/build.mjs.
import { join } from "node:path";
import { builtContentPath } from "../src/cli/built-content";
import { writeBuiltContent } from "../src/cli/write-built-content";
import { writeCheckedFiles } from "../src/cli/write-checked-files";
import { CHECKED_FILES } from "../src/content/checked-files";
import { packageRoot } from "../src/content/package-root";

if (!(await writeBuiltContent(builtContentPath()))) {
  process.stderr.write("build: the shipped content does not pass `s3-tutor validate --strict` (above)\n");
  process.exit(1);
}
const code = process.argv[2];
if (!code) throw new Error("build-content: give the name of the chunk that checks content files");
await writeCheckedFiles(join(packageRoot(), "dist", CHECKED_FILES), code);
