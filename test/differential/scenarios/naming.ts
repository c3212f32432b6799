import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { randomBytes } from "node:crypto";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { Capability } from "../../../src/content/schema/lesson";
import { freshName, locationFor, outcomeOf, type Scratch } from "../scenario-kit";
import { HOME, type Scenario } from "../scenario";

const hex = () => randomBytes(3).toString("hex");
const octet = () => String(1 + (randomBytes(1)[0] ?? 0) % 250);

const accountOf = async (scratch: Scratch): Promise<string> =>
  (await scratch.subject.sts("me").send(new GetCallerIdentityCommand({}))).Account ?? "";

/** CreateBucket with a name S3 refuses (userguide/bucketnamingrules.html): 400 InvalidBucketName. */
const refusedName = (
  id: string,
  title: string,
  name: (scratch: Scratch) => string | Promise<string>,
  emulators: { localstack: string; moto: string },
  capability?: Capability,
  notes?: Scenario["notes"],
): Scenario => ({
  id: `naming.${id}`,
  group: "Bucket names",
  title,
  ...(capability ? { capability } : {}),
  ...(notes ? { notes } : {}),
  run: async (scratch) => {
    const bucket = await name(scratch);
    const outcome = await outcomeOf(() => scratch.subject.s3("me", HOME).send(new CreateBucketCommand({ Bucket: bucket, ...locationFor(HOME) })));
    if (outcome === "200") scratch.track(bucket, HOME);
    return outcome;
  },
  expected: { aws: "400 InvalidBucketName", ...emulators },
});

export const namingScenarios: Scenario[] = [
  refusedName("uppercase", "Uppercase letters", () => `DT-Upper-${hex()}`, { localstack: "400 InvalidBucketName", moto: "200" }),
  refusedName("underscore", "An underscore", () => `dt_under_${hex()}`, { localstack: "400 InvalidBucketName", moto: "200" }),
  refusedName("too-short", "2 characters", () => "ab", { localstack: "400 InvalidBucketName", moto: "400 InvalidBucketName" }),
  refusedName("too-long", "64 characters", () => `dt-${hex()}-`.padEnd(64, "x"), { localstack: "400 InvalidBucketName", moto: "400 InvalidBucketName" }),
  refusedName("adjacent-periods", "Two adjacent periods", () => `dt..${hex()}`, { localstack: "400 InvalidBucketName", moto: "200" }),
  refusedName("ip-address", "Shaped like an IP address", () => `192.168.${octet()}.${octet()}`, { localstack: "400 InvalidBucketName", moto: "200" }),
  refusedName("prefix-xn", "Reserved prefix xn--", () => `xn--dt-${hex()}`, { localstack: "200", moto: "200" }, "reservedNames"),
  refusedName("suffix-s3alias", "Reserved suffix -s3alias", () => `${freshName("alias")}-s3alias`, { localstack: "200", moto: "200" }, "reservedNames"),
  refusedName(
    "suffix-an",
    "An account regional name (-<account>-<region>-an) without that namespace",
    async (scratch) => `${freshName("an")}-${await accountOf(scratch)}-${HOME}-an`,
    { localstack: "400 MissingNamespaceHeader", moto: "200" },
    "reservedNames",
    {
      localstack:
        "MissingNamespaceHeader is an error of S3's service model; reference/s3-facts.md gives InvalidBucketName. Worth checking on AWS.",
    },
  ),
  {
    id: "naming.account-regional",
    group: "Bucket names",
    title: "The same kind of name in the account regional namespace",
    run: async (scratch) => {
      const bucket = `${freshName("an")}-${await accountOf(scratch)}-${HOME}-an`;
      const outcome = await outcomeOf(() =>
        scratch.subject.s3("me", HOME).send(new CreateBucketCommand({ Bucket: bucket, BucketNamespace: "account-regional", ...locationFor(HOME) })),
      );
      if (outcome === "200") scratch.track(bucket, HOME);
      return outcome;
    },
    expected: { aws: "200", localstack: "200", moto: "200" },
  },
];
