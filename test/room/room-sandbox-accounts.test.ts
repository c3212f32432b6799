import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3ServiceException } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { joinRoom, roomIdentities, s3As, startTestRoom } from "./helpers/room-api";

/** What the SDK threw, as a participant would read it. */
const failure = async (promise: Promise<unknown>): Promise<{ name: string; status: number | undefined }> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) return { name: error.name, status: error.$metadata.httpStatusCode };
    throw error;
  }
  throw new Error("expected the call to fail");
};

describe("the room sandbox: every participant their own account", () => {
  it("gives the name to the first who takes it; the next gets BucketAlreadyExists", async () => {
    const room = await startTestRoom();
    const ada = roomIdentities((await joinRoom(room.endpoint, room.code, "Ada")).body);
    const bob = roomIdentities((await joinRoom(room.endpoint, room.code, "Bob")).body);
    await s3As(room.endpoint, ada.default).send(new CreateBucketCommand({ Bucket: "acme-data" }));
    expect(await failure(s3As(room.endpoint, bob.default).send(new CreateBucketCommand({ Bucket: "acme-data" })))).toEqual({
      name: "BucketAlreadyExists",
      status: 409,
    });
    // Ada's own second account is another account too: the name is taken for it as well.
    expect((await failure(s3As(room.endpoint, ada.other).send(new CreateBucketCommand({ Bucket: "acme-data" })))).name).toBe("BucketAlreadyExists");
  });

  it("keeps each participant out of the others' buckets (AccessDenied)", async () => {
    const room = await startTestRoom();
    const ada = roomIdentities((await joinRoom(room.endpoint, room.code, "Ada")).body);
    const bob = roomIdentities((await joinRoom(room.endpoint, room.code, "Bob")).body);
    const adaS3 = s3As(room.endpoint, ada.default);
    await adaS3.send(new CreateBucketCommand({ Bucket: "ada-private" }));
    await adaS3.send(new PutObjectCommand({ Bucket: "ada-private", Key: "answers.txt", Body: "42" }));
    const bobS3 = s3As(room.endpoint, bob.default);
    expect(await failure(bobS3.send(new GetObjectCommand({ Bucket: "ada-private", Key: "answers.txt" })))).toEqual({ name: "AccessDenied", status: 403 });
    expect((await failure(bobS3.send(new ListObjectsV2Command({ Bucket: "ada-private" })))).name).toBe("AccessDenied");
    expect((await failure(bobS3.send(new PutObjectCommand({ Bucket: "ada-private", Key: "x", Body: "y" })))).name).toBe("AccessDenied");
    const read = await adaS3.send(new GetObjectCommand({ Bucket: "ada-private", Key: "answers.txt" }));
    expect(await read.Body?.transformToString()).toBe("42");
  });

  it("knows only the keys it issued: nobody signs as someone else's account", async () => {
    const room = await startTestRoom();
    const ada = roomIdentities((await joinRoom(room.endpoint, room.code, "Ada")).body);
    const bob = roomIdentities((await joinRoom(room.endpoint, room.code, "Bob")).body);
    // Ada's key id with Bob's secret: the signature does not match.
    const forged = s3As(room.endpoint, { accessKeyId: ada.default.accessKeyId, secretAccessKey: bob.default.secretAccessKey });
    expect(await failure(forged.send(new CreateBucketCommand({ Bucket: "forged-bucket" })))).toEqual({ name: "SignatureDoesNotMatch", status: 403 });
    // A made-up key, and the learner's sandbox convention (a 12-digit id is that account, secret "test").
    for (const made of [
      { accessKeyId: "AKIAAAAAAAAAAAAAAAAA", secretAccessKey: bob.default.secretAccessKey },
      { accessKeyId: ada.default.account, secretAccessKey: "test" },
      { accessKeyId: "test", secretAccessKey: "test" },
    ]) {
      expect(await failure(s3As(room.endpoint, made).send(new CreateBucketCommand({ Bucket: "made-up-bucket" })))).toEqual({
        name: "InvalidAccessKeyId",
        status: 403,
      });
    }
  });

  it("answers STS as the participant's own account", async () => {
    const room = await startTestRoom();
    const ada = roomIdentities((await joinRoom(room.endpoint, room.code, "Ada")).body);
    const sts = new STSClient({ endpoint: room.endpoint, region: "us-east-1", credentials: ada.other, maxAttempts: 1 });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(ada.other.account);
  });
});
