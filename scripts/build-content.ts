// Checks the shipped content as `s3-tutor validate --strict` does (a problem or a warning fails the
// build) and writes the app's part of it, parsed, to dist/content.json: the installed app starts
// from that, without reading or checking YAML (src/cli/built-content.ts). Run by scripts/build.mjs.
import { builtContentPath } from "../src/cli/built-content";
import { writeBuiltContent } from "../src/cli/write-built-content";

if (!(await writeBuiltContent(builtContentPath()))) {
  process.stderr.write("build: the shipped content does not pass `s3-tutor validate --strict` (above)\n");
  process.exit(1);
}
