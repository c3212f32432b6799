import { createHmac } from "node:crypto";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { CreateMultiRegionAccessPointCommand, GetMultiRegionAccessPointCommand } from "@aws-sdk/client-s3-control";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccessKey } from "../../src/sandbox/index";
import { sandboxSigner } from "../helpers/raw";
import { failureOf, useSandbox } from "../helpers/sandbox";
import { signedChunkedPut } from "../helpers/signed-chunks";

// A sandbox told which access keys exist (the workshop room's): only those sign, with their own
// secrets, in every way a request can be signed; the 12-digit convention is off.
const ISSUED: Record<string, AccessKey> = {
  AKIAISSUEDKEYNUMBER1: { account: "123456789012", secretAccessKey: "first-secret-0123456789abcdefghijklmnopqr" },
  AKIAISSUEDKEYNUMBER2: { account: "210987654321", secretAccessKey: "second-secret-0123456789abcdefghijklmnopq" },
};
const [FIRST, SECOND] = Object.entries(ISSUED).map(([accessKeyId, key]) => ({ accessKeyId, ...key })) as [
  { accessKeyId: string } & AccessKey,
  { accessKeyId: string } & AccessKey,
];
const { clients, sandbox } = useSandbox({ credentials: (accessKeyId) => ISSUED[accessKeyId], mrapDelayMs: 0 });
const as = (key: { accessKeyId: string; secretAccessKey: string }, region = "us-east-1") => ({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, region });

beforeAll(async () => {
  const s3 = clients().s3(as(FIRST));
  await s3.send(new CreateBucketCommand({ Bucket: "issued-first" }));
  await s3.send(new PutObjectCommand({ Bucket: "issued-first", Key: "note.txt", Body: "first's note" }));
});

describe("a sandbox with issued credentials", () => {
  it("signs SigV4 requests with each key's own secret and acts as its account", async () => {
    expect((await clients().sts(as(SECOND)).send(new GetCallerIdentityCommand({}))).Account).toBe(SECOND.account);
    const wrongSecret = await failureOf(clients().s3({ accessKeyId: FIRST.accessKeyId, secretAccessKey: SECOND.secretAccessKey }).send(new GetObjectCommand({ Bucket: "issued-first", Key: "note.txt" })));
    expect(wrongSecret.name).toBe("SignatureDoesNotMatch");
    for (const accessKeyId of [FIRST.account, "111111111111", "test"]) {
      const unknown = await failureOf(clients().s3({ accessKeyId, secretAccessKey: "test" }).send(new GetObjectCommand({ Bucket: "issued-first", Key: "note.txt" })));
      expect(unknown.name).toBe("InvalidAccessKeyId");
    }
  });

  it("accepts presigned SigV4 and SigV2 URLs made with an issued key, and no other secret", async () => {
    const url = await getSignedUrl(clients().s3(as(FIRST)), new GetObjectCommand({ Bucket: "issued-first", Key: "note.txt" }), { expiresIn: 60 });
    expect(await (await fetch(url)).text()).toBe("first's note");
    const sigV2 = (secret: string) => {
      const expires = String(Math.floor(Date.now() / 1000) + 60);
      const signature = createHmac("sha1", secret).update(`GET\n\n\n${expires}\n/issued-first/note.txt`).digest("base64");
      return `${sandbox().endpoint}/issued-first/note.txt?${new URLSearchParams({ AWSAccessKeyId: FIRST.accessKeyId, Expires: expires, Signature: signature })}`;
    };
    expect(await (await fetch(sigV2(FIRST.secretAccessKey))).text()).toBe("first's note");
    expect(await (await fetch(sigV2("test"))).text()).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("checks signed streaming chunks with the issued secret", async () => {
    const signer = sandboxSigner("s3", "us-east-1", FIRST.accessKeyId, FIRST.secretAccessKey);
    const response = await signedChunkedPut(sandbox().endpoint, "/issued-first/chunked.txt", [Buffer.from("chunked with an issued key")], signer);
    expect(response.status).toBe(200);
    const got = await clients().s3(as(FIRST)).send(new GetObjectCommand({ Bucket: "issued-first", Key: "chunked.txt" }));
    expect(await got.Body?.transformToString()).toBe("chunked with an issued key");
  });

  it("verifies SigV4A through a Multi-Region Access Point with the key derived from the issued secret", async () => {
    const control = clients().s3control({ ...as(FIRST), region: "us-west-2" });
    await control.send(new CreateMultiRegionAccessPointCommand({ AccountId: FIRST.account, Details: { Name: "issued-mrap", Regions: [{ Bucket: "issued-first" }] } }));
    const { AccessPoint } = await control.send(new GetMultiRegionAccessPointCommand({ AccountId: FIRST.account, Name: "issued-mrap" }));
    const arn = `arn:aws:s3::${FIRST.account}:accesspoint/${AccessPoint?.Alias ?? ""}`;
    const viaMrap = clients().s3({ ...as(FIRST), s3: { forcePathStyle: false } });
    const got = await viaMrap.send(new GetObjectCommand({ Bucket: arn, Key: "note.txt" }));
    expect(await got.Body?.transformToString()).toBe("first's note");
    const forged = clients().s3({ accessKeyId: FIRST.accessKeyId, secretAccessKey: SECOND.secretAccessKey, s3: { forcePathStyle: false } });
    expect((await failureOf(forged.send(new GetObjectCommand({ Bucket: arn, Key: "note.txt" })))).name).toBe("SignatureDoesNotMatch");
  });
});
