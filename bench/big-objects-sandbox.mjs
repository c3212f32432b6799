// The sandbox in a process of its own for bench/sandbox-big-objects.mjs and bench/sandbox-put.mjs:
// starts it from dist/ (options as JSON in argv[2]), prints {"endpoint"}, answers "usage" with its
// peak and current RSS in bytes and its CPU time (process.cpuUsage()), closes on "close" or when
// its parent goes (a parent that died leaves no sandbox behind).
const { startSandbox } = await import("../dist/sandbox.js");
const sandbox = await startSandbox(JSON.parse(process.argv[2] ?? "{}"));
process.stdout.write(`${JSON.stringify({ endpoint: sandbox.endpoint })}\n`);
let closing;
const close = () => (closing ??= sandbox.close().finally(() => process.exit(0)));
process.on("message", (message) => {
  if (message === "usage") process.send({ peakRss: process.resourceUsage().maxRSS * 1024, rss: process.memoryUsage().rss, cpu: process.cpuUsage() });
  else if (message === "close") void close();
});
process.on("disconnect", () => void close());
