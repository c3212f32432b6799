import { z } from "zod";
import { CAPABILITIES } from "../capabilities";

/**
 * The lesson format (lessons/*.yaml). A lesson is a list of steps: prose to read, a quiz
 * question woven in, or a hands-on task whose actions call the real AWS SDK against a target.
 */

export const CapabilitySchema = z.enum(CAPABILITIES).describe("A capability of the target this step needs.");
export { CAPABILITIES, type Capability } from "../capabilities";

/** "500ms", "30s", "2m". */
export const DurationSchema = z
  .string()
  .regex(/^\d+(ms|s|m)$/, 'a duration such as "500ms", "30s" or "2m"')
  .describe('A duration such as "500ms", "30s" or "2m".');

export const ExpectErrorSchema = z
  .object({
    code: z.string().min(1).describe("The error code S3, IAM or STS answers, e.g. BucketAlreadyExists."),
    status: z.number().int().min(100).max(599).optional().describe("The HTTP status, e.g. 409."),
  })
  .strict();

/** What the learner observed and types in: checked against what the target really answers. */
export const AskSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens")
      .describe('How the answer is named on the command line: s3-tutor check <lesson> <step> --answer <id>=<value>.'),
    question: z.string().min(1).describe("What the learner is asked, e.g. \"What ETag did HeadObject answer?\""),
    from: z
      .string()
      .regex(/^(output\.[A-Za-z0-9_.]+|error\.code|status|header\.[a-z0-9-]+)$/, 'output.<path>, error.code, status or header.<name>')
      .describe(
        "Where the real answer is read from this action's response: output.<path> (e.g. output.ETag), error.code, status (the HTTP status) or header.<name> (e.g. header.x-amz-bucket-region).",
      ),
  })
  .strict();
export type Ask = z.infer<typeof AskSchema>;

/** Who a role's trust policy must let assume it (sts:AssumeRole), judged by evaluating the policy. */
export const ExpectTrustSchema = z
  .object({
    principal: z
      .object({
        Service: z.string().min(1).optional(),
        AWS: z.string().min(1).optional(),
      })
      .strict()
      .describe('The principal that must be able to assume the role, e.g. { Service: s3.amazonaws.com }.'),
    context: z
      .record(z.string(), z.string())
      .optional()
      .describe("Condition keys the service sends when it assumes the role, e.g. aws:SourceAccount; conditions on them must hold."),
  })
  .strict();

/** What a bucket's lifecycle configuration must do to some keys, judged by its meaning (lifecycle-meaning.ts). */
export const ExpectLifecycleSchema = z
  .object({
    action: z
      .enum(["AbortIncompleteMultipartUpload", "NoncurrentVersionExpiration"])
      .describe("The lifecycle action an Enabled rule must take."),
    days: z
      .number()
      .int()
      .positive()
      .describe("Its DaysAfterInitiation (AbortIncompleteMultipartUpload) or NoncurrentDays (NoncurrentVersionExpiration), as it takes effect."),
    newerNoncurrentVersions: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("NoncurrentVersionExpiration only: how many newer noncurrent versions it keeps; without it the rule must keep none."),
    appliesTo: z
      .array(z.string().min(1))
      .min(1)
      .describe("Object keys the action must apply to, whatever the rule's form (whole bucket, a prefix, Lifecycle V1 or V2)."),
    notTo: z.array(z.string().min(1)).optional().describe("Object keys the action must leave alone."),
  })
  .strict();
/** Requests a bucket policy must allow or refuse, judged by evaluating the policy (its meaning, not its text). */
export const ExpectAccessSchema = z
  .array(
    z
      .object({
        who: z.string().min(1).describe('Who asks, in words for the checklist, e.g. "an account in the Organization".'),
        principal: z
          .object({ AWS: z.string().min(1).optional() })
          .strict()
          .describe("The requester: { AWS: <12-digit account or ARN> }, or {} for an anonymous request."),
        action: z.string().min(1).describe("The S3 action asked for, e.g. s3:GetObject."),
        resource: z.string().min(1).describe("The ARN it is asked on, e.g. arn:aws:s3:::{{prefix}}-data/reports/q1.csv."),
        context: z
          .record(z.string(), z.string())
          .optional()
          .describe("Condition keys the request carries, e.g. aws:PrincipalOrgID; aws:PrincipalAccount and aws:PrincipalArn follow from the principal."),
        allowed: z.boolean().describe("Whether the bucket policy must allow it (true) or must not (false)."),
      })
      .strict(),
  )
  .min(1);

export const ActionSchema = z
  .object({
    call: z
      .string()
      .describe('service:Operation, for S3, IAM or STS only, e.g. "s3:CreateBucket" or "iam:CreateRole".'),
    input: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("The operation's input as the SDK takes it; strings may use {{variables}}."),
    as: z.string().optional().describe('Whose credentials make the call: "default" (the learner) or "other" (a second account).'),
    region: z.string().optional().describe("The region the call is signed for, if not the lesson's region, e.g. {{otherRegion}}."),
    label: z.string().optional().describe("What this action shows, in words, for the checklist."),
    emptyFirst: z
      .boolean()
      .optional()
      .describe(
        "Cleanup, as s3-tutor cleanup does: s3:DeleteBucket first deletes every object version, delete marker and the replication configuration; iam:DeleteRole first deletes every inline policy and detaches managed ones, whatever their names.",
      ),
    followRegionRedirects: z
      .boolean()
      .optional()
      .describe("The S3 client follows a 301 to the bucket's region, as the SDK does with followRegionRedirects: true."),
    expect: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("A partial match on the output: every field given must be there with this value; a list matches when it holds the elements given, and `{ $only: [...] }` when it holds them and nothing more."),
    expectError: ExpectErrorSchema.optional().describe("The call must fail with this error."),
    expectDecision: z
      .enum(["allowed", "denied"])
      .optional()
      .describe(
        "iam:SimulatePrincipalPolicy only: every action on every resource simulated must be allowed (or denied: explicitDeny or implicitDeny), each told in words.",
      ),
    expectTrust: ExpectTrustSchema.optional().describe(
      "iam:GetRole only: the role's trust policy lets this principal sts:AssumeRole (a Deny, a wrong principal or a failing condition fails, with the reason).",
    ),
    expectLifecycle: ExpectLifecycleSchema.optional().describe(
      "s3:GetBucketLifecycleConfiguration only: an Enabled rule takes this action on these keys (by prefix, without tag or size conditions), with these days; any rule layout that means it passes.",
    ),
    expectAccess: ExpectAccessSchema.optional().describe(
      "s3:GetBucketPolicy only: the policy allows (or does not allow) each request listed, judged by evaluating it, so any wording with the same meaning passes.",
    ),
    ask: AskSchema.optional().describe(
      "check only: the learner types what they observed; it must equal what this call really answers (case, spaces and quotes aside).",
    ),
    needs: z
      .array(CapabilitySchema)
      .optional()
      .describe("Capabilities this action needs; on a target without them it is reported as not checked there, neither passed nor failed."),
    tolerate: z
      .array(z.string().min(1))
      .optional()
      .describe("Error codes that count as success, so setup can run twice (e.g. BucketAlreadyOwnedByYou)."),
    save: z
      .record(z.string(), z.string())
      .optional()
      .describe("Values to remember for later actions: {name: path in the output}, e.g. {firstVersion: VersionId}."),
    eventually: z
      .object({
        within: DurationSchema.describe("How long to keep trying."),
        every: DurationSchema.optional().describe("The longest wait between tries (default 1s); the first retry comes after 250 ms and the waits double up to this."),
        retryWhile: z
          .record(z.string(), z.unknown())
          .optional()
          .describe(
            "Keep trying only while the output matches this (e.g. { ReplicationStatus: PENDING }); any other answer that fails the expectations is final and ends the wait.",
          ),
        retryOn: z
          .array(z.string().min(1))
          .optional()
          .describe(
            "Error codes worth waiting out (e.g. NoSuchLifecycleConfiguration just after a Put on AWS). Other errors end the wait at once, except throttling and 5xx.",
          ),
        consistency: z
          .boolean()
          .optional()
          .describe(
            "The wait only covers AWS's eventual consistency (the bucket list, bucket configuration): targets that are immediately consistent try once.",
          ),
      })
      .strict()
      .optional()
      .describe("Retry until the expectations hold, for effects that take time (replication)."),
  })
  .strict();
export type Action = z.infer<typeof ActionSchema>;

/** What a step does instead on a real AWS account, where there is no second account at hand. */
export const RealAccountVariantSchema = z
  .object({
    goal: z.string().min(1).optional(),
    hint: z.string().optional(),
    needs: z.array(CapabilitySchema).optional(),
    setup: z.array(ActionSchema).optional(),
    solve: z.array(ActionSchema).min(1),
    check: z.array(ActionSchema).optional(),
    cleanup: z.array(ActionSchema).optional(),
    explain: z.string().optional(),
  })
  .strict();

export const HandsOnSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens")
      .optional()
      .describe("Names the step on the command line: s3-tutor check <lesson> <id> (the step's number among the hands-on steps works too)."),
    title: z.string().min(1),
    goal: z.string().min(1).describe("What the learner should make true, in a sentence or two."),
    hint: z.string().optional(),
    needs: z.array(CapabilitySchema).optional().describe("Capabilities the target must have; otherwise the step is shown as not on this target."),
    otherwise: z
      .string()
      .optional()
      .describe("What real AWS would show, told when the target lacks what the step needs."),
    as: z.string().optional().describe("The identity every action of the step uses unless it names its own."),
    setup: z.array(ActionSchema).optional().describe("Prerequisites, run before the learner starts; must be safe to run twice."),
    solve: z.array(ActionSchema).min(1).describe('What "do it for me" runs, also shown as code.'),
    check: z
      .array(ActionSchema)
      .optional()
      .describe("What check verifies, whoever did the work. Without it, check runs solve and its expectations."),
    cleanup: z.array(ActionSchema).optional().describe("Removes what the step made, when the lesson is left or reset."),
    explain: z.string().optional().describe("Shown once the step passes: why it turned out this way."),
    show: z
      .enum(["world"])
      .optional()
      .describe("Opens a panel beside the step when it is entered: world, the live map of Regions, buckets and replication (w shows and hides it on any step)."),
    onRealAccount: RealAccountVariantSchema.optional().describe(
      "What the step does instead on the aws target, e.g. try a name that is surely taken instead of acting as a second account.",
    ),
  })
  .strict();
export type HandsOn = z.infer<typeof HandsOnSchema>;

export const ReadStepSchema = z
  .object({
    read: z.string().min(1).describe("Markdown to read."),
    reveal: z
      .string()
      .min(1)
      .optional()
      .describe("Markdown kept hidden until the learner asks for it (n), e.g. a model answer to think through first."),
  })
  .strict();
export const QuizStepSchema = z.object({ quiz: z.string().min(1).describe("The id of a question in quizzes/.") }).strict();
export const HandsOnStepSchema = z.object({ handsOn: HandsOnSchema }).strict();
export type ReadStep = z.infer<typeof ReadStepSchema>;
export type QuizStep = z.infer<typeof QuizStepSchema>;
export type HandsOnStep = z.infer<typeof HandsOnStepSchema>;

export const StepSchema = z.union([ReadStepSchema, QuizStepSchema, HandsOnStepSchema]);
export type Step = z.infer<typeof StepSchema>;

export const LessonSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens"),
    title: z.string().min(1),
    summary: z.string().min(1),
    minutes: z.number().int().min(1).max(60).describe("About how long the lesson takes."),
    requires: z.array(z.string()).optional().describe("Ids of lessons to take first."),
    steps: z.array(StepSchema).min(1),
    recap: z.string().optional().describe("Markdown shown when the lesson is done."),
  })
  .strict();
export type Lesson = z.infer<typeof LessonSchema>;
