import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheDir } from "../store/state-dir";
import { chunkLoader } from "./chunk-loader";

/** Set by the build (scripts/build.mjs): a digest of every chunk's text. */
declare const __S3_TUTOR_CHUNKS_BUILD__: string;

/**
 * dist/cli.js, the `s3-tutor` command: it loads the app's chunks (src/cli/start.ts first) with V8's
 * code cache kept in the cache folder (compile-cache/, one subfolder per Node version and build;
 * safe to delete at any time). A second start reads the code the first one compiled, the first
 * frame's functions included, instead of compiling it again. As with Node's own compile cache,
 * NODE_COMPILE_CACHE=<folder> puts it in that folder, and NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
const folder = process.env.NODE_COMPILE_CACHE || join(cacheDir(), "compile-cache");
const codeCache = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : { folder, build: __S3_TUTOR_CHUNKS_BUILD__ };
await chunkLoader({ codeCache }).load(fileURLToPath(new URL("./chunks/start.js", import.meta.url)));
