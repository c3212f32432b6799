#!/usr/bin/env node
// Installs LocalStack and moto into venvs outside the clone, for the suites that compare the
// sandbox with them (test/differential, test/cli/run-localstack). Reuses a venv while its pins
// match, so only the first run pays for pip.
//
//   node scripts/peers.mjs [localstack|moto ...]    (default: both)
//
// The venvs live in ${S3_TUTOR_VENV_DIR:-${XDG_CACHE_HOME:-~/.cache}/s3-tutor}/venv-<peer>.
// scripts/start-peer.mjs starts one.
import { ensurePinnedVenv } from "./lib/pinned-venv.mjs";
import { PEERS, peerNamed } from "./lib/peers.mjs";

const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(PEERS);
let failed = false;
for (const name of names) {
  const peer = peerNamed(name);
  const started = Date.now();
  try {
    const installed = ensurePinnedVenv({ name, venv: peer.venv(), python: peer.python, packages: peer.packages, constraints: peer.constraints });
    if (installed) console.log(`${name}: installed ${peer.title} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    console.error(`${name}: could not install ${peer.title}: ${error.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
