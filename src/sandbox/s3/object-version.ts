import { queryValue, type SandboxRequest } from "../http/exchange";
import { NULL_VERSION } from "../world/versions";
import { invalidArgument } from "./errors";

const VERSION_ID = /^[A-Za-z0-9._]{32}$/;

/** The versionId query parameter, checked for shape as S3 does. */
export const requestedVersion = (request: SandboxRequest): string | undefined => {
  const versionId = queryValue(request, "versionId");
  if (versionId === undefined) return undefined;
  if (versionId !== NULL_VERSION && !VERSION_ID.test(versionId)) {
    throw invalidArgument("Invalid version id specified", "versionId", versionId);
  }
  return versionId;
};
