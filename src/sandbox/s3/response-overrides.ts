import type { SandboxRequest } from "../http/exchange";
import { invalidArgument } from "./errors";

/** response-content-type and friends override the stored headers on GetObject and HeadObject. */
const RESPONSE_OVERRIDES: Record<string, string> = {
  "response-content-type": "content-type",
  "response-content-language": "content-language",
  "response-expires": "expires",
  "response-cache-control": "cache-control",
  "response-content-disposition": "content-disposition",
  "response-content-encoding": "content-encoding",
};

/** What an HTTP header may carry: tab, visible ASCII and space, and the upper half of ISO-8859-1. */
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]*$/;
const LATIN_1 = /^[\x00-\xff]*$/;

/**
 * The headers the request's response-* parameters ask for. A value no header can carry is
 * refused as S3 refuses it (400 InvalidArgument naming the parameter) rather than written.
 */
export const responseOverrides = (request: SandboxRequest): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [parameter, value] of request.query) {
    const name = RESPONSE_OVERRIDES[parameter];
    if (name === undefined) continue;
    if (!LATIN_1.test(value)) throw invalidArgument("Header value cannot be represented using ISO-8859-1.", parameter, value);
    // S3 is not known to say what it does with CR, LF or other control characters; the sandbox refuses them alike.
    if (!HEADER_SAFE.test(value)) throw invalidArgument("Header value contains characters not allowed in an HTTP header.", parameter, value);
    headers[name] = value;
  }
  return headers;
};
