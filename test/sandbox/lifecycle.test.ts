import {
  CreateBucketCommand,
  DeleteBucketLifecycleCommand,
  GetBucketLifecycleConfigurationCommand,
  PutBucketLifecycleConfigurationCommand,
  type LifecycleRule,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { errorCode, rawRequest } from "../helpers/raw";
import { ACCOUNT_B, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients, sandbox } = useSandbox();
const s3 = () => clients().s3();

const newBucket = async (): Promise<string> => {
  const bucket = uniqueBucket("lifecycle");
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
};

const put = (bucket: string, Rules: LifecycleRule[]) =>
  s3().send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules } }));

const get = (bucket: string) => s3().send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));

const refusal = async (Rules: LifecycleRule[]) => failureOf(put(await newBucket(), Rules));

const RULES: LifecycleRule[] = [
  {
    ID: "logs-tiering",
    Filter: { Prefix: "logs/" },
    Status: "Enabled",
    Transitions: [
      { Days: 30, StorageClass: "STANDARD_IA" },
      { Days: 90, StorageClass: "GLACIER" },
    ],
    Expiration: { Days: 365 },
  },
  {
    ID: "old-versions",
    Filter: { And: { Prefix: "data/", Tags: [{ Key: "keep", Value: "short" }], ObjectSizeGreaterThan: 1024 } },
    Status: "Disabled",
    NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: "ONEZONE_IA" }],
    NoncurrentVersionExpiration: { NoncurrentDays: 60, NewerNoncurrentVersions: 3 },
  },
  {
    ID: "tidy-up",
    Filter: { Prefix: "" },
    Status: "Enabled",
    Expiration: { ExpiredObjectDeleteMarker: true },
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
  },
  {
    ID: "archive-by-date",
    Filter: { Tag: { Key: "class", Value: "archive" } },
    Status: "Enabled",
    Transitions: [{ Date: new Date("2030-01-01T00:00:00Z"), StorageClass: "DEEP_ARCHIVE" }],
  },
];

describe("Put/Get/DeleteBucketLifecycleConfiguration", () => {
  it("round-trips a multi-rule configuration", async () => {
    const bucket = await newBucket();
    const stored = await put(bucket, RULES);
    expect(stored.$metadata.httpStatusCode).toBe(200);
    expect(stored.TransitionDefaultMinimumObjectSize).toBe("all_storage_classes_128K");
    const read = await get(bucket);
    expect(read.Rules).toEqual(RULES);
    expect(read.TransitionDefaultMinimumObjectSize).toBe("all_storage_classes_128K");
  });

  it("keeps the minimum object size the request chose", async () => {
    const bucket = await newBucket();
    await s3().send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: bucket,
        TransitionDefaultMinimumObjectSize: "varies_by_storage_class",
        LifecycleConfiguration: { Rules: [RULES[0] as LifecycleRule] },
      }),
    );
    expect((await get(bucket)).TransitionDefaultMinimumObjectSize).toBe("varies_by_storage_class");
  });

  it("gives a rule without an ID a generated one", async () => {
    const bucket = await newBucket();
    await put(bucket, [{ Filter: {}, Status: "Enabled", Expiration: { Days: 10 } }]);
    const [rule] = (await get(bucket)).Rules ?? [];
    expect(rule?.ID).toMatch(/^[A-Za-z0-9+/=]{20,255}$/);
    expect(rule?.Expiration).toEqual({ Days: 10 });
  });

  it("putting a new configuration replaces the old one", async () => {
    const bucket = await newBucket();
    await put(bucket, RULES);
    await put(bucket, [{ ID: "only", Filter: { Prefix: "tmp/" }, Status: "Enabled", Expiration: { Days: 1 } }]);
    expect((await get(bucket)).Rules?.map((rule) => rule.ID)).toEqual(["only"]);
  });

  it("a bucket without a configuration is NoSuchLifecycleConfiguration", async () => {
    const bucket = await newBucket();
    const error = await failureOf(get(bucket));
    expect(error.name).toBe("NoSuchLifecycleConfiguration");
    expect(error.message).toBe("The lifecycle configuration does not exist");
    expect(error.$metadata?.httpStatusCode).toBe(404);
    expect((error as unknown as { BucketName?: string }).BucketName).toBe(bucket);
  });

  it("DeleteBucketLifecycle answers 204 and removes the configuration", async () => {
    const bucket = await newBucket();
    await put(bucket, RULES);
    const deleted = await s3().send(new DeleteBucketLifecycleCommand({ Bucket: bucket }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await failureOf(get(bucket))).name).toBe("NoSuchLifecycleConfiguration");
  });

  it("another account is denied", async () => {
    const bucket = await newBucket();
    await put(bucket, RULES);
    const error = await failureOf(
      clients().s3({ accessKeyId: ACCOUNT_B }).send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket })),
    );
    expect(error.name).toBe("AccessDenied");
  });
});

describe("the 30-day rule for infrequent-access classes", () => {
  for (const StorageClass of ["STANDARD_IA", "ONEZONE_IA"] as const) {
    it(`${StorageClass}: 29 days is InvalidArgument, 30 days is accepted`, async () => {
      const rule = (Days: number): LifecycleRule => ({
        ID: "tier",
        Filter: { Prefix: "" },
        Status: "Enabled",
        Transitions: [{ Days, StorageClass }],
      });
      const error = await refusal([rule(29)]);
      expect(error.name).toBe("InvalidArgument");
      expect(error.$metadata?.httpStatusCode).toBe(400);
      expect(error.message).toBe(`'Days' in Transition action must be greater than or equal to 30 for storageClass '${StorageClass}'`);
      const accepted = await put(await newBucket(), [rule(30)]);
      expect(accepted.$metadata.httpStatusCode).toBe(200);
    });
  }

  it("applies to noncurrent versions too", async () => {
    const error = await refusal([
      { ID: "nc", Filter: {}, Status: "Enabled", NoncurrentVersionTransitions: [{ NoncurrentDays: 7, StorageClass: "STANDARD_IA" }] },
    ]);
    expect(error.name).toBe("InvalidArgument");
  });

  it("other classes take any number of days", async () => {
    const bucket = await newBucket();
    await put(bucket, [
      { ID: "fast", Filter: {}, Status: "Enabled", Transitions: [{ Days: 0, StorageClass: "GLACIER_IR" }, { Days: 1, StorageClass: "INTELLIGENT_TIERING" }] },
    ]);
    expect((await get(bucket)).Rules?.[0]?.Transitions).toHaveLength(2);
  });
});

describe("PutBucketLifecycleConfiguration: refused configurations", () => {
  it("an expiration that is not after every transition", async () => {
    const error = await refusal([
      {
        ID: "short",
        Filter: { Prefix: "logs/" },
        Status: "Enabled",
        Transitions: [{ Days: 30, StorageClass: "STANDARD_IA" }, { Days: 90, StorageClass: "GLACIER" }],
        Expiration: { Days: 90 },
      },
    ]);
    expect(error.name).toBe("InvalidArgument");
    expect(error.message).toBe(
      "'Days' in the Expiration action for filter '(prefix=logs/)' must be greater than 'Days' in the Transition action",
    );
  });

  it("an expiration of zero days", async () => {
    const error = await refusal([{ ID: "now", Filter: {}, Status: "Enabled", Expiration: { Days: 0 } }]);
    expect(error.name).toBe("InvalidArgument");
    expect(error.message).toBe("'Days' for Expiration action must be a positive integer");
  });

  it("two rules with the same ID", async () => {
    const rule: LifecycleRule = { ID: "same", Filter: { Prefix: "a/" }, Status: "Enabled", Expiration: { Days: 1 } };
    const error = await refusal([rule, { ...rule, Filter: { Prefix: "b/" } }]);
    expect(error.name).toBe("InvalidArgument");
    expect(error.message).toBe("Rule ID must be unique. Found same ID for more than one rule");
  });

  it("an ID over 255 characters", async () => {
    const error = await refusal([{ ID: "x".repeat(256), Filter: {}, Status: "Enabled", Expiration: { Days: 1 } }]);
    expect(error.name).toBe("InvalidArgument");
  });

  it("a storage class transitions cannot name", async () => {
    const error = await refusal([
      { ID: "std", Filter: {}, Status: "Enabled", Transitions: [{ Days: 30, StorageClass: "STANDARD" as never }] },
    ]);
    expect(error.name).toBe("MalformedXML");
  });

  it("no rules at all", async () => {
    const error = await refusal([]);
    expect(error.name).toBe("MalformedXML");
  });

  it("more than 1000 rules", async () => {
    const rules = Array.from({ length: 1001 }, (_, index): LifecycleRule => ({
      ID: `r${index}`,
      Filter: { Prefix: `p${index}/` },
      Status: "Enabled",
      Expiration: { Days: 1 },
    }));
    const error = await refusal(rules);
    expect(error.name).toBe("MalformedXML");
  });

  it("a rule without an action", async () => {
    const error = await refusal([{ ID: "idle", Filter: {}, Status: "Enabled" }]);
    expect(error.name).toBe("InvalidRequest");
  });

  it("a date that is not midnight UTC", async () => {
    const error = await refusal([
      { ID: "noon", Filter: {}, Status: "Enabled", Expiration: { Date: new Date("2030-01-01T12:00:00Z") } },
    ]);
    expect(error.name).toBe("InvalidArgument");
    expect(error.message).toBe("'Date' must be at midnight GMT");
  });

  it("a noncurrent expiration not after its noncurrent transition", async () => {
    const error = await refusal([
      {
        ID: "nc",
        Filter: { Prefix: "data/" },
        Status: "Enabled",
        NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: "STANDARD_IA" }],
        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      },
    ]);
    expect(error.name).toBe("InvalidArgument");
  });
});

describe("PutBucketLifecycleConfiguration: documents the SDK would not send", () => {
  const send = async (body: string) =>
    rawRequest(sandbox().endpoint, { method: "PUT", path: `/${await newBucket()}`, query: { lifecycle: "" }, body });

  it("a rule without Status is MalformedXML", async () => {
    const response = await send(
      "<LifecycleConfiguration><Rule><ID>a</ID><Filter/><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>",
    );
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("MalformedXML");
  });

  it("two predicates in a Filter without And is MalformedXML", async () => {
    const response = await send(
      "<LifecycleConfiguration><Rule><Filter><Prefix>a/</Prefix><ObjectSizeLessThan>10</ObjectSizeLessThan></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>",
    );
    expect(errorCode(response.body)).toBe("MalformedXML");
  });

  it("a legacy rule-level Prefix round-trips in that form", async () => {
    const bucket = await newBucket();
    const response = await rawRequest(sandbox().endpoint, {
      method: "PUT",
      path: `/${bucket}`,
      query: { lifecycle: "" },
      body: "<LifecycleConfiguration><Rule><ID>v1</ID><Prefix>tmp/</Prefix><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule></LifecycleConfiguration>",
    });
    expect(response.status).toBe(200);
    const [rule] = (await get(bucket)).Rules ?? [];
    expect(rule).toEqual({ ID: "v1", Prefix: "tmp/", Status: "Enabled", Expiration: { Days: 3 } });
  });

  it("a Filter in a Lifecycle V1 configuration is InvalidRequest", async () => {
    const response = await send(
      "<LifecycleConfiguration><Rule><ID>v1</ID><Prefix>a/</Prefix><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule><Rule><ID>v2</ID><Filter><Prefix>b/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule></LifecycleConfiguration>",
    );
    expect(errorCode(response.body)).toBe("InvalidRequest");
    expect(response.body).toContain("<Message>Filter element can only be used in Lifecycle V2.</Message>");
  });
});
