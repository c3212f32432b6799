import { defineConfig } from "vitest/config";
// @ts-expect-error: a plain .mjs module without types
import { narrowStringWidthVitePlugin } from "./scripts/narrow-string-width.mjs";

export default defineConfig({
  // Text widths as the bundle measures them (scripts/narrow-string-width.mjs).
  plugins: [narrowStringWidthVitePlugin],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/setup.ts"],
    // Builds dist/ once: the CLI and terminal tests run the built dist/cli.js, as a learner does.
    // Adds up the adversarial tests' tallies (wrong work caught, right alternatives passed).
    globalSetup: ["test/global/build-dist.ts", "test/adversarial/tally-report.ts"],
    // Two files at a time: most files wait on child processes and HTTP, so both cores stay busy.
    maxWorkers: 2,
    // Files in a worker share loaded modules (the AWS SDK, Ink, the sandbox) instead of importing
    // them afresh for each file, which cost more CPU than many tests. Each file still gets its own
    // state folder (test/setup.ts), and nothing in the tests mocks modules.
    isolate: false,
    // Generous, for a busy machine: many tests run a few CLI processes or a sandbox one after
    // another, which takes several times longer while other work shares the cores; a hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
