import { child, malformedXml, parseXml, text } from "../http/xml";
import { openBucket } from "./access";
import type { S3Handler } from "./call";
import { paidByRequester, REQUEST_PAYMENT } from "./request-payer";
import { emptyResponse, xmlResponse } from "./respond";

/** PutBucketRequestPayment and GetBucketRequestPayment; what the setting does is request-payer.ts's. */

const putBucketRequestPayment: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketRequestPayment");
  const payer = text(child(parseXml(call.request.body, "RequestPaymentConfiguration"), "Payer"));
  if (payer !== "Requester" && payer !== "BucketOwner") throw malformedXml();
  if (payer === "Requester") bucket.configurations.set(REQUEST_PAYMENT, payer);
  else bucket.configurations.delete(REQUEST_PAYMENT);
  return emptyResponse(200);
};

const getBucketRequestPayment: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetBucketRequestPayment");
  return xmlResponse("RequestPaymentConfiguration", { Payer: paidByRequester(bucket) ? "Requester" : "BucketOwner" });
};

export const requestPaymentHandlers: Record<string, S3Handler> = {
  PutBucketRequestPayment: putBucketRequestPayment,
  GetBucketRequestPayment: getBucketRequestPayment,
};
