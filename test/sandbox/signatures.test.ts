import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, CreateBucketCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, rawRequest } from "../helpers/raw";
import { failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// Every request's SigV4 signature is checked, as AWS checks it.
const { clients, sandbox } = useSandbox();
const bucket = uniqueBucket("signed");

beforeAll(async () => {
  await clients().s3().send(new CreateBucketCommand({ Bucket: bucket }));
  await clients().s3().send(new PutObjectCommand({ Bucket: bucket, Key: "secret.txt", Body: "top secret" }));
});

describe("SigV4 verification", () => {
  it("a wrong secret key is 403 SignatureDoesNotMatch, with the canonical request to debug it", async () => {
    const error = await failureOf(clients().s3({ secretAccessKey: "not-test" }).send(new ListBucketsCommand({})));
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(error.$metadata?.httpStatusCode).toBe(403);
    const response = await rawRequest(sandbox().endpoint, { method: "GET", path: "/", secretAccessKey: "wrong" });
    expect(response.body).toContain("<CanonicalRequest>GET\n/\n");
    expect(response.body).toContain("<StringToSign>AWS4-HMAC-SHA256\n");
  });

  it("IAM and STS check signatures too", async () => {
    const error = await failureOf(clients().sts({ secretAccessKey: "nope" }).send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it("a body that does not match its signed SHA-256 is XAmzContentSHA256Mismatch", async () => {
    const response = await rawRequest(sandbox().endpoint, {
      method: "PUT",
      path: `/${bucket}/tampered`,
      body: "what was signed",
      headers: { "x-amz-content-sha256": "0".repeat(64) },
    });
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("XAmzContentSHA256Mismatch");
  });

  it("an unsigned request is 403 AccessDenied", async () => {
    const response = await rawRequest(sandbox().endpoint, { method: "GET", path: `/${bucket}/secret.txt`, unsigned: true });
    expect(response.status).toBe(403);
    expect(errorCode(response.body)).toBe("AccessDenied");
    expect(response.headers.get("x-amz-request-id")).toMatch(/^[0-9A-F]{16}$/);
    expect(response.headers.get("x-amz-id-2")).toBeTruthy();
  });

  it("an access key that is neither 12 digits nor test is InvalidAccessKeyId", async () => {
    const error = await failureOf(clients().s3({ accessKeyId: "AKIAIOSFODNN7EXAMPLE" }).send(new ListBucketsCommand({})));
    expect(error.name).toBe("InvalidAccessKeyId");
  });

  it("a request signed 20 minutes ago is RequestTimeTooSkewed", async () => {
    const response = await rawRequest(sandbox().endpoint, {
      method: "GET",
      path: "/",
      signingDate: new Date(Date.now() - 20 * 60 * 1000),
    });
    expect(response.status).toBe(403);
    expect(errorCode(response.body)).toBe("RequestTimeTooSkewed");
  });

  it("a presigned GET URL works without credentials until it expires", async () => {
    const url = await getSignedUrl(clients().s3(), new GetObjectCommand({ Bucket: bucket, Key: "secret.txt" }), { expiresIn: 60 });
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("top secret");

    const tampered = await fetch(url.replace("secret.txt", "other.txt"));
    expect(tampered.status).toBe(403);
    expect(errorCode(await tampered.text())).toBe("SignatureDoesNotMatch");
  });

  it("an expired presigned URL is AccessDenied: Request has expired", async () => {
    const url = await getSignedUrl(clients().s3(), new GetObjectCommand({ Bucket: bucket, Key: "secret.txt" }), {
      expiresIn: 1,
      signingDate: new Date(Date.now() - 10_000),
    });
    const response = await fetch(url);
    const body = await response.text();
    expect(response.status).toBe(403);
    expect(errorCode(body)).toBe("AccessDenied");
    expect(body).toContain("<Message>Request has expired</Message>");
    // AWS names the lifetime, when it ended and the server's clock, so the cause is plain.
    expect(body).toContain("<X-Amz-Expires>1</X-Amz-Expires>");
    expect(body).toMatch(/<Expires>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/Expires>/);
    expect(body).toMatch(/<ServerTime>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/ServerTime>/);
  });

  it("a presigned URL may not last longer than a week", async () => {
    const url = await getSignedUrl(clients().s3(), new GetObjectCommand({ Bucket: bucket, Key: "secret.txt" }), { expiresIn: 60 });
    const response = await fetch(url.replace(/X-Amz-Expires=\d+/, "X-Amz-Expires=604801"));
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(errorCode(body)).toBe("AuthorizationQueryParametersError");
  });

  it("a presigned PUT URL uploads an object", async () => {
    const url = await getSignedUrl(clients().s3(), new PutObjectCommand({ Bucket: bucket, Key: "uploaded.txt" }), { expiresIn: 60 });
    const put = await fetch(url, { method: "PUT", body: "via presigned url" });
    expect(put.status).toBe(200);
    const got = await clients().s3().send(new GetObjectCommand({ Bucket: bucket, Key: "uploaded.txt" }));
    expect(await got.Body?.transformToString()).toBe("via presigned url");
  });
});

describe("unsigned IAM and STS calls", () => {
  it("are refused with 403 MissingAuthenticationToken, as IAM and STS answer them", async () => {
    for (const [body, xmlns] of [
      ["Action=GetCallerIdentity&Version=2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/"],
      ["Action=ListRoles&Version=2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/"],
    ] as const) {
      const response = await rawRequest(sandbox().endpoint, {
        method: "POST",
        path: "/",
        unsigned: true,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      expect(response.status).toBe(403);
      expect(errorCode(response.body)).toBe("MissingAuthenticationToken");
      expect(response.body).toContain(`<ErrorResponse xmlns="${xmlns}">`);
    }
  });
});
