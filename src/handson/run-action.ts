import type { Action } from "../content/schema/lesson";
import { emptyBucket } from "../targets/bucket-removal";
import { removeRolePolicies } from "../targets/role-removal";
import { unlessAbsent } from "../targets/sdk-faults";
import { DEFAULT_IDENTITY, TargetError, type PlannedCall, type Target } from "../targets/target";
import type { Answers } from "./answers";
import { parseCall, type CallName } from "./call-name";
import { sendCall, type CallResponse } from "./dispatch";
import { checkResponse } from "./expect";
import { actionNotChecked } from "./needs";
import { callUntilItPasses } from "./poll";
import type { ActionResult, CheckItem, Phase, PollProgress } from "./results";
import { sdkInput } from "./sdk-input";
import { tellingHeaders } from "./telling-headers";
import { renderAction, type Variables } from "./template";
import { toleratedError } from "./tolerated-errors";
import { valueAtPath } from "./values";

/** What every action of a run shares. */
export interface RunContext {
  target: Target;
  /** Template variables (see variables.ts); values saved with `save:` are added to it in place. */
  variables: Variables;
  /** The step's identity (`as:` on the step); an action's own `as:` wins. */
  identity?: string;
  /** Called after each attempt of an `eventually` action. */
  onProgress?: (progress: PollProgress) => void;
  /** Stops polling early, e.g. when the learner leaves the step. */
  signal?: AbortSignal;
  /** What the learner typed for the check's `ask:` actions, or "reveal" to fill in the real answers. */
  answers?: Answers;
}

const elapsedSince = (start: number) => Date.now() - start;

/** The call name, or the raw text when it does not parse (validation reports that). */
const callNameOf = (action: Action): CallName | { service: string; operation: string } => {
  try {
    return parseCall(action.call);
  } catch {
    return { service: "", operation: action.call };
  }
};

/** The call an action (after templating) makes, as the target's guard sees it. */
export const plannedCallOf = (rendered: Action, context: RunContext): PlannedCall => {
  const { service, operation } = parseCall(rendered.call);
  return {
    service,
    operation,
    input: sdkInput(rendered.input),
    identity: rendered.as ?? context.identity ?? DEFAULT_IDENTITY,
    region: rendered.region ?? context.target.region,
    expectsError: rendered.expectError !== undefined,
    ...(rendered.followRegionRedirects ? { followRegionRedirects: true } : {}),
  };
};

/** A failure before or around the call (bad template, unknown operation, guard refusal, endpoint down). */
const localFailure = (error: unknown): { code: string; message: string } => {
  if (error instanceof TargetError) return { code: error.name, message: `${error.message} (${error.fix})` };
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return { code: typeof code === "string" ? code : error.name, message: error.message };
  }
  return { code: "Error", message: String(error) };
};

const checklist = (phase: Phase, action: Action, operation: string, response: CallResponse, answers: Answers | undefined): CheckItem[] => {
  const tolerated = response.ok ? undefined : toleratedError(phase, action, operation, response.error);
  return tolerated ? [tolerated] : checkResponse(action, operation, response, answers);
};

/** The sandbox and LocalStack apply every write at once; only AWS lists and configures eventually. */
const immediatelyConsistent = (target: Target): boolean => target.name !== "aws";

/** Saves `save:` paths of the output; a path that is not there is a failed item. */
const saveValues = (action: Action, output: Record<string, unknown>) => {
  const saved: Record<string, unknown> = {};
  const items: CheckItem[] = [];
  for (const [name, path] of Object.entries(action.save ?? {})) {
    const value = valueAtPath(output, path);
    if (value === undefined) items.push({ label: `saves ${path} as ${name}`, pass: false, reason: `${path} is not in the output` });
    else saved[name] = value;
  }
  return { saved, items };
};

/**
 * A cleanup's emptyFirst: before DeleteBucket, the bucket's versions, delete markers and
 * replication configuration go (a versioned bucket's version ids are not known to the lesson);
 * before DeleteRole, every inline policy, whatever the learner named it, and every managed one
 * attached. The guard sees the delete before anything is removed.
 */
const emptyBeforeDelete = async (call: PlannedCall, context: RunContext): Promise<void> => {
  const bucket = call.input.Bucket;
  const role = call.input.RoleName;
  if (call.service === "s3" && call.operation === "DeleteBucket" && typeof bucket === "string") {
    await context.target.beforeCall(call);
    const s3 = await context.target.client("s3", call.identity, call.region, call.followRegionRedirects ? { followRegionRedirects: true } : {});
    await emptyBucket(s3, bucket, await context.target.account(call.identity));
    return;
  }
  if (call.service === "iam" && call.operation === "DeleteRole" && typeof role === "string") {
    await context.target.beforeCall(call);
    const iam = await context.target.client("iam", call.identity, call.region);
    await unlessAbsent(() => removeRolePolicies(iam, role)); // a role already gone is DeleteRole's to say

    return;
  }
  throw new Error("emptyFirst works only on s3:DeleteBucket and iam:DeleteRole");
};

/**
 * Cleanup removes the lesson's buckets wherever the learner made them: a bucket made in another
 * region than the step asked (a common mistake) answers 301 there, so cleanup's S3 calls follow
 * the redirect to the bucket's region instead of leaving it behind.
 */
const followedInCleanup = (call: PlannedCall, phase: Phase): PlannedCall =>
  phase === "cleanup" && call.service === "s3" ? { ...call, followRegionRedirects: true } : call;

/** The result of an action this target cannot check: it neither passes nor fails the step. */
const notCheckedResult = (rendered: Action, context: RunContext, reason: string): ActionResult => ({
  ...unanswered(rendered, context),
  items: [{ label: rendered.label ?? callNameOf(rendered).operation, pass: true, reason: "" }],
  pass: true,
  notChecked: reason,
});

/** What every result of an action the service never answered shares: who it would have been, and where. */
const unanswered = (action: Action, context: RunContext) => {
  const name = callNameOf(action);
  return {
    action,
    service: name.service,
    operation: name.operation,
    identity: action.as ?? context.identity ?? DEFAULT_IDENTITY,
    region: action.region ?? context.target.region,
    headers: {},
    attempts: 0,
    durationMs: 0,
  };
};

/** Runs one action: templates it, calls (polling with `eventually`), checks and saves. */
export const runAction = async (action: Action, phase: Phase, context: RunContext): Promise<ActionResult> => {
  const start = Date.now();
  let rendered = action;
  let attempts = 0;
  try {
    rendered = renderAction(action, context.variables);
    const notChecked = actionNotChecked(rendered, context.target);
    if (notChecked) return notCheckedResult(rendered, context, notChecked);
    const call = followedInCleanup(plannedCallOf(rendered, context), phase);
    if (rendered.emptyFirst) await emptyBeforeDelete(call, context);
    const polled = await callUntilItPasses(
      rendered,
      async () => {
        attempts += 1;
        const response = await sendCall(context.target, call);
        return { response, items: checklist(phase, rendered, call.operation, response, context.answers) };
      },
      {
        ...context,
        immediatelyConsistent: immediatelyConsistent(context.target),
        ...(context.target.pollEveryMs !== undefined ? { pollEveryMs: context.target.pollEveryMs } : {}),
      },
    );
    const { response } = polled;
    let { items } = polled;
    let saved: Record<string, unknown> | undefined;
    if (response.ok && rendered.save && items.every((item) => item.pass)) {
      const saving = saveValues(rendered, response.output);
      items = [...items, ...saving.items];
      saved = saving.saved;
      Object.assign(context.variables, saved);
    }
    return {
      action: rendered,
      service: call.service,
      operation: call.operation,
      identity: call.identity,
      region: call.region,
      status: response.status,
      headers: tellingHeaders(response.headers),
      ...(response.ok ? { output: response.output } : { error: response.error }),
      items,
      pass: items.every((item) => item.pass),
      attempts,
      durationMs: elapsedSince(start),
      ...(saved ? { saved } : {}),
    };
  } catch (thrown) {
    return { ...failedBeforeAnswer(rendered, context, thrown), attempts, durationMs: elapsedSince(start) };
  }
};

/**
 * The result of an action that got no answer from the service: a bad template, an unknown
 * operation, a refusal or declined confirmation, an unreachable endpoint.
 */
export const failedBeforeAnswer = (action: Action, context: RunContext, thrown: unknown): ActionResult => {
  const error = localFailure(thrown);
  return {
    ...unanswered(action, context),
    error,
    items: [{ label: `${callNameOf(action).operation} succeeds`, pass: false, reason: error.message }],
    pass: false,
  };
};

/** The result for an action left out because an earlier one failed. */
export const notRunResult = (action: Action, context: RunContext): ActionResult => ({
  // It may use a value the failed action would have saved: that placeholder stays as written.
  ...unanswered(renderAction(action, context.variables, "keep"), context),
  items: [],
  pass: false,
  notRun: true,
});
