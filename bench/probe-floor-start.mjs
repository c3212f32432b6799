// The floor for start-up: a bare Node HTTP server listening on loopback. Prints JSON.
import { createServer } from "node:http";
const t0 = performance.now();
const server = createServer((_, res) => res.end());
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const t1 = performance.now();
server.close();
console.log(JSON.stringify({ importMs: 0, startMs: t1 - t0, warmStartMs: t1 - t0 }));
