import type { Caller } from "../auth/identity";
import type { SandboxRequest, SandboxResponse } from "../http/exchange";
import type { World } from "../world/world";
import { bucketPolicyHandlers } from "./bucket-policy";
import { bucketSettingHandlers } from "./bucket-settings";
import { bucketHandlers } from "./buckets";
import { copyObjectHandlers } from "./copy-object";
import { deleteObjectsHandlers } from "./delete-objects";
import type { S3Handler } from "./call";
import { verifyDigests } from "./checksums";
import { notImplemented } from "./errors";
import { lifecycleHandlers } from "./lifecycle";
import { listingHandlers } from "./listing";
import { objectHandlers } from "./objects";
import type { S3Route } from "./router";

/** Every S3 operation the sandbox implements, by API name. */
const handlers: Record<string, S3Handler> = {
  ...bucketHandlers,
  ...bucketSettingHandlers,
  ...bucketPolicyHandlers,
  ...lifecycleHandlers,
  ...objectHandlers,
  ...copyObjectHandlers,
  ...deleteObjectsHandlers,
  ...listingHandlers,
};

export const implementedS3Operations = (): string[] => Object.keys(handlers).sort();

export const handleS3 = async (
  world: World,
  request: SandboxRequest,
  caller: Caller,
  route: S3Route,
): Promise<SandboxResponse> => {
  const handler = handlers[route.operation];
  if (!handler) throw notImplemented(route.operation);
  // S3 checks every body against the digests sent with it, whatever the operation.
  const checksums = verifyDigests(request, request.body);
  return handler({
    world,
    request,
    caller,
    operation: route.operation,
    bucket: route.bucket ?? "",
    key: route.key ?? "",
    checksums,
  });
};
