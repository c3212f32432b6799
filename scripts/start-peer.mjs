#!/usr/bin/env node
// Starts LocalStack or moto from its venv (scripts/peers.mjs installs it) on a loopback port,
// in the foreground; Ctrl-C (or SIGTERM) stops it.
//
//   node scripts/start-peer.mjs localstack [--port 4566]    (--port 0: any free port)
//   node scripts/start-peer.mjs moto [--port 0]
//
// Once it answers, prints "ready: <peer> at <endpoint>" and the variable the tests read, e.g.
// "export S3_TUTOR_LOCALSTACK_ENDPOINT=http://127.0.0.1:4566".
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { peerNamed } from "./lib/peers.mjs";

const READY_WITHIN_MS = 180_000;

const [name, ...rest] = process.argv.slice(2);
const peer = peerNamed(name ?? "");
const portFlag = rest.indexOf("--port");
const askedPort = portFlag >= 0 ? Number(rest[portFlag + 1]) : peer.defaultPort;

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const venv = peer.venv();
const [command] = peer.command(venv, 0);
if (!existsSync(command)) {
  console.error(`${name}: not installed at ${venv}; run \`npm run peers\` (node scripts/peers.mjs ${name}) first.`);
  process.exit(1);
}

const port = askedPort === 0 ? await freePort() : askedPort;
const endpoint = `http://127.0.0.1:${port}`;
const home = mkdtempSync(join(tmpdir(), `s3-tutor-${name}-`));
const child = spawn(...peer.command(venv, port), { env: { ...process.env, ...peer.env(port, home) }, stdio: ["ignore", "inherit", "inherit"] });
let stopping = false;

const removeHome = () => rmSync(home, { recursive: true, force: true });
child.on("exit", (code, signal) => {
  removeHome();
  if (!stopping) console.error(`${name}: exited before it was stopped (${signal ?? `code ${code}`})`);
  process.exit(stopping ? 0 : 1);
});
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  // Whatever it does on SIGTERM, it is gone within 10 s.
  setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const started = Date.now();
for (;;) {
  if (Date.now() - started > READY_WITHIN_MS) {
    console.error(`${name}: did not answer at ${endpoint} within ${READY_WITHIN_MS / 1000} s`);
    stop();
    break;
  }
  const answered = await fetch(peer.health(endpoint), { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );
  if (answered) {
    const variable = `S3_TUTOR_${name.toUpperCase()}_ENDPOINT`;
    console.log(`ready: ${peer.title} at ${endpoint} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`export ${variable}=${endpoint}`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
