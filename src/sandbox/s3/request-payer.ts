import { header, queryValue, type SandboxRequest, type SandboxResponse } from "../http/exchange";
import type { Bucket } from "../world/bucket";
import type { S3Call } from "./call";
import { accessDenied } from "./errors";

/**
 * Requester Pays: on such a bucket the requester, not the owner, pays for requests and data
 * transferred out, so another account's request must acknowledge it with
 * `x-amz-request-payer: requester` or S3 refuses it with 403 AccessDenied; the owner needs no
 * header. A request that is charged to its requester is answered with
 * `x-amz-request-charged: requester`. (The sandbox has no anonymous requests; AWS refuses them
 * on a Requester Pays bucket.) Source: userguide/RequesterPaysBuckets.html, ObjectsinRequesterPaysBuckets.html
 */

/** Where PutBucketRequestPayment keeps the payer, among the bucket's configurations. */
export const REQUEST_PAYMENT = "requestPayment";

export const paidByRequester = (bucket: Bucket): boolean => bucket.configurations.get(REQUEST_PAYMENT) === "Requester";

/** The requester's acceptance: the header, or in a presigned URL the query parameter of the same name. */
const acceptsCharge = (request: SandboxRequest): boolean =>
  (header(request, "x-amz-request-payer") ?? queryValue(request, "x-amz-request-payer"))?.toLowerCase() === "requester";

/** Whether the caller, not the owner, is charged for this request: another account that said it would pay. */
const chargedToRequester = (call: Pick<S3Call, "request" | "caller">, bucket: Bucket): boolean =>
  paidByRequester(bucket) && call.caller.account !== bucket.owner && acceptsCharge(call.request);

/** The check authorisation makes first: another account's request must accept the charge. */
export const checkRequestPayer = (call: Pick<S3Call, "request" | "caller">, bucket: Bucket, errorHeaders?: Record<string, string>): void => {
  if (!paidByRequester(bucket) || call.caller.account === bucket.owner) return;
  if (!chargedToRequester(call, bucket)) throw accessDenied("Access Denied", errorHeaders);
};

/** The response as S3 sends it when the requester was charged. */
export const withRequestCharged = (call: Pick<S3Call, "request" | "caller">, bucket: Bucket | undefined, response: SandboxResponse): SandboxResponse =>
  bucket && chargedToRequester(call, bucket) ? { ...response, headers: { ...response.headers, "x-amz-request-charged": "requester" } } : response;

