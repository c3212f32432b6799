import { createHmac } from "node:crypto";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../helpers/raw";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";

// SigV2 query-string URLs: what `aws s3 presign` (CLI v1) and boto3 make by default in old regions.
const { clients, sandbox } = useSandbox();
const dublin = uniqueBucket("sigv2-eu-west-1");
const frankfurt = uniqueBucket("sigv2-eu-central-1");

beforeAll(async () => {
  for (const [bucket, region] of [
    [dublin, "eu-west-1"],
    [frankfurt, "eu-central-1"],
  ] as const) {
    const s3 = clients().s3({ region });
    await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: region } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "note.txt", Body: `hello from ${region}` }));
  }
});

/** A SigV2 presigned GET, signed as the SigV2 specification says (HMAC-SHA1 over the canonical string). */
const sigV2Url = (path: string, expiresInSeconds: number, secret = "test") => {
  const expires = String(Math.floor(Date.now() / 1000) + expiresInSeconds);
  const signature = createHmac("sha1", secret).update(`GET\n\n\n${expires}\n${path}`).digest("base64");
  const query = new URLSearchParams({ AWSAccessKeyId: "111111111111", Expires: expires, Signature: signature });
  return `${sandbox().endpoint}${path}?${query}`;
};

describe("SigV2 presigned URLs", () => {
  it("work for a bucket in a region that accepts SigV2, wherever the URL was made", async () => {
    const response = await fetch(sigV2Url(`/${dublin}/note.txt`, 60));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("hello from eu-west-1");
  });

  it("are refused for a bucket in a region launched after 2014, which accepts only SigV4", async () => {
    const response = await fetch(sigV2Url(`/${frankfurt}/note.txt`, 60));
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(errorCode(body)).toBe("InvalidRequest");
    expect(body).toContain("Please use AWS4-HMAC-SHA256.");
  });

  it("expire: AccessDenied, Request has expired", async () => {
    const response = await fetch(sigV2Url(`/${dublin}/note.txt`, -5));
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(errorCode(body)).toBe("AccessDenied");
    expect(body).toContain("<Message>Request has expired</Message>");
  });

  it("a wrong secret or a changed path is SignatureDoesNotMatch, with the string to sign", async () => {
    const wrongSecret = await fetch(sigV2Url(`/${dublin}/note.txt`, 60, "not-test"));
    expect(wrongSecret.status).toBe(403);
    const body = await wrongSecret.text();
    expect(errorCode(body)).toBe("SignatureDoesNotMatch");
    expect(body).toContain(`<StringToSign>GET\n\n\n`);
    const moved = sigV2Url(`/${dublin}/note.txt`, 60).replace("note.txt", "other.txt");
    expect(errorCode(await (await fetch(moved)).text())).toBe("SignatureDoesNotMatch");
  });
});
