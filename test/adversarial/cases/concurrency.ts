import {
  CompleteMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type PutObjectCommandInput,
} from "@aws-sdk/client-s3";
import { openOnePartUpload } from "../../helpers/one-part-upload";
import { stepCases, type Lab } from "../helpers";
import { cliErrorCode } from "../learner-work";

/** concurrency: a lock taken with If-None-Match, a compare-and-swap with If-Match. */

const LOCK = "locks/nightly-report";
const FLAGS = "config/flags.txt";
/** The ETag of `search=off;checkout=off`, the version the learner's service read (the goal gives it). */
const STALE_ETAG = '"8eaf92da7617219f87de942a8d1e899c"';
/** The ETag of the colleague's `search=on;checkout=off`, the one a right retry is conditioned on. */
const COLLEAGUE_ETAG = '"2f977a382861f9c5e9188661b75ef03d"';

const locks = (lab: Lab) => lab.name("locks");
const flags = (lab: Lab) => lab.name("flags");

/** PutObject as the learner sends it: the error code they read, or undefined when it was stored. */
const put = async (lab: Lab, input: Omit<PutObjectCommandInput, "Bucket"> & { Bucket?: string }): Promise<string | undefined> => {
  try {
    await lab.s3().send(new PutObjectCommand({ Bucket: locks(lab), ...input }));
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
};

/** Worker 1 takes the lock, worker 2 tries; the code worker 2 read (PreconditionFailed when both were create-only). */
const bothWorkers = async (lab: Lab, conditional: { first: boolean; second: boolean }) => {
  await put(lab, { Key: LOCK, Body: "owner=worker-1", ...(conditional.first ? { IfNoneMatch: "*" } : {}) });
  return put(lab, { Key: LOCK, Body: "owner=worker-2", ...(conditional.second ? { IfNoneMatch: "*" } : {}) });
};

/** A one-part multipart upload of `body`, completed with the given conditions; the error code, if any. */
const multipartPut = async (lab: Lab, bucket: string, key: string, body: string, conditions: { IfNoneMatch?: string; IfMatch?: string }) => {
  const upload = await openOnePartUpload(lab.s3(), bucket, key, body);
  try {
    await lab.s3().send(new CompleteMultipartUploadCommand({ ...upload, ...conditions }));
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
};

const putFlags = (lab: Lab, body: string, ifMatch?: string) => put(lab, { Bucket: flags(lab), Key: FLAGS, Body: body, ...(ifMatch ? { IfMatch: ifMatch } : {}) });
const currentFlagsEtag = async (lab: Lab) => (await lab.s3().send(new HeadObjectCommand({ Bucket: flags(lab), Key: FLAGS }))).ETag ?? "";

/** What the learner read during their work (an error code, an ETag) and then types for the check. */
let lastCode: string | undefined;
let lastSeen: string | undefined;

export const concurrencyCases = stepCases([
  // take-the-lock (the setup made the versioned bucket)
  {
    step: "take-the-lock",
    kind: "wrong",
    what: "nothing done, the code typed from the lesson",
    work: async () => undefined,
    answers: { code: "PreconditionFailed" },
    reason: /locks\/nightly-report belongs to worker 1: .*NoSuchKey/,
  },
  {
    step: "take-the-lock",
    kind: "wrong",
    what: "both workers wrote with plain PutObject: worker 2 overwrote the lock",
    work: async (lab) => void (await bothWorkers(lab, { first: false, second: false })),
    answers: { code: "PreconditionFailed" },
    reason: /locks\/nightly-report belongs to worker 1: Body is owner=worker-2, expected owner=worker-1/,
  },
  {
    step: "take-the-lock",
    kind: "wrong",
    what: "worker 1 created the lock twice, the second time without a condition (same body, two writes)",
    work: async (lab) => {
      await put(lab, { Key: LOCK, Body: "owner=worker-1", IfNoneMatch: "*" });
      await put(lab, { Key: LOCK, Body: "owner=worker-1" });
    },
    answers: { code: "PreconditionFailed" },
    reason: /The lock was written exactly once .*: IsTruncated is true, expected false/,
  },
  {
    step: "take-the-lock",
    kind: "wrong",
    what: "the status, 412, typed as the code",
    work: async (lab) => void (await bothWorkers(lab, { first: true, second: true })),
    answers: { code: "412" },
    reason: /you answered 412, which is not what the target answered/,
  },
  {
    step: "take-the-lock",
    kind: "wrong",
    what: "409 ConditionalRequestConflict typed, the multipart answer, as the code",
    work: async (lab) => void (await bothWorkers(lab, { first: true, second: true })),
    answers: { code: "ConditionalRequestConflict" },
    reason: /you answered ConditionalRequestConflict, which is not what the target answered/,
  },
  {
    step: "take-the-lock",
    kind: "wrong",
    what: "worker 1 took the lock with a plain PutObject, once, and the code was typed from the lesson",
    work: async (lab) => void (await put(lab, { Key: LOCK, Body: "owner=worker-1" })),
    answers: { code: "PreconditionFailed" },
    reason: /./,
    knownGap: "one write leaves the same object and history whether or not it carried If-None-Match; only worker 2's refusal is observable, and the check asks for it",
  },
  {
    step: "take-the-lock",
    kind: "right",
    what: "two create-only PutObjects through the SDK, the code read from the error",
    work: async (lab) => {
      lastCode = await bothWorkers(lab, { first: true, second: true });
    },
    answers: () => ({ code: lastCode ?? "" }),
  },
  {
    step: "take-the-lock",
    kind: "right",
    what: "worker 1 completes a multipart upload with If-None-Match: *, worker 2's PutObject is refused",
    work: async (lab) => {
      await multipartPut(lab, locks(lab), LOCK, "owner=worker-1", { IfNoneMatch: "*" });
      lastCode = await put(lab, { Key: LOCK, Body: "owner=worker-2", IfNoneMatch: "*" });
    },
    answers: () => ({ code: lastCode ?? "" }),
  },
  {
    step: "take-the-lock",
    kind: "right",
    what: "aws s3api put-object --if-none-match '*' twice, the code read from the CLI's error, given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3api", "put-object", "--bucket", locks(lab), "--key", LOCK, "--body", lab.file("worker-1", "owner=worker-1"), "--if-none-match", "*"]);
      const second = await lab.awsCli(["s3api", "put-object", "--bucket", locks(lab), "--key", LOCK, "--body", lab.file("worker-2", "owner=worker-2"), "--if-none-match", "*"]);
      lastCode = cliErrorCode(second.stderr);
    },
    answers: () => ({ code: lastCode ?? "" }),
  },

  // compare-and-swap (the setup wrote the version the learner read, then the colleague's)
  {
    step: "compare-and-swap",
    kind: "wrong",
    what: "nothing done",
    work: async () => undefined,
    answers: { etag: COLLEAGUE_ETAG },
    reason: /config\/flags\.txt has both changes, search on and checkout on: Body is "search=on;checkout=off", expected "search=on;checkout=on"/,
  },
  {
    step: "compare-and-swap",
    kind: "wrong",
    what: "the lost update: the change written over the stale read with a plain PutObject",
    work: async (lab) => void (await putFlags(lab, "search=off;checkout=on")),
    answers: { etag: STALE_ETAG },
    reason: /Body is "search=off;checkout=on", expected "search=on;checkout=on"/,
  },
  {
    step: "compare-and-swap",
    kind: "wrong",
    what: "stopped after the stale If-Match was refused",
    work: async (lab) => void (await putFlags(lab, "search=off;checkout=on", STALE_ETAG)),
    answers: { etag: STALE_ETAG },
    reason: /Body is "search=on;checkout=off", expected "search=on;checkout=on"/,
  },
  {
    step: "compare-and-swap",
    kind: "wrong",
    what: "the lost update, then repaired by hand with another plain PutObject (two writes where one belonged)",
    work: async (lab) => {
      await putFlags(lab, "search=off;checkout=on");
      await putFlags(lab, "search=on;checkout=on");
    },
    answers: { etag: COLLEAGUE_ETAG },
    reason: /The history is yours, then your colleague's, then the original, with no lost update in between: IsTruncated is true, expected false/,
  },
  {
    step: "compare-and-swap",
    kind: "wrong",
    what: "right work, but the stale ETag typed as the one the successful write used",
    work: async (lab) => void (await putFlags(lab, "search=on;checkout=on", await currentFlagsEtag(lab))),
    answers: { etag: STALE_ETAG },
    reason: /you answered .*8eaf92da7617219f87de942a8d1e899c.*, which is not what the target answered; look again at Versions\.1\.ETag/,
  },
  {
    step: "compare-and-swap",
    kind: "wrong",
    what: "the right content written with a plain PutObject, no If-Match at all",
    work: async (lab) => void (await putFlags(lab, "search=on;checkout=on")),
    answers: { etag: COLLEAGUE_ETAG },
    reason: /./,
    knownGap: "an unconditional write of the right bytes leaves the same object and history as a conditional one; the check catches it only when it loses the colleague's change or adds a version",
  },
  {
    step: "compare-and-swap",
    kind: "right",
    what: "HeadObject for the current ETag, then PutObject with IfMatch through the SDK",
    work: async (lab) => {
      await putFlags(lab, "search=off;checkout=on", STALE_ETAG);
      lastSeen = await currentFlagsEtag(lab);
      const refused = await putFlags(lab, "search=on;checkout=on", lastSeen);
      if (refused) throw new Error(`the conditional write was refused: ${refused}`);
    },
    answers: () => ({ etag: lastSeen ?? "" }),
  },
  {
    step: "compare-and-swap",
    kind: "right",
    what: "a multipart upload completed with If-Match on the current ETag, the ETag typed without quotes",
    work: async (lab) => {
      const refused = await multipartPut(lab, flags(lab), FLAGS, "search=on;checkout=on", { IfMatch: await currentFlagsEtag(lab) });
      if (refused) throw new Error(`the conditional complete was refused: ${refused}`);
    },
    answers: { etag: COLLEAGUE_ETAG.replace(/"/g, "") },
  },
  {
    step: "compare-and-swap",
    kind: "right",
    what: "aws s3api head-object, then put-object --if-match, given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async (lab) => {
      const head = JSON.parse(await lab.awsCliOk(["s3api", "head-object", "--bucket", flags(lab), "--key", FLAGS])) as { ETag: string };
      lastSeen = head.ETag;
      await lab.awsCliOk(["s3api", "put-object", "--bucket", flags(lab), "--key", FLAGS, "--body", lab.file("flags.txt", "search=on;checkout=on"), "--if-match", head.ETag]);
    },
    answers: () => ({ etag: lastSeen ?? "" }),
  },
]);
