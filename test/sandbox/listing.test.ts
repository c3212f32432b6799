import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();
const s3 = () => clients().s3({ region: "us-east-1" });
const bucket = uniqueBucket("listing");
const keys = ["a.txt", "photos/2024/jan.jpg", "photos/2024/feb.jpg", "photos/2025/mar.jpg", "photos/cover.jpg", "z.txt"];

beforeAll(async () => {
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  for (const key of keys) await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
});

describe("listing objects", () => {
  it("ListObjectsV2 lists keys in byte order with sizes and ETags", async () => {
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([...keys].sort());
    expect(listed.KeyCount).toBe(keys.length);
    expect(listed.IsTruncated).toBe(false);
    expect(listed.Contents?.[0]?.Size).toBe("a.txt".length);
    expect(listed.Contents?.[0]?.StorageClass).toBe("STANDARD");
  });

  it("a prefix and a delimiter fold keys into common prefixes", async () => {
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "photos/", Delimiter: "/" }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["photos/cover.jpg"]);
    expect(listed.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["photos/2024/", "photos/2025/"]);
    expect(listed.KeyCount).toBe(3);
  });

  it("pages with MaxKeys and continuation tokens visit every key exactly once", async () => {
    const seen: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3(), pageSize: 2 }, { Bucket: bucket })) {
      expect(page.Contents?.length ?? 0).toBeLessThanOrEqual(2);
      seen.push(...(page.Contents ?? []).map((o) => o.Key ?? ""));
    }
    expect(seen).toEqual([...keys].sort());
  });

  it("pages of common prefixes do not repeat a prefix", async () => {
    const first = await s3().send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: "/", MaxKeys: 2 }));
    expect([...(first.Contents ?? []).map((o) => o.Key), ...(first.CommonPrefixes ?? []).map((p) => p.Prefix)]).toEqual([
      "a.txt",
      "photos/",
    ]);
    expect(first.IsTruncated).toBe(true);
    const second = await s3().send(
      new ListObjectsV2Command({ Bucket: bucket, Delimiter: "/", MaxKeys: 2, ContinuationToken: first.NextContinuationToken }),
    );
    expect(second.Contents?.map((o) => o.Key)).toEqual(["z.txt"]);
    expect(second.CommonPrefixes ?? []).toEqual([]);
  });

  it("StartAfter skips keys up to and including it", async () => {
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: "photos/cover.jpg" }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["z.txt"]);
  });

  it("ListObjects (v1) pages with Marker and includes the owner", async () => {
    const first = await s3().send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: 3 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.Contents?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const last = first.Contents?.at(-1)?.Key;
    const rest = await s3().send(new ListObjectsCommand({ Bucket: bucket, Marker: last }));
    expect([...(first.Contents ?? []), ...(rest.Contents ?? [])].map((o) => o.Key)).toEqual([...keys].sort());
  });

  it("encoding-type=url encodes keys, a space as +", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "with space.txt", Body: "x" }));
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "with", EncodingType: "url" }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["with+space.txt"]);
  });

  it("a bad continuation token is InvalidArgument", async () => {
    const error = await failureOf(s3().send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: "not a token" })));
    expect(error.name).toBe("InvalidArgument");
  });

  it("ListObjectVersions pages through versions with key and version markers", async () => {
    const versioned = uniqueBucket("listing-versions");
    await s3().send(new CreateBucketCommand({ Bucket: versioned }));
    await s3().send(new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: "Enabled" } }));
    const written: string[] = [];
    for (const key of ["k1", "k1", "k1", "k2", "k2"]) {
      const put = await s3().send(new PutObjectCommand({ Bucket: versioned, Key: key, Body: key }));
      written.push(`${key}:${put.VersionId}`);
    }
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    for (;;) {
      const page = await s3().send(
        new ListObjectVersionsCommand({ Bucket: versioned, MaxKeys: 2, KeyMarker: keyMarker, VersionIdMarker: versionMarker }),
      );
      seen.push(...(page.Versions ?? []).map((v) => `${v.Key}:${v.VersionId}`));
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionMarker = page.NextVersionIdMarker;
    }
    expect(seen).toEqual([written[2], written[1], written[0], written[4], written[3]]);
  });
});
