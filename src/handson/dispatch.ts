import type { DeserializeHandlerOutput, MiddlewareStack } from "@smithy/types";
import type { PlannedCall, ServiceName, Target } from "../targets/target";
import type { CallError } from "./results";
import { parseCall } from "./call-name";
import { readOutput } from "./read-output";
import { isRecord } from "./values";

/**
 * Sends `service:Operation` as the SDK's `<Operation>Command`, loading the service's SDK
 * package only on first use (start-up must not pay for it), and keeps what the service
 * answered: status, raw headers, and the output or the error.
 */

export type CallResponse =
  | { ok: true; status?: number; headers: Record<string, string>; output: Record<string, unknown> }
  | { ok: false; status?: number; headers: Record<string, string>; error: CallError };

type SdkModule = Record<string, unknown>;
interface SdkCommand {
  middlewareStack: MiddlewareStack<object, object>;
}
type CommandClass = new (input: Record<string, unknown>) => SdkCommand;

const SDK_MODULES: Record<ServiceName, () => Promise<SdkModule>> = {
  s3: () => import("@aws-sdk/client-s3"),
  iam: () => import("@aws-sdk/client-iam"),
  sts: () => import("@aws-sdk/client-sts"),
  s3control: () => import("@aws-sdk/client-s3-control"),
};

const commandClass = (module: SdkModule, operation: string): CommandClass | undefined => {
  const candidate = module[`${operation}Command`];
  return typeof candidate === "function" ? (candidate as CommandClass) : undefined;
};

/** The SDK's command class for "s3:CreateBucket"; throws when the SDK has no such operation. */
export const loadCommand = async (call: string): Promise<CommandClass> => {
  const { service, operation } = parseCall(call);
  const command = commandClass(await SDK_MODULES[service](), operation);
  if (!command) throw new Error(`the ${service} SDK has no operation ${operation} (no ${operation}Command in its package)`);
  return command;
};

/** Whether the SDK has the operation a `call` names (for validation). */
export const hasOperation = async (call: string): Promise<boolean> => loadCommand(call).then(
  () => true,
  () => false,
);

/**
 * A synchronous "does the SDK have this operation?" for `validate` (content's OperationExists),
 * once the four SDK packages are loaded.
 */
export const loadOperationChecker = async (): Promise<(service: ServiceName, operation: string) => boolean> => {
  const [s3, iam, sts, s3control] = await Promise.all([SDK_MODULES.s3(), SDK_MODULES.iam(), SDK_MODULES.sts(), SDK_MODULES.s3control()]);
  const modules: Record<ServiceName, SdkModule> = { s3, iam, sts, s3control };
  return (service, operation) => /^[A-Z]/.test(operation) && commandClass(modules[service], operation) !== undefined;
};

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string>;
}

/**
 * Records the raw HTTP response of every attempt. It sits innermost (deserialize step, low
 * priority), below the deserializer, so it sees error responses too, before they are parsed.
 */
const captureResponses = (command: SdkCommand, seen: { response?: RawResponse }) => {
  command.middlewareStack.add(
    (next) => async (args) => {
      const result: DeserializeHandlerOutput<object> = await next(args);
      seen.response = result.response as RawResponse;
      return result;
    },
    { step: "deserialize", priority: "low", name: "s3TutorCaptureResponse" },
  );
};

interface ServiceFault {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: RawResponse;
}

/** A failure the service answered (it has an HTTP status), unlike a refused or unreachable call. */
const isServiceFault = (error: unknown): error is ServiceFault =>
  isRecord(error) && isRecord(error.$metadata) && typeof error.$metadata.httpStatusCode === "number";

/**
 * HEAD responses carry no body, so the SDK cannot read an error code and says "Unknown"
 * (except 404, which it names NotFound). Name them by status as S3 would in a body.
 */
const CODES_BY_STATUS: Record<number, [code: string, message: string]> = {
  301: ["PermanentRedirect", "Moved Permanently: the bucket is in another region (see x-amz-bucket-region)"],
  304: ["NotModified", "Not Modified"],
  400: ["BadRequest", "Bad Request"],
  403: ["Forbidden", "Forbidden"],
  404: ["NotFound", "Not Found"],
  412: ["PreconditionFailed", "Precondition Failed"],
};

const callError = (fault: ServiceFault, status: number | undefined): CallError => {
  const byStatus = status === undefined ? undefined : CODES_BY_STATUS[status];
  const named = fault.Code ?? fault.name;
  const code = (named === undefined || named === "Unknown" || named === "UnknownError") && byStatus ? byStatus[0] : (named ?? "Unknown");
  const message = (fault.message === undefined || fault.message === "UnknownError") && byStatus ? byStatus[1] : (fault.message ?? "");
  return { code, message, status };
};

/** Sends one call as the target's identity in the region, with the target's guard around it. */
export const sendCall = async (target: Target, call: PlannedCall): Promise<CallResponse> => {
  const Command = await loadCommand(`${call.service}:${call.operation}`);
  const client = await target.client(call.service, call.identity, call.region, {
    ...(call.followRegionRedirects ? { followRegionRedirects: true } : {}),
  });
  // A copy: the S3 client writes into its input (it fills CreateBucketConfiguration.LocationConstraint).
  const command = new Command(structuredClone(call.input));
  const seen: { response?: RawResponse } = {};
  captureResponses(command, seen);

  await target.beforeCall(call);
  let response: CallResponse;
  try {
    const output = await client.send(command);
    const status = seen.response?.statusCode ?? (isRecord(output) && isRecord(output.$metadata) ? (output.$metadata.httpStatusCode as number | undefined) : undefined);
    response = { ok: true, status, headers: seen.response?.headers ?? {}, output: await readOutput(output) };
  } catch (error) {
    if (!isServiceFault(error)) {
      await target.afterCall(call, { ok: false });
      throw error;
    }
    const status = error.$metadata?.httpStatusCode;
    response = { ok: false, status, headers: error.$response?.headers ?? seen.response?.headers ?? {}, error: callError(error, status) };
  }
  await target.afterCall(call, { ok: response.ok });
  return response;
};
