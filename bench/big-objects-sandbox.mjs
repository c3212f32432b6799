// The sandbox in a process of its own for bench/sandbox-big-objects.mjs: starts it from dist/
// (options as JSON in argv[2]), prints {"endpoint"}, answers "usage" with its peak and current
// RSS in bytes, closes on "close".
const { startSandbox } = await import("../dist/sandbox.js");
const sandbox = await startSandbox(JSON.parse(process.argv[2] ?? "{}"));
process.stdout.write(`${JSON.stringify({ endpoint: sandbox.endpoint })}\n`);
process.on("message", (message) => {
  if (message === "usage") process.send({ peakRss: process.resourceUsage().maxRSS * 1024, rss: process.memoryUsage().rss });
  else if (message === "close") void sandbox.close().then(() => process.exit(0));
});
