import { request } from "node:http";
import { CreateBucketCommand, ListBucketsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { describe, expect, it } from "vitest";
import { ROOM_PATHS } from "../../src/room/protocol";
import type { PageView } from "../../src/room/page/page-view";
import { createVersionedBucket, putReplication, replicationPolicy, ruleTo, trustS3 } from "../helpers/replication";
import { events } from "./helpers/events";
import { call, joinRoom, roomIdentities, s3As, startTestRoom } from "./helpers/room-api";
import { testPageWorkshop } from "./helpers/workshop";

const pageWorkshop = testPageWorkshop();

/** The page's stream, read until `until` holds for a view (or the test times out). */
const readViews = (url: string, cookie: string, until: (view: PageView) => boolean): Promise<PageView[]> =>
  new Promise((resolve, reject) => {
    const views: PageView[] = [];
    const req = request(url, { headers: { cookie } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      let buffered = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!frame.startsWith("event: view") || !data) continue;
          const view = JSON.parse(data) as PageView;
          views.push(view);
          if (until(view)) {
            req.destroy();
            resolve(views);
          }
        }
      });
    });
    req.on("error", reject);
    req.end();
  });

describe("the projector page at / on the room's port", () => {
  it("refuses a browser without the token, or with a wrong one, with a page that says how to open it", async () => {
    const room = await startTestRoom();
    const missing = await fetch(`${room.endpoint}/`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toMatch(/^text\/html/);
    const text = await missing.text();
    expect(text).toContain("Open it with the instructor token");
    expect(text).not.toContain(room.instructorToken);
    const wrong = await fetch(`${room.endpoint}/?token=not-the-token`, { redirect: "manual" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("That token is not this room's instructor token.");
    const stream = await fetch(`${room.endpoint}${ROOM_PATHS.pageStream}`);
    expect(stream.status).toBe(401);
    // A participant's token is not the instructor's.
    const joined = await joinRoom(room.endpoint, room.code, "Ada");
    const asParticipant = await fetch(`${room.endpoint}${ROOM_PATHS.pageStream}`, { headers: { authorization: `Bearer ${joined.body.token}` } });
    expect(asParticipant.status).toBe(401);
    await asParticipant.body?.cancel();
  });

  it("answers HEAD on the stream with its headers at once: a stream without a body would never end", async () => {
    const room = await startTestRoom();
    const head = await fetch(`${room.endpoint}${ROOM_PATHS.pageStream}`, {
      method: "HEAD",
      headers: { authorization: `Bearer ${room.instructorToken}` },
      signal: AbortSignal.timeout(5_000),
    });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toMatch(/^text\/event-stream/);
  });

  it("trades the token in the address for an HttpOnly cookie, then serves the page under a strict CSP", async () => {
    const room = await startTestRoom();
    const opened = await fetch(room.pageUrl, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/");
    const cookie = opened.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${room.endpoint}/`, { headers: { cookie: cookie.split(";")[0]! } });
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain(`<script src="${ROOM_PATHS.pageScript}"`);
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${room.endpoint}${ROOM_PATHS.pageScript}`);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("EventSource");
  });

  it("leaves S3's ListBuckets at / to the sandbox: a signed GET / is not the page", async () => {
    const room = await startTestRoom();
    const joined = await joinRoom(room.endpoint, room.code, "Ada");
    const s3 = s3As(room.endpoint, roomIdentities(joined.body).default);
    await s3.send(new CreateBucketCommand({ Bucket: "ada-page-test" }));
    const listed = await s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((bucket) => bucket.Name)).toEqual(["ada-page-test"]);
    // Presigned, in the query: S3's too.
    const presigned = await getSignedUrl(s3, new ListBucketsCommand({}), { expiresIn: 60 });
    expect(new URL(presigned).pathname).toBe("/");
    const answer = await fetch(presigned);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("<Name>ada-page-test</Name>");
  });

  it("streams the heat map, and a participant's check arrives without asking again", async () => {
    const room = await startTestRoom({ pageWorkshop });
    const joined = await joinRoom(room.endpoint, room.code, "Ada", { table: "3" });
    const cookie = (await fetch(room.pageUrl, { redirect: "manual" })).headers.get("set-cookie")!.split(";")[0]!;
    const reading = readViews(`${room.endpoint}${ROOM_PATHS.pageStream}`, cookie, (view) => view.participants[0]?.cells === "p.");
    const event = (seq: number, kind: "checkFailed" | "checkPassed") => ({
      ...events[2]!,
      seq,
      kind,
      lesson: "bucket-names",
      step: "create",
      ...(kind === "checkFailed" ? { failed: [{ expectation: "bucket exists", reason: "BucketAlreadyExists" }] } : {}),
    });
    expect((await call(room.endpoint, ROOM_PATHS.events, { token: joined.body.token, body: { events: [event(1, "checkFailed")] } })).status).toBe(200);
    await new Promise((done) => setTimeout(done, 300));
    expect((await call(room.endpoint, ROOM_PATHS.events, { token: joined.body.token, body: { events: [event(2, "checkPassed")] } })).status).toBe(200);
    const views = await reading;
    expect(views[0]).toMatchObject({ workshop: "Names and Regions", code: room.code, steps: [{ key: "bucket-names/create" }, { key: "bucket-names/collide" }] });
    expect(views.map((view) => view.participants[0]?.cells)).toContain("f.");
    expect(views.at(-1)).toMatchObject({
      participants: [{ name: "Ada", table: "3", cells: "p." }],
      mostFailed: [{ step: "Create your bucket", failedBy: 1, reasons: [{ reason: "BucketAlreadyExists", participants: 1 }] }],
      clock: { totalMinutes: 65 },
    });
  });

  it("streams the live question with how many answered and no choice counts until the reveal; asks and reveals only for the page's own POST", async () => {
    const question = { id: "q1", prompt: "Bucket names are unique within…", choices: ["an account", "the partition"], correct: [1], explain: "One namespace." };
    const room = await startTestRoom({ pageWorkshop, liveQuestions: [question] });
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    await joinRoom(room.endpoint, room.code, "Bo");
    const cookie = (await fetch(room.pageUrl, { redirect: "manual" })).headers.get("set-cookie")!.split(";")[0]!;
    const live = (action: string, headers: Record<string, string>) => fetch(`${room.endpoint}${ROOM_PATHS.pageLive}?action=${action}`, { method: "POST", headers });
    // Another site's form can send neither the header nor (SameSite=Strict) the cookie.
    expect((await live("ask", { cookie })).status).toBe(403);
    expect((await live("ask", { "x-s3-tutor-page": "1" })).status).toBe(401);
    expect((await live("ask", { cookie: "s3tutor_instructor=guessed", "x-s3-tutor-page": "1" })).status).toBe(401);
    expect(room.state.live.asked).toHaveLength(0);

    const reading = readViews(`${room.endpoint}${ROOM_PATHS.pageStream}`, cookie, (view) => view.live?.question.answered === 1);
    expect((await live("ask", { cookie, "x-s3-tutor-page": "1" })).status).toBe(200);
    expect(room.state.pacing.liveQuestion?.id).toBe("q1");
    expect((await call(room.endpoint, ROOM_PATHS.liveAnswer, { token: ada.token, body: { questionId: "q1", choices: [0] } })).status).toBe(200);
    const open = (await reading).at(-1)!;
    expect(open.live).toMatchObject({ question: { number: 1, prompt: question.prompt, choices: question.choices, answered: 1, of: 2 }, leaderboard: [], final: false });
    expect(open.live!.question.secondsLeft).toBeGreaterThan(20);
    expect(JSON.stringify(open.live)).not.toMatch(/distribution|explain|One namespace/);

    const none = await live("ask", { cookie, "x-s3-tutor-page": "1" });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { message: string } }).error.message).toBe('The room cannot do that: question "q1" is still open; reveal it first.');
    const revealing = readViews(`${room.endpoint}${ROOM_PATHS.pageStream}`, cookie, (view) => view.live?.question.revealed !== undefined);
    expect((await live("reveal", { cookie, "x-s3-tutor-page": "1" })).status).toBe(200);
    expect((await revealing).at(-1)!.live).toMatchObject({
      question: { secondsLeft: 0, revealed: { correct: [1], explain: "One namespace.", distribution: [1, 0], answered: 1, correctCount: 0 } },
      leaderboard: [{ name: "Ada", correct: 0, seconds: 0 }],
      final: true,
    });
    const done = await live("ask", { cookie, "x-s3-tutor-page": "1" });
    expect(((await done.json()) as { error: { message: string } }).error.message).toBe("The room cannot do that: every live question has been asked.");
  });

  it("draws the room's S3 world: buckets in their Region with their owner, replication as it happens, and who was refused a name", async () => {
    const room = await startTestRoom({ pageWorkshop });
    const ada = roomIdentities((await joinRoom(room.endpoint, room.code, "Ada")).body);
    const grace = roomIdentities((await joinRoom(room.endpoint, room.code, "Grace")).body);
    const cookie = (await fetch(room.pageUrl, { redirect: "manual" })).headers.get("set-cookie")!.split(";")[0]!;
    const adaEast = s3As(room.endpoint, ada.default);
    await adaEast.send(new CreateBucketCommand({ Bucket: "acme-data" }));
    // Grace asks for the same name: the one namespace says no, and the page says who.
    await expect(s3As(room.endpoint, grace.default).send(new CreateBucketCommand({ Bucket: "acme-data" }))).rejects.toMatchObject({ name: "BucketAlreadyExists" });
    await expect(s3As(room.endpoint, ada.other).send(new CreateBucketCommand({ Bucket: "acme-data" }))).rejects.toMatchObject({ name: "BucketAlreadyExists" });

    await createVersionedBucket(adaEast, "ada-source", "us-east-1");
    await createVersionedBucket(s3As(room.endpoint, ada.default, "eu-west-1"), "ada-replica", "eu-west-1");
    const iam = new IAMClient({ endpoint: room.endpoint, region: "us-east-1", credentials: ada.default, maxAttempts: 1 });
    const role = await iam.send(new CreateRoleCommand({ RoleName: "replicator", AssumeRolePolicyDocument: JSON.stringify(trustS3) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: "replicator", PolicyName: "replication", PolicyDocument: JSON.stringify(replicationPolicy("ada-source", ["ada-replica"])) }));
    await putReplication(adaEast, "ada-source", role.Role!.Arn!, [ruleTo("ada-replica")]);
    await adaEast.send(new PutObjectCommand({ Bucket: "ada-source", Key: "report.csv", Body: "a,b" }));

    const views = await readViews(`${room.endpoint}${ROOM_PATHS.pageStream}`, cookie, (view) =>
      view.world?.buckets.some((bucket) => bucket.name === "ada-source" && bucket.status.completed === 1) ?? false,
    );
    const world = views.at(-1)!.world!;
    expect(world.regions).toEqual(["eu-west-1", "us-east-1"]);
    expect(world.buckets[0]).toEqual({
      name: "acme-data",
      owner: "Ada",
      region: "us-east-1",
      versioned: false,
      replication: [],
      status: { pending: 0, completed: 0, failed: 0, replicas: 0 },
      refused: ["Grace", "Ada, other account"],
    });
    expect(world.buckets.find((bucket) => bucket.name === "ada-source")).toMatchObject({
      owner: "Ada",
      versioned: true,
      replication: [{ destination: "ada-replica", destinationRegion: "eu-west-1", enabled: true }],
      status: { pending: 0, completed: 1, failed: 0 },
      refused: [],
    });
    expect(world.buckets.find((bucket) => bucket.name === "ada-replica")).toMatchObject({ region: "eu-west-1", status: { replicas: 1 } });
  }, 20_000);
});
