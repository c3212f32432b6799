// One fresh process: how long importing the sandbox and starting it take. Prints JSON.
const t0 = performance.now();
const { startSandbox } = await import("../dist/sandbox.js");
const t1 = performance.now();
const sandbox = await startSandbox();
const t2 = performance.now();
await sandbox.close();
// A warm start, as when the app starts a second sandbox in the same process.
const t3 = performance.now();
const again = await startSandbox();
const t4 = performance.now();
await again.close();
console.log(JSON.stringify({ importMs: t1 - t0, startMs: t2 - t1, warmStartMs: t4 - t3 }));
