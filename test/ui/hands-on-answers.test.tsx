import { GetBucketReplicationCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { startLesson } from "../../src/engine/lesson-session";
import { handsOnPlaces } from "../../src/handson/restore";
import { ProgressStore } from "../../src/store/progress";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

const FIXTURE = fileURLToPath(new URL("fixtures/answers-and-waits.yaml", import.meta.url));
const SEEN_ETAG = `"${createHash("md5").update("seen").digest("hex")}"`;

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

describe("a hands-on step in the app", () => {
  it("asks what the learner saw once the work is there, says a wrong answer is wrong without giving it away, and keeps it to edit", async () => {
    app = await renderApp({ content: [FIXTURE], initialView: { screen: "lesson", lessonId: "answers-and-waits" } });
    await app.waitFor("▶ Say the ETag");
    await app.waitFor("in your shell: s3-tutor check answers-and-waits say-the-etag");
    await app.waitFor("Prepared:");
    // Nothing done: the check says what is missing, and asks nothing yet.
    await app.press("c");
    const missing = await app.waitFor("✗ seen.txt is there");
    expect(missing).not.toContain("What did you see?");

    // The work done in the learner's own way, through the SDK.
    const target = await app.session.ready();
    const s3 = new S3Client({ region: "eu-west-1", endpoint: target.endpoint!, forcePathStyle: true, credentials: { accessKeyId: "111122223333", secretAccessKey: "test" } });
    try {
      await s3.send(new (await import("@aws-sdk/client-s3")).PutObjectCommand({ Bucket: "s3t-answers", Key: "seen.txt", Body: "seen" }));
    } finally {
      s3.destroy();
    }
    // Now only the answer is missing: the check asks for it at once.
    await app.press("c");
    await app.waitFor("What ETag did S3 answer for seen.txt?");
    await app.press("not-the-etag", KEYS.enter);
    const wrong = await app.waitFor("which is not what the target answered");
    expect(wrong.replace(/\s+/g, " ")).toContain("look again at ETag in HeadObject's answer");
    expect(wrong).not.toContain(SEEN_ETAG.slice(1, -1));
    // c asks again, with the earlier answer there to edit.
    await app.press("c");
    await app.waitFor("❯ not-the-etag");
    await app.press(...Array.from({ length: "not-the-etag".length }, () => KEYS.backspace));
    await app.press(SEEN_ETAG.toUpperCase(), KEYS.enter);
    await app.waitFor("✓ Step passed.");
  });

  it("letters typed as an answer are not the lesson's keys", async () => {
    app = await renderApp({ content: [FIXTURE], initialView: { screen: "lesson", lessonId: "answers-and-waits" } });
    await app.waitFor("Prepared:");
    await app.press("s");
    // Doing a step that asks also answers it, with what the target said.
    const done = await app.waitFor("✓ Step passed.");
    expect(done.replace(/\s+/g, " ")).toContain(`What ETag did S3 answer for seen.txt? ${SEEN_ETAG} (answered for you)`);
    await app.press("c");
    await app.waitFor("What did you see?");
    await app.press("n", "s", "q", "h");
    const typed = await app.waitFor("❯ nsqh");
    expect(typed).toContain("▶ Say the ETag");
    expect(app.exitChoice()).toBeUndefined();
  });

  it("s and c work while a check waits: they stop the wait instead of being ignored", async () => {
    app = await renderApp({ content: [FIXTURE], initialView: { screen: "lesson", lessonId: "answers-and-waits" } });
    await app.waitFor("Prepared:");
    await app.press("n");
    await app.press("S");
    await app.waitFor("▶ Wait for it");
    await app.waitFor("Prepared:");
    await app.press("c");
    await app.waitFor("waiting: late.txt arrives");
    await app.waitFor("stopping this wait");
    const started = Date.now();
    await app.press("s");
    await app.waitFor("Now press c to check.");
    await app.press("c");
    await app.waitFor("✓ Step passed.");
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

describe("resuming a lesson whose lab is gone", () => {
  it("finds what earlier steps made missing, runs their solutions again and says so", { timeout: 60_000 }, async () => {
    const catalog = await shippedCatalog();
    const lesson = catalog.lessons.map((loaded) => loaded.lesson).find((candidate) => candidate.id === "replication")!;
    const places = handsOnPlaces(lesson, { name: "sandbox" });
    const watch = places.find((place) => place.step.id === "watch-it-replicate")!;
    // Steps 1–3 were done in an earlier run, whose sandbox is gone: this app starts a fresh one.
    const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-resume-"));
    const { store } = await ProgressStore.open(join(stateDir, "progress.json"));
    const state = startLesson(lesson);
    const resumed = {
      ...state,
      index: watch.index,
      steps: state.steps.map((step, index) => (index < watch.index ? { ...step, status: "done" as const } : step)),
    };
    await store.saveLesson(lesson.id, resumed as unknown as Record<string, unknown>, false);
    await store.flush();

    app = await renderApp({ stateDir, initialView: { screen: "lesson", lessonId: "replication" } });
    await app.waitFor("▶ Watch it replicate");
    const told = await app.waitFor("The lab had lost what earlier steps made", 40_000);
    expect(told).toMatch(/Found missing: step 1 Two versioned buckets: NotFound/);
    expect(told).toMatch(/steps 1–3/);

    const target = await app.session.ready();
    const s3 = new S3Client({ region: "eu-west-1", endpoint: target.endpoint!, forcePathStyle: true, credentials: { accessKeyId: "111122223333", secretAccessKey: "test" } });
    try {
      expect((await s3.send(new HeadBucketCommand({ Bucket: "s3t-src" }))).BucketRegion).toBe("eu-west-1");
      const rule = await s3.send(new GetBucketReplicationCommand({ Bucket: "s3t-src" }));
      expect(rule.ReplicationConfiguration?.Role).toBe("arn:aws:iam::111122223333:role/s3t-replication");
    } finally {
      s3.destroy();
    }
    // The step itself works from there.
    await app.press("s");
    await app.waitFor("Now press c to check.", 20_000);
    await app.press("c");
    // The step opens the world panel below its goal (show: world): the verdict may sit a row below the fold.
    await app.waitFor("✓ The copy in s3t-dst is a REPLICA", 20_000);
    await app.press("\u001B[F");
    await app.waitFor("✓ Step passed.", 20_000);
  });
});
