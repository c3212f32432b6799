import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/setup.ts"],
    // Adds up the adversarial tests' tallies (wrong work caught, right alternatives passed).
    globalSetup: ["test/adversarial/tally-report.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
