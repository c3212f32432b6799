import { createHash, type Hash } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { ServiceError } from "../errors";
import { STREAMING_SIGNED, STREAMING_SIGNED_TRAILER } from "../http/aws-chunked";
import { header, type SandboxRequest } from "../http/exchange";
import { accessKeyFor } from "./identity";
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
 * own signature, and (with a trailer) one more over the trailing headers. The chain is checked
 * a chunk at a time as the body streams in: feed a chunk's bytes, then end it with its signature.
 */
export class ChunkSignatureChain {
  private previous: string;
  private hash: Hash = createHash("sha256");

  private constructor(
    private readonly sign: (parts: string[]) => Promise<string>,
    private readonly longDate: string,
    private readonly scope: string,
    seed: string,
    readonly withTrailer: boolean,
  ) {
    this.previous = seed;
  }

  /** The chain for a signed streaming request; undefined when its chunks carry no signatures. */
  static of(request: SandboxRequest): ChunkSignatureChain | undefined {
    const mode = header(request, "x-amz-content-sha256");
    if (mode !== STREAMING_SIGNED && mode !== STREAMING_SIGNED_TRAILER) return undefined;
    const claim = readClaim(request);
    if (!claim || claim.presigned) throw mismatch();
    const { accessKeyId, shortDate, region, service } = claim.credential;
    // The request's own signature was checked with this key already; an unknown one cannot get here.
    const key = accessKeyFor(request, accessKeyId);
    if (!key) throw mismatch();
    const signer = new SignatureV4({
      service,
      region,
      credentials: { accessKeyId, secretAccessKey: key.secretAccessKey },
      sha256: NodeSha256,
    });
    const signingDate = parseLongDate(claim.longDate, service);
    const sign = (parts: string[]) => signer.sign(parts.join("\n"), { signingDate, signingRegion: region, signingService: service });
    const scope = `${shortDate}/${region}/${service}/aws4_request`;
    return new ChunkSignatureChain(sign, claim.longDate, scope, claim.signature, mode === STREAMING_SIGNED_TRAILER);
  }

  update(data: Buffer): void {
    this.hash.update(data);
  }

  /** The chunk whose bytes were fed since the last one ends here, signed with `signature`. */
  async endChunk(signature: string | undefined): Promise<void> {
    const digest = this.hash.digest("hex");
    this.hash = createHash("sha256");
    if (!signature) throw mismatch();
    const expected = await this.sign(["AWS4-HMAC-SHA256-PAYLOAD", this.longDate, this.scope, this.previous, EMPTY_HASH, digest]);
    if (!sameSignature(expected, signature)) throw mismatch();
    this.previous = signature;
  }

  async verifyTrailer(trailerText: string, trailerSignature: string | undefined): Promise<void> {
    if (!this.withTrailer) return;
    const expected = await this.sign(["AWS4-HMAC-SHA256-TRAILER", this.longDate, this.scope, this.previous, sha256Hex(trailerText)]);
    if (!trailerSignature || !sameSignature(expected, trailerSignature)) throw mismatch();
  }
}
