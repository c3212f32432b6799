import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

// Runs before every test file.

// CI=true makes Ink print only the last frame; the UI tests need every frame.
delete process.env.CI;

// The AWS SDK warns once per process that Node 20 support ends; it says nothing about our code.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

// Never let a developer's real AWS settings leak into a test run.
for (const name of [
  "AWS_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_ENDPOINT_URL",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
]) {
  delete process.env[name];
}

// Never let a test touch the developer's real state (progress, the learner's sandbox): each test
// file gets a fresh state folder, which tests and the processes they spawn inherit.

const testStateDir = mkdtempSync(join(tmpdir(), "s3-tutor-test-state-"));
process.env.S3_TUTOR_STATE_DIR = testStateDir;
afterAll(() => rmSync(testStateDir, { recursive: true, force: true }));
