import { SignatureV4 } from "@smithy/signature-v4";
import { ServiceError } from "../errors";
import { STREAMING_SIGNED, STREAMING_SIGNED_TRAILER, type ChunkedPayload } from "../http/aws-chunked";
import { header, type SandboxRequest } from "../http/exchange";
import { SANDBOX_SECRET_ACCESS_KEY } from "./identity";
import { NodeSha256, sha256Hex } from "./node-sha256";
import { parseLongDate, readClaim, sameSignature } from "./sigv4";

const EMPTY_HASH = sha256Hex("");

const mismatch = () =>
  new ServiceError(
    "SignatureDoesNotMatch",
    403,
    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
  );

/**
 * Signed streaming uploads chain a signature through every chunk, seeded by the request's
 * own signature, and (with a trailer) one more over the trailing headers. Each is checked.
 */
export const verifyStreamingSignatures = async (request: SandboxRequest, payload: ChunkedPayload): Promise<void> => {
  const mode = header(request, "x-amz-content-sha256");
  if (mode !== STREAMING_SIGNED && mode !== STREAMING_SIGNED_TRAILER) return;
  const claim = readClaim(request);
  if (!claim || claim.presigned) throw mismatch();
  const { accessKeyId, shortDate, region, service } = claim.credential;
  const signer = new SignatureV4({
    service,
    region,
    credentials: { accessKeyId, secretAccessKey: SANDBOX_SECRET_ACCESS_KEY },
    sha256: NodeSha256,
  });
  const signingDate = parseLongDate(claim.longDate, service);
  const scope = `${shortDate}/${region}/${service}/aws4_request`;
  const sign = (parts: string[]) => signer.sign(parts.join("\n"), { signingDate, signingRegion: region, signingService: service });

  let previous = claim.signature;
  for (const chunk of payload.chunks) {
    if (!chunk.signature) throw mismatch();
    const expected = await sign(["AWS4-HMAC-SHA256-PAYLOAD", claim.longDate, scope, previous, EMPTY_HASH, sha256Hex(chunk.data)]);
    if (!sameSignature(expected, chunk.signature)) throw mismatch();
    previous = chunk.signature;
  }
  if (mode === STREAMING_SIGNED_TRAILER) {
    const expected = await sign(["AWS4-HMAC-SHA256-TRAILER", claim.longDate, scope, previous, sha256Hex(payload.trailerText)]);
    if (!payload.trailerSignature || !sameSignature(expected, payload.trailerSignature)) throw mismatch();
  }
};
