import type { AwsClient } from "./target";

/**
 * Sends every request of a sandbox client to the sandbox, whatever host name the SDK chose.
 * The SDK builds AWS host names for S3 Control (`<account>.s3-control.<region>.amazonaws.com`)
 * and for Multi-Region Access Points (`<alias>.accesspoint.s3-global.amazonaws.com`, HTTPS),
 * ignoring a custom endpoint for the latter. The request is left exactly as signed — its Host
 * header still names that AWS host, and the sandbox reads the account or alias from it — only the
 * connection goes to the sandbox's own address. So nothing a sandbox client sends can reach AWS.
 */

interface DialableRequest {
  protocol?: string;
  hostname?: string;
  port?: number;
  headers: Record<string, string>;
}

interface MiddlewareStackLike {
  add(
    middleware: (next: (args: { request: unknown }) => Promise<unknown>) => (args: { request: unknown }) => Promise<unknown>,
    options: { step: "deserialize"; priority: "low"; name: string },
  ): void;
}

const isDialable = (request: unknown): request is DialableRequest =>
  typeof request === "object" && request !== null && "headers" in request && "hostname" in request;

export const dialSandbox = (client: AwsClient, endpoint: string): void => {
  const sandbox = new URL(endpoint);
  const stack = (client as unknown as { middlewareStack: MiddlewareStackLike }).middlewareStack;
  stack.add(
    (next) => async (args) => {
      const request = args.request;
      if (!isDialable(request) || request.hostname === sandbox.hostname) return next(args);
      // A copy: a retry signs the original again, which must still name the AWS host.
      const dialed = Object.assign(Object.create(Object.getPrototypeOf(request) as object) as object, request, {
        protocol: sandbox.protocol,
        hostname: sandbox.hostname,
        port: Number(sandbox.port),
      });
      return next({ ...args, request: dialed });
    },
    { step: "deserialize", priority: "low", name: "s3TutorDialSandbox" },
  );
};
