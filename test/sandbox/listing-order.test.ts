import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  paginateListObjectsV2,
  type ListObjectsV2CommandInput,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "../helpers/seeded-random";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();
const s3 = () => clients().s3({ region: "us-east-1" });
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

const bucketWith = async (keys: readonly string[], stem: string) => {
  const bucket = uniqueBucket(stem);
  const client = s3();
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (let at = 0; at < keys.length; at += 50) {
    await Promise.all(keys.slice(at, at + 50).map((Key) => client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: new Uint8Array() }))));
  }
  return bucket;
};

/** One ListObjectsV2 page as "key" and "prefix/" entries in the order S3 returns each kind. */
const page = async (input: ListObjectsV2CommandInput) => {
  const listed = await s3().send(new ListObjectsV2Command(input));
  return {
    keys: (listed.Contents ?? []).map((object) => object.Key),
    prefixes: (listed.CommonPrefixes ?? []).map((prefix) => prefix.Prefix),
    token: listed.NextContinuationToken,
    truncated: listed.IsTruncated,
  };
};

describe("listing order: UTF-8 bytes, beyond-BMP characters after U+E000–U+FFFD", () => {
  // U+1F600 and U+10FFFF are surrogate pairs in JavaScript, which sort below U+E000 as UTF-16 but above it as UTF-8.
  const keys = ["a", "a/x", "a\u00e9", "a\ud7ff", "a\ue000", "a\uf8ff", "a\ufffd", "a😀", "a\u{10ffff}", "b"];
  const inS3Order = [...keys].sort(byBytes);

  it("ListObjectsV2, ListObjects and ListObjectVersions list in byte order, one key a page as well", async () => {
    const bucket = await bucketWith([...keys].reverse(), "order");
    expect(inS3Order.indexOf("a😀")).toBeGreaterThan(inS3Order.indexOf("a\ufffd"));
    expect((await page({ Bucket: bucket })).keys).toEqual(inS3Order);
    const v1 = await s3().send(new ListObjectsCommand({ Bucket: bucket }));
    expect(v1.Contents?.map((object) => object.Key)).toEqual(inS3Order);
    const versions = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect(versions.Versions?.map((version) => version.Key)).toEqual(inS3Order);
    const paged: string[] = [];
    for await (const one of paginateListObjectsV2({ client: s3(), pageSize: 1 }, { Bucket: bucket })) {
      paged.push(...(one.Contents ?? []).map((object) => object.Key ?? ""));
    }
    expect(paged).toEqual(inS3Order);
  });

  it("StartAfter and a prefix find their place in byte order", async () => {
    const bucket = await bucketWith(keys, "order-start");
    expect((await page({ Bucket: bucket, StartAfter: "a\ufffd" })).keys).toEqual(["a😀", "a\u{10ffff}", "b"]);
    expect((await page({ Bucket: bucket, StartAfter: "a😀" })).keys).toEqual(["a\u{10ffff}", "b"]);
    expect((await page({ Bucket: bucket, StartAfter: "a\ud7ff", MaxKeys: 2 })).keys).toEqual(["a\ue000", "a\uf8ff"]);
    expect((await page({ Bucket: bucket, Prefix: "a\ue000" })).keys).toEqual(["a\ue000"]);
    expect((await page({ Bucket: bucket, Prefix: "a😀" })).keys).toEqual(["a😀"]);
    expect((await page({ Bucket: bucket, Prefix: "a", StartAfter: "a\ufffd" })).keys).toEqual(["a😀", "a\u{10ffff}"]);
  });
});

describe("prefix, delimiter and start positions together", () => {
  const keys = ["a/1", "a/2", "a/3", "a/b/1", "a/b/2", "b", "c/1", "c/2", "c/3", "d"];

  it("a page boundary at a common prefix: one entry a page, no prefix repeated, nothing under it listed", async () => {
    const bucket = await bucketWith(keys, "combo-pages");
    const entries: string[] = [];
    let token: string | undefined;
    do {
      const one = await page({ Bucket: bucket, Delimiter: "/", MaxKeys: 1, ContinuationToken: token });
      expect(one.keys.length + one.prefixes.length).toBe(1);
      entries.push(...(one.keys as string[]), ...(one.prefixes as string[]));
      token = one.token;
    } while (token);
    expect(entries).toEqual(["a/", "b", "c/", "d"]);
  });

  it("a page that ends inside a prefix carries on inside it, its sub-prefix rolled up", async () => {
    const bucket = await bucketWith(keys, "combo-inside");
    const first = await page({ Bucket: bucket, Prefix: "a/", Delimiter: "/", MaxKeys: 2 });
    expect(first).toMatchObject({ keys: ["a/1", "a/2"], prefixes: [], truncated: true });
    const second = await page({ Bucket: bucket, Prefix: "a/", Delimiter: "/", MaxKeys: 2, ContinuationToken: first.token });
    expect(second).toMatchObject({ keys: ["a/3"], prefixes: ["a/b/"], truncated: false });
  });

  it("StartAfter combines with prefix and delimiter", async () => {
    const bucket = await bucketWith(keys, "combo-start");
    // StartAfter inside a common prefix: the keys after it still roll up into that prefix.
    expect(await page({ Bucket: bucket, Delimiter: "/", StartAfter: "a/2" })).toMatchObject({ keys: ["b", "d"], prefixes: ["a/", "c/"] });
    expect(await page({ Bucket: bucket, Prefix: "a/", Delimiter: "/", StartAfter: "a/1" })).toMatchObject({
      keys: ["a/2", "a/3"],
      prefixes: ["a/b/"],
    });
    expect((await page({ Bucket: bucket, Prefix: "c/", StartAfter: "b" })).keys).toEqual(["c/1", "c/2", "c/3"]);
    expect((await page({ Bucket: bucket, Prefix: "c/", StartAfter: "c/2" })).keys).toEqual(["c/3"]);
    expect((await page({ Bucket: bucket, Prefix: "c/", StartAfter: "d" })).keys).toEqual([]);
    expect((await page({ Bucket: bucket, Prefix: "a/b" })).keys).toEqual(["a/b/1", "a/b/2"]);
    expect((await page({ Bucket: bucket, Prefix: "zz" })).keys).toEqual([]);
  });

  it("ListObjects (v1) NextMarker of a common prefix skips what is under it", async () => {
    const bucket = await bucketWith(keys, "combo-v1");
    const first = await s3().send(new ListObjectsCommand({ Bucket: bucket, Delimiter: "/", MaxKeys: 2 }));
    expect(first.NextMarker).toBe("b");
    const second = await s3().send(new ListObjectsCommand({ Bucket: bucket, Delimiter: "/", MaxKeys: 1, Marker: first.NextMarker }));
    expect(second.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual(["c/"]);
    const third = await s3().send(new ListObjectsCommand({ Bucket: bucket, Delimiter: "/", Marker: second.NextMarker }));
    expect(third.Contents?.map((object) => object.Key)).toEqual(["d"]);
    expect(third.CommonPrefixes).toBeUndefined();
  });
});

describe("keys changing between pages", () => {
  it("a page goes on after the last key listed even once it and the next are deleted; a key added after it is listed", async () => {
    const bucket = await bucketWith(["k1", "k2", "k3", "k4", "k5", "k6"], "between");
    const first = await page({ Bucket: bucket, MaxKeys: 3 });
    expect(first.keys).toEqual(["k1", "k2", "k3"]);
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "k3" }));
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "k4" }));
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "k35", Body: new Uint8Array() }));
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "k0", Body: new Uint8Array() }));
    const second = await page({ Bucket: bucket, MaxKeys: 3, ContinuationToken: first.token });
    expect(second).toMatchObject({ keys: ["k35", "k5", "k6"], truncated: false });
  });

  it("a versioned bucket lists a key whose latest is a delete marker in versions only", async () => {
    const bucket = uniqueBucket("between-versions");
    await s3().send(new CreateBucketCommand({ Bucket: bucket }));
    await s3().send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
    for (const Key of ["p/a", "p/a", "p/b", "q", "r"]) await s3().send(new PutObjectCommand({ Bucket: bucket, Key, Body: new Uint8Array() }));
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "p/b" }));
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "q" }));
    expect((await page({ Bucket: bucket })).keys).toEqual(["p/a", "r"]);
    expect(await page({ Bucket: bucket, Delimiter: "/", MaxKeys: 1, StartAfter: "p/" })).toMatchObject({ keys: ["r"], truncated: false });
    const first = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket, Delimiter: "/", MaxKeys: 2 }));
    expect(first.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual(["p/"]);
    expect(first.DeleteMarkers?.map((marker) => [marker.Key, marker.IsLatest])).toEqual([["q", true]]);
    expect(first.NextKeyMarker).toBe("q");
    const rest = await s3().send(
      new ListObjectVersionsCommand({ Bucket: bucket, Delimiter: "/", KeyMarker: first.NextKeyMarker, VersionIdMarker: first.NextVersionIdMarker }),
    );
    expect(rest.Versions?.map((version) => [version.Key, version.IsLatest])).toEqual([["q", false], ["r", true]]);
  });
});

describe("many keys, put in random order", () => {
  it("every page and prefix query agrees with the keys sorted by bytes, after deletes too", async () => {
    const random = new SeededRandom(2026);
    const keys = Array.from({ length: 1500 }, (_, i) => `k${String(i).padStart(4, "0")}/${random.string("ab😀\ue000", 2)}`);
    const shuffled = [...keys].sort(() => random.next() - 0.5);
    const bucket = await bucketWith(shuffled, "many");
    const deleted = new Set(keys.filter((_, i) => i % 7 === 3));
    const client = s3();
    await Promise.all([...deleted].map((Key) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key }))));
    const expected = keys.filter((key) => !deleted.has(key)).sort(byBytes);
    const listed: string[] = [];
    for await (const one of paginateListObjectsV2({ client }, { Bucket: bucket })) {
      listed.push(...(one.Contents ?? []).map((object) => object.Key ?? ""));
    }
    expect(listed).toEqual(expected);
    expect((await page({ Bucket: bucket, Prefix: "k1234/" })).keys).toEqual([keys[1234]]);
    expect((await page({ Bucket: bucket, Prefix: "k12345" })).keys).toEqual([]);
    expect((await page({ Bucket: bucket, StartAfter: expected[1100], MaxKeys: 5 })).keys).toEqual(expected.slice(1101, 1106));
    const rolled = await page({ Bucket: bucket, Delimiter: "/", StartAfter: "k1000/" });
    expect(rolled.prefixes).toEqual([...new Set(expected.map((key) => key.slice(0, 6)))].filter((prefix) => prefix > "k1000/").slice(0, 1000));
  }, 60_000);
});

describe("multipart upload listings", () => {
  it("page through common prefixes and through a key's uploads with the upload-id marker", async () => {
    const bucket = uniqueBucket("uploads-order");
    await s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const uploads: { Key: string; UploadId: string }[] = [];
    for (const Key of ["y", "x/1", "y", "x/2", "y"]) {
      const { UploadId } = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
      uploads.push({ Key, UploadId: UploadId ?? "" });
    }
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      const one = await s3().send(
        new ListMultipartUploadsCommand({ Bucket: bucket, Delimiter: "/", MaxUploads: 1, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
      );
      seen.push(...(one.CommonPrefixes ?? []).map((prefix) => prefix.Prefix ?? ""), ...(one.Uploads ?? []).map((upload) => upload.UploadId ?? ""));
      if (!one.IsTruncated) break;
      keyMarker = one.NextKeyMarker;
      uploadIdMarker = one.NextUploadIdMarker;
    }
    const ys = uploads.filter((upload) => upload.Key === "y").map((upload) => upload.UploadId);
    expect(seen).toEqual(["x/", ...ys]);
    await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: "y", UploadId: ys[1] }));
    const after = await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: "y", KeyMarker: "y", UploadIdMarker: ys[0] }));
    expect(after.Uploads?.map((upload) => upload.UploadId)).toEqual([ys[2]]);
  });
});
