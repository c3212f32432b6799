// The sandbox in a process of its own for bench/sandbox-big-objects.mjs and bench/sandbox-put.mjs:
// starts it from dist/ (options as JSON in argv[2]), prints {"endpoint"}, answers "usage" with its
// peak and current RSS in bytes and its CPU time (process.cpuUsage()), closes on "close" or when
// its parent goes (a parent that died leaves no sandbox behind).
import { readFileSync } from "node:fs";

const { startSandbox } = await import("../dist/sandbox.js");
const sandbox = await startSandbox(JSON.parse(process.argv[2] ?? "{}"));
process.stdout.write(`${JSON.stringify({ endpoint: sandbox.endpoint })}\n`);

/** This process's own peak: on Linux getrusage's maxRSS starts at the RSS of the parent it was forked from. */
const peakRss = () => {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
};

let closing;
const close = () => (closing ??= sandbox.close().finally(() => process.exit(0)));
process.on("message", (message) => {
  if (message === "usage") process.send({ peakRss: peakRss(), rss: process.memoryUsage().rss, cpu: process.cpuUsage() });
  else if (message === "close") void close();
});
process.on("disconnect", () => void close());
