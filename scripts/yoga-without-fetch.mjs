import { readFile } from "node:fs/promises";

// yoga-layout (Ink's layout engine) carries its WebAssembly as a base64 data: URL, and its
// Emscripten loader decodes it with fetch() wherever fetch is a function. On Node the first
// touch of the global fetch loads undici (~25 ms), before the first frame, for a string it
// can decode by itself: with `fetch` declared undefined in that one module, the loader takes
// its own synchronous path (atob). Nothing else in the bundle is affected.
export const YOGA_LOADER = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;

export const yogaWithoutFetchPlugin = {
  name: "yoga-without-fetch",
  setup(build) {
    build.onLoad({ filter: YOGA_LOADER }, async ({ path }) => ({
      contents: `var fetch = undefined;\n${await readFile(path, "utf8")}`,
      loader: "js",
    }));
  },
};
