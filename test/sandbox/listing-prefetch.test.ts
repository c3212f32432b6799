import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type ListObjectsV2CommandOutput,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { MAX_PAGES, PagePrefetch, pageRequest } from "../../src/sandbox/s3/listing-prefetch";
import { ObjectBody } from "../../src/sandbox/world/body";
import { ObjectStore, type VersioningState } from "../../src/sandbox/world/object-store";
import type { ObjectData } from "../../src/sandbox/world/versions";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();
const s3 = () => clients().s3({ region: "us-east-1" });
const KEYS = Array.from({ length: 10 }, (_, i) => `k${i}`);

/** Lets the sandbox (in this process) reach its idle moment, when it writes the next page. */
const idle = () => new Promise((resolve) => setTimeout(resolve, 20));

const bucketWithKeys = async (versioned = false) => {
  const bucket = uniqueBucket("prefetch");
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  if (versioned) await s3().send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  for (const key of KEYS) await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
  return bucket;
};

/** Page one (4 keys), then `between`, then page two: what page two lists. */
const secondPageAfter = async (bucket: string, between: () => Promise<unknown>): Promise<ListObjectsV2CommandOutput> => {
  const first = await s3().send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 4 }));
  expect(first.Contents?.map((object) => object.Key)).toEqual(["k0", "k1", "k2", "k3"]);
  await idle();
  await between();
  return s3().send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 4, ContinuationToken: first.NextContinuationToken }));
};

const keysOf = (page: ListObjectsV2CommandOutput) => page.Contents?.map((object) => object.Key);

describe("ListObjectsV2's next page, written ahead", () => {
  it("is the page a fresh request gets when nothing changed", async () => {
    const bucket = await bucketWithKeys();
    const second = await secondPageAfter(bucket, async () => {});
    expect(keysOf(second)).toEqual(["k4", "k5", "k6", "k7"]);
    const third = await s3().send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 4, ContinuationToken: second.NextContinuationToken }));
    expect(keysOf(third)).toEqual(["k8", "k9"]);
    expect(third.IsTruncated).toBe(false);
  });

  it("shows a key put between two pages", async () => {
    const bucket = await bucketWithKeys();
    const second = await secondPageAfter(bucket, () => s3().send(new PutObjectCommand({ Bucket: bucket, Key: "k5a", Body: "new" })));
    expect(keysOf(second)).toEqual(["k4", "k5", "k5a", "k6"]);
  });

  it("leaves out a key deleted between two pages", async () => {
    const bucket = await bucketWithKeys();
    const second = await secondPageAfter(bucket, () => s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "k5" })));
    expect(keysOf(second)).toEqual(["k4", "k6", "k7", "k8"]);
  });

  it("leaves out a key hidden by a delete marker between two pages (versioned bucket)", async () => {
    const bucket = await bucketWithKeys(true);
    const second = await secondPageAfter(bucket, () => s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "k6" })));
    expect(keysOf(second)).toEqual(["k4", "k5", "k7", "k8"]);
  });

  it("shows the new size and ETag of a key overwritten between two pages", async () => {
    const bucket = await bucketWithKeys();
    let etag: string | undefined;
    const second = await secondPageAfter(bucket, async () => {
      etag = (await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "k4", Body: "a longer body" }))).ETag;
    });
    expect(second.Contents?.[0]).toMatchObject({ Key: "k4", Size: "a longer body".length, ETag: etag });
  });

  it("is not handed to a request with other parameters", async () => {
    const bucket = await bucketWithKeys();
    const first = await s3().send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 4 }));
    await idle();
    const other = await s3().send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 2, ContinuationToken: first.NextContinuationToken }));
    expect(keysOf(other)).toEqual(["k4", "k5"]);
    const owners = await s3().send(
      new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 4, ContinuationToken: first.NextContinuationToken, FetchOwner: true }),
    );
    expect(owners.Contents?.every((object) => object.Owner?.ID)).toBe(true);
  });
});

const data = (text: string): ObjectData => ({
  body: ObjectBody.inline(Buffer.from(text)),
  etag: '"x"',
  contentType: "text/plain",
  contentHeaders: {},
  metadata: {},
  tags: [],
  storageClass: "STANDARD",
  checksums: {},
});

const storeWith = (versioning: VersioningState = "Unversioned") => {
  const store = new ObjectStore();
  for (const key of KEYS) store.put(key, data(key), versioning, new Date());
  return store;
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("PagePrefetch", () => {
  const request = pageRequest(["", undefined, 1000, false, "token", undefined, false]);

  it("hands a prepared page out once, to the same request of the same store", async () => {
    const prefetch = new PagePrefetch();
    const store = storeWith();
    prefetch.prepare(store, request, () => ({ body: "page two", nextToken: "t3" }));
    await tick();
    expect(prefetch.take(new ObjectStore(), request)).toBeUndefined();
    expect(prefetch.take(store, pageRequest(["", undefined, 999, false, "token", undefined, false]))).toBeUndefined();
    expect(prefetch.take(store, request)).toEqual({ body: "page two", nextToken: "t3" });
    expect(prefetch.take(store, request)).toBeUndefined();
  });

  const changes: Record<string, (store: ObjectStore) => void> = {
    put: (store) => store.put("k4a", data("new"), "Unversioned", new Date()),
    "delete (unversioned)": (store) => store.deleteLatest("k4", "Unversioned", new Date()),
    "delete marker": (store) => store.deleteLatest("k4", "Enabled", new Date()),
    "version deleted": (store) => store.deleteVersion("k4", "null"),
    "changed in place": (store) => store.touch("k4"),
    restored: (store) => store.restore("k4a", store.versionsOf("k4").slice()),
  };
  for (const [name, change] of Object.entries(changes)) {
    it(`drops a prepared page once its bucket changes: ${name}`, async () => {
      const prefetch = new PagePrefetch();
      const store = storeWith();
      prefetch.prepare(store, request, () => ({ body: "page two" }));
      await tick();
      const before = store.generation;
      change(store);
      expect(store.generation).toBeGreaterThan(before);
      expect(prefetch.take(store, request)).toBeUndefined();
    });
  }

  it("writes nothing when the bucket changed before the idle moment, or the page was asked for first", async () => {
    const prefetch = new PagePrefetch();
    const store = storeWith();
    let written = 0;
    const write = () => ({ body: `page ${++written}` });
    prefetch.prepare(store, request, write);
    store.touch("k1");
    await tick();
    expect(written).toBe(0);
    prefetch.prepare(store, request, write);
    expect(prefetch.take(store, request)).toBeUndefined();
    await tick();
    expect(written).toBe(0);
    expect(prefetch.size).toBe(0);
  });

  it("prepares nothing, and throws nowhere, when writing the page fails", async () => {
    const prefetch = new PagePrefetch();
    const store = storeWith();
    prefetch.prepare(store, request, () => {
      throw new Error("the page could not be written");
    });
    await tick();
    expect(prefetch.size).toBe(0);
    expect(prefetch.take(store, request)).toBeUndefined();
  });

  it(`holds at most ${MAX_PAGES} pages, dropping the oldest`, async () => {
    const prefetch = new PagePrefetch();
    const store = storeWith();
    const requests = Array.from({ length: MAX_PAGES + 2 }, (_, i) => pageRequest([`p${i}`]));
    for (const each of requests) prefetch.prepare(store, each, () => ({ body: each }));
    await tick();
    expect(prefetch.size).toBe(MAX_PAGES);
    expect(prefetch.take(store, requests[0]!)).toBeUndefined();
    expect(prefetch.take(store, requests.at(-1)!)).toEqual({ body: requests.at(-1) });
  });
});
