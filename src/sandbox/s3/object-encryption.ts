import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import { invalidArgument } from "./errors";

/**
 * The encryption an upload asks for (PutObject, CopyObject, CreateMultipartUpload). Every object
 * in the sandbox is SSE-S3, as on AWS when nothing else is asked for; asking for AES256 is the
 * same thing. SSE-KMS, DSSE-KMS and SSE-C need keys the sandbox does not have, so they are refused
 * in words instead of being answered AES256 as if they had been applied.
 */
export const checkRequestedEncryption = (request: SandboxRequest): void => {
  const algorithm = header(request, "x-amz-server-side-encryption");
  if (algorithm !== undefined && algorithm !== "AES256") {
    if (algorithm === "aws:kms" || algorithm === "aws:kms:dsse") {
      throw new ServiceError(
        "NotImplemented",
        501,
        `The sandbox has no AWS KMS, so it cannot encrypt with ${algorithm}. Leave ServerSideEncryption out (S3 then uses SSE-S3) or use a real AWS account.`,
      );
    }
    throw invalidArgument("The encryption method specified is not supported", "x-amz-server-side-encryption", algorithm);
  }
  if (header(request, "x-amz-server-side-encryption-customer-algorithm") !== undefined) {
    throw new ServiceError(
      "NotImplemented",
      501,
      "The sandbox does not implement SSE-C (customer-provided keys). Leave the SSECustomer* parameters out or use a real AWS account.",
    );
  }
};
