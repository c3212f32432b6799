/**
 * A sandbox serving a data directory in a process of its own, for tests that kill it:
 *   node --import tsx test/helpers/serve-data-dir.ts <dataDir> [replicationDelayMs]
 * Prints "ENDPOINT <url>" once it listens.
 */
import { startSandbox } from "../../src/sandbox/index";

const [dataDir, delay] = process.argv.slice(2);
if (!dataDir) throw new Error("usage: serve-data-dir.ts <dataDir> [replicationDelayMs]");
const sandbox = await startSandbox({ dataDir, replicationDelay: delay === undefined ? 1000 : Number(delay) });
// The handler is in place before the endpoint is announced: a parent may send SIGTERM the
// moment it reads it, and a signal with no handler yet would kill the process, lock and all.
process.on("SIGTERM", () => void sandbox.close().then(() => process.exit(0)));
process.stdout.write(`ENDPOINT ${sandbox.endpoint}\n`);
