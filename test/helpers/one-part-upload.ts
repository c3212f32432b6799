import { CreateMultipartUploadCommand, UploadPartCommand, type CompleteMultipartUploadCommandInput, type S3Client } from "@aws-sdk/client-s3";

/**
 * A multipart upload of `body` as its only part, left open: the CompleteMultipartUpload input
 * that would finish it, to send as it is or with conditions (IfNoneMatch, IfMatch).
 */
export const openOnePartUpload = async (s3: S3Client, bucket: string, key: string, body: string): Promise<CompleteMultipartUploadCommandInput & { UploadId: string }> => {
  const { UploadId = "" } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  const part = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: 1, Body: body }));
  return { Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } };
};
