import type { Caller } from "../auth/identity";
import { ServiceError } from "../errors";
import { header, type SandboxRequest, type SandboxResponse } from "../http/exchange";
import { xmlDocument, type XmlContent } from "../http/xml";
import type { World } from "../world/world";

/**
 * The AWS Query protocol that IAM and STS speak: a form-encoded POST naming Action and
 * Version, answered by <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata/>.
 */

export interface QueryCall {
  world: World;
  request: SandboxRequest;
  caller: Caller;
  action: string;
  params: QueryParams;
}

/** Returns the content of <ActionResult>, or undefined for actions whose response has none. */
export type QueryHandler = (call: QueryCall) => XmlContent | undefined;

export interface QueryService {
  /** The signing name in the credential scope. */
  name: string;
  version: string;
  xmlns: string;
  actions: Record<string, QueryHandler>;
}

/** Form parameters, with helpers for the protocol's flattened lists (`Tags.member.1.Key`). */
export class QueryParams {
  constructor(private readonly values: Map<string, string>) {}

  static fromBody(body: Buffer, query: ReadonlyArray<readonly [string, string]>): QueryParams {
    const values = new Map<string, string>(query.map(([name, value]) => [name, value]));
    for (const [name, value] of new URLSearchParams(body.toString("utf8"))) values.set(name, value);
    return new QueryParams(values);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** A required parameter; missing, it is the ValidationError AWS sends. */
  require(name: string, shapePath = name): string {
    const value = this.values.get(name);
    if (value === undefined) {
      throw new ServiceError(
        "ValidationError",
        400,
        `1 validation error detected: Value null at '${lowerFirst(shapePath)}' failed to satisfy constraint: Member must not be null`,
      );
    }
    return value;
  }

  /** `Name.member.N` (N from 1) as a list. */
  list(name: string): string[] {
    return this.memberIndexes(name).map((n) => this.values.get(`${name}.member.${n}`) ?? "");
  }

  /** `Name.member.N.Field` as a list of records. */
  structList(name: string, fields: readonly string[]): Array<Record<string, string | undefined>> {
    return this.memberIndexes(name).map((n) =>
      Object.fromEntries(fields.map((field) => [field, this.values.get(`${name}.member.${n}.${field}`)])),
    );
  }

  /** The N of every `Name.member.N...` sent, ascending: for members that hold lists of their own. */
  memberIndexes(name: string): number[] {
    const prefix = `${name}.member.`;
    const indexes = new Set<number>();
    for (const name of this.values.keys()) {
      if (!name.startsWith(prefix)) continue;
      const n = Number.parseInt(name.slice(prefix.length), 10);
      if (Number.isInteger(n) && n > 0) indexes.add(n);
    }
    return [...indexes].sort((a, b) => a - b);
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Reads Action and Version; used both for routing and for the request log. */
export const queryAction = (request: SandboxRequest): { action?: string; version?: string } => {
  const params = QueryParams.fromBody(isForm(request) ? request.body : Buffer.alloc(0), request.query);
  return { action: params.get("Action"), version: params.get("Version") };
};

export const isForm = (request: SandboxRequest): boolean =>
  (header(request, "content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");

export const handleQuery = (service: QueryService, world: World, request: SandboxRequest, caller: Caller): SandboxResponse => {
  const params = QueryParams.fromBody(isForm(request) ? request.body : Buffer.alloc(0), request.query);
  const action = params.get("Action");
  if (!action) {
    throw new ServiceError("MissingAction", 400, "Missing Action");
  }
  const version = params.get("Version");
  if (version !== service.version) {
    throw new ServiceError(
      "InvalidAction",
      400,
      `Could not find operation ${action} for version ${version ?? "NO_VERSION_SPECIFIED"}`,
    );
  }
  const handler = service.actions[action];
  if (!handler) {
    throw new ServiceError(
      "NotImplemented",
      501,
      `The sandbox does not implement ${service.name.toUpperCase()} ${action}. Use LocalStack or a real AWS account for it.`,
    );
  }
  const result = handler({ world, request, caller, action, params });
  const content: Record<string, XmlContent> = {};
  if (result !== undefined) content[`${action}Result`] = result;
  content.ResponseMetadata = { RequestId: request.requestId };
  return {
    status: 200,
    headers: { "content-type": "text/xml" },
    body: xmlDocument(`${action}Response`, content, { xmlns: service.xmlns }),
  };
};

/** <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse> */
export const queryErrorResponse = (xmlns: string, error: ServiceError, requestId: string): SandboxResponse => ({
  status: error.status,
  headers: { "content-type": "text/xml", ...error.headers },
  body: xmlDocument(
    "ErrorResponse",
    {
      Error: { Type: error.status >= 500 ? "Receiver" : "Sender", Code: error.code, Message: error.message },
      RequestId: requestId,
    },
    { xmlns },
  ),
});
