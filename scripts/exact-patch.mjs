import { readFile } from "node:fs/promises";

// A change to a bundled package's file that holds only while the file has the exact text it was
// written against: a new version of the package fails the build, so the change gets looked at again.

/** `source` with `original` replaced; throws, naming `what` and `script`, when `original` is not in it. */
export const replaceExactly = (source, original, replacement, { what, script }) => {
  const normalized = source.replace(/\r\n/g, "\n");
  if (!normalized.includes(original)) throw new Error(`${what} is not the one ${script} knows: check the shortcut against it`);
  return normalized.replace(original, replacement);
};

/** An esbuild plugin giving the files `filter` matches through `patch(source)`. */
export const exactPatchPlugin = (name, filter, patch) => ({
  name,
  setup(build) {
    build.onLoad({ filter }, async ({ path }) => ({ contents: patch(await readFile(path, "utf8")), loader: "js" }));
  },
});
