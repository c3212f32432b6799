import { z } from "zod";

/**
 * The lesson format (lessons/*.yaml). A lesson is a list of steps: prose to read, a quiz
 * question woven in, or a hands-on task whose actions call the real AWS SDK against a target.
 */

/** What a target can do that not every target can (DESIGN.md, "Targets and safety"). */
export const CAPABILITIES = ["secondAccount", "replication", "regionRedirect", "reservedNames", "lifecycleRules", "policySimulation"] as const;
export const CapabilitySchema = z.enum(CAPABILITIES).describe("A capability of the target this step needs.");
export type Capability = z.infer<typeof CapabilitySchema>;

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
        "s3:DeleteBucket only, for cleanup: first delete every object version, delete marker and the replication configuration, as s3-tutor cleanup does.",
      ),
    followRegionRedirects: z
      .boolean()
      .optional()
      .describe("The S3 client follows a 301 to the bucket's region, as the SDK does with followRegionRedirects: true."),
    expect: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("A partial match on the output: every field given must be there with this value."),
    expectError: ExpectErrorSchema.optional().describe("The call must fail with this error."),
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
    onRealAccount: RealAccountVariantSchema.optional().describe(
      "What the step does instead on the aws target, e.g. try a name that is surely taken instead of acting as a second account.",
    ),
  })
  .strict();
export type HandsOn = z.infer<typeof HandsOnSchema>;

export const ReadStepSchema = z.object({ read: z.string().min(1).describe("Markdown to read.") }).strict();
export const QuizStepSchema = z.object({ quiz: z.string().min(1).describe("The id of a question in quizzes/.") }).strict();
export const HandsOnStepSchema = z.object({ handsOn: HandsOnSchema }).strict();

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

export const isReadStep = (step: Step): step is z.infer<typeof ReadStepSchema> => "read" in step;
export const isQuizStep = (step: Step): step is z.infer<typeof QuizStepSchema> => "quiz" in step;
export const isHandsOnStep = (step: Step): step is z.infer<typeof HandsOnStepSchema> => "handsOn" in step;
