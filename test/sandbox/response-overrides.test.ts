import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListBucketsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// response-content-type and friends become response headers: a value no HTTP header can carry
// is S3's 400 InvalidArgument, never a crash of the sandbox.
const { clients } = useSandbox();
const s3 = () => clients().s3();
const bucket = uniqueBucket("overrides");
const bounded = () => ({ abortSignal: AbortSignal.timeout(5_000) });

beforeAll(async () => {
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "note.txt", Body: "hello", ContentType: "text/plain" }));
});

const stillServing = async () => {
  const listed = await s3().send(new ListBucketsCommand({}), bounded());
  expect(listed.$metadata.httpStatusCode).toBe(200);
};

describe("response-* overrides on GetObject", () => {
  it("a character outside ISO-8859-1 is InvalidArgument naming the parameter, and the sandbox keeps serving", async () => {
    const error = await failureOf(
      s3().send(new GetObjectCommand({ Bucket: bucket, Key: "note.txt", ResponseContentType: "text/plain; charset=€" }), bounded()),
    );
    expect(error.name).toBe("InvalidArgument");
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toBe("Header value cannot be represented using ISO-8859-1.");
    expect((error as unknown as { ArgumentName?: string }).ArgumentName).toBe("response-content-type");
    await stillServing();
  });

  it.each([
    ["ResponseContentDisposition", 'attachment; filename="D’Arcy.jpg"'],
    ["ResponseCacheControl", "max-age=60\r\nX-Injected: yes"],
    ["ResponseContentLanguage", "en\nfr"],
    ["ResponseContentEncoding", "gzip\u0000"],
    ["ResponseExpires", "\u2028"],
  ] as const)("%s %j is InvalidArgument, not a header", async (field, value) => {
    const error = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "note.txt", [field]: value }), bounded()));
    expect(error.name).toBe("InvalidArgument");
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.$response?.headers["x-injected"]).toBeUndefined();
    await stillServing();
  });

  it("HeadObject refuses the same values (no body to say why, only the status)", async () => {
    const error = await failureOf(
      s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "note.txt", ResponseContentType: "text/plain; charset=€" }), bounded()),
    );
    expect(error.$metadata?.httpStatusCode).toBe(400);
    await stillServing();
  });

  it("ISO-8859-1 text and plain ASCII still override the stored headers", async () => {
    const got = await s3().send(
      new GetObjectCommand({
        Bucket: bucket,
        Key: "note.txt",
        ResponseContentType: "text/plain; charset=utf-8",
        ResponseContentDisposition: 'attachment; filename="café.txt"',
      }),
      bounded(),
    );
    expect(got.ContentType).toBe("text/plain; charset=utf-8");
    // The header travels as ISO-8859-1 bytes; the SDK reads them back as such.
    expect(Buffer.from(got.ContentDisposition ?? "", "latin1").toString("latin1")).toBe('attachment; filename="café.txt"');
    expect(await got.Body?.transformToString()).toBe("hello");
  });
});
