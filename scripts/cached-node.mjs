#!/usr/bin/env node
// Installs Node.js of the given majors into the cache directory (reused while present) and prints
// each binary's path on stdout, one a line; what it did and the exact versions go to stderr.
//
//   node scripts/cached-node.mjs [22 24 ...]    (default: the test matrix, 22 and 24)
//
// The binaries live in ${S3_TUTOR_VENV_DIR:-${XDG_CACHE_HOME:-~/.cache}/s3-tutor}/node-<major>.
import { MATRIX_MAJORS, ensureCachedNode } from "./lib/cached-node.mjs";

const majors = process.argv.length > 2 ? process.argv.slice(2).map(Number) : MATRIX_MAJORS;
for (const major of majors) {
  if (!Number.isInteger(major) || major < 1) {
    console.error(`not a Node major version: ${process.argv.slice(2).join(" ")}`);
    process.exit(2);
  }
  try {
    console.log(ensureCachedNode(major).bin);
  } catch (error) {
    console.error(`node ${major}: ${error.message}`);
    process.exit(1);
  }
}
