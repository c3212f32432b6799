import * as nodeModule from "node:module";
import { join } from "node:path";
import { cacheDir } from "../store/state-dir";

/**
 * The built CLI's entry (dist/cli.js): it turns on Node's compile cache, then loads the commands.
 * With the cache, a second start reads V8's compiled code of the app's modules from disk instead
 * of compiling them again: most of what a start spends on code before the first frame. It lives in
 * the cache folder (compile-cache/, one subfolder per Node version; safe to delete at any time).
 * Node older than 22.8 has no enableCompileCache and simply compiles every time; NODE_COMPILE_CACHE
 * (a folder) and NODE_DISABLE_COMPILE_CACHE=1 still decide where it goes and whether it is used.
 * Only what is imported after this runs is cached, so this file imports as little as it can.
 */
const enableCompileCache = (nodeModule as { enableCompileCache?: (directory?: string) => unknown }).enableCompileCache;
if (enableCompileCache && !process.env.NODE_COMPILE_CACHE) {
  try {
    enableCompileCache(join(cacheDir(), "compile-cache"));
  } catch {
    // An unwritable cache folder: the app starts all the same, compiling as it did without one.
  }
}

// `s3-tutor` alone (the commonest start) opens the screens without loading the command-line parser.
if (process.argv.length <= 2) await import("./open-app");
else await import("./main");
