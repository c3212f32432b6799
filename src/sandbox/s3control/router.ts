import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";

/**
 * S3 Control requests: REST paths under /v20180820/ with the account in x-amz-account-id (the
 * SDK also puts it in the host name, `<account>.s3-control.<region>.amazonaws.com`). They are
 * signed for the service "s3" like any S3 request, so the path is what tells them apart.
 */
export const S3_CONTROL_PREFIX = "/v20180820/";

export interface S3ControlRoute {
  operation: string;
  /** The MRAP name (Get), its ARN (routes) or the request token (Describe), decoded. */
  target?: string;
}

export const isS3ControlRequest = (request: Pick<SandboxRequest, "path" | "headers">): boolean =>
  request.path.startsWith(S3_CONTROL_PREFIX) && request.headers["x-amz-account-id"] !== undefined;

const notImplemented = (method: string, path: string) =>
  new ServiceError(
    "NotImplemented",
    501,
    `The sandbox's S3 Control serves only Multi-Region Access Points; ${method} ${path} is not one of their operations.`,
  );

export const routeS3Control = (request: SandboxRequest): S3ControlRoute => {
  const { method } = request;
  const rest = request.path.slice(S3_CONTROL_PREFIX.length);
  if (rest === "async-requests/mrap/create" && method === "POST") return { operation: "CreateMultiRegionAccessPoint" };
  if (rest === "async-requests/mrap/delete" && method === "POST") return { operation: "DeleteMultiRegionAccessPoint" };
  if (rest.startsWith("async-requests/mrap/") && method === "GET") {
    return { operation: "DescribeMultiRegionAccessPointOperation", target: rest.slice("async-requests/mrap/".length) };
  }
  if (rest === "mrap/instances" && method === "GET") return { operation: "ListMultiRegionAccessPoints" };
  if (rest.startsWith("mrap/instances/")) {
    const named = rest.slice("mrap/instances/".length);
    if (named.endsWith("/routes")) {
      const target = named.slice(0, -"/routes".length);
      if (method === "GET") return { operation: "GetMultiRegionAccessPointRoutes", target };
      if (method === "PATCH") return { operation: "SubmitMultiRegionAccessPointRoutes", target };
    } else if (method === "GET" && !named.includes("/")) {
      return { operation: "GetMultiRegionAccessPoint", target: named };
    }
  }
  throw notImplemented(method, request.path);
};

/** The account the request names; S3 Control requires it and it must be the caller's own here. */
export const requestAccount = (request: SandboxRequest, callerAccount: string): string => {
  const account = header(request, "x-amz-account-id") ?? "";
  if (!/^\d{12}$/.test(account)) {
    throw new ServiceError("InvalidRequest", 400, `x-amz-account-id must be a 12-digit AWS account ID, not "${account}".`);
  }
  if (account !== callerAccount) {
    // Without a policy that lets it in, one account cannot manage another's access points.
    throw new ServiceError("AccessDenied", 403, "Access Denied");
  }
  return account;
};
