import { randomUUID } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { authenticate, claimedService } from "./auth/sigv4";
import type { Caller, CredentialLookup } from "./auth/identity";
import { isServiceError, ServiceError } from "./errors";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BlobStore } from "./blobs/blob-store";
import { maxStoredBytesFromEnvironment } from "./blobs/storage-cap";
import { inlineBytes, referencedBlobs } from "./blobs/referenced";
import { declaredLength, entityTooLarge, incompleteBody, readBody } from "./http/body";
import { StreamedBody } from "./http/streamed-body";
import type { SandboxRequest, SandboxResponse } from "./http/exchange";
import { newHostId, newRequestId } from "./http/ids";
import { parseTarget } from "./http/target";
import { xmlDocument } from "./http/xml";
import { iamService } from "./iam/service";
import { handleQuery, isForm, queryAction, queryErrorResponse, type QueryService } from "./query/protocol";
import { isKnownRegion } from "./regions";
import type { S3Storage } from "./s3/call";
import { handleS3, streamsBody } from "./s3/dispatch";
import { accessDenied } from "./s3/errors";
import { MAX_PART_BYTES } from "./s3/multipart-common";
import { routeS3, type S3Route } from "./s3/router";
import { SANDBOX_HEALTH_PATH, type SandboxHealth } from "./probe";
import { stsService } from "./sts/service";
import { handleS3Control } from "./s3control/mrap-service";
import { mrapAliasOf, resolveMrapRequest, routeThroughMrap } from "./s3control/mrap-requests";
import { isS3ControlRequest, requestAccount, routeS3Control } from "./s3control/router";
import { acquireDataDirLock, type DataDirLock } from "./persist/lock";
import { DataDirStore } from "./persist/store";
import { DEFAULT_REPLICATION_DELAY, startReplication, type ReplicationDelay, type ReplicationEvent } from "./replication/worker";
import { World } from "./world/world";
import { mrapView, worldView, type SandboxBucketView, type SandboxMrapView } from "./world/world-view";

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1; the sandbox has no real security, so keep it on loopback. */
  host?: string;
  /** The largest PutObject or UploadPart body, in bytes (EntityTooLarge above it); AWS's 5 GiB by default. */
  maxBodyBytes?: number;
  /**
   * The most bytes of object data the sandbox keeps (on disk, each file once however many objects
   * share it); an upload past it is refused with EntityTooLarge and a message saying why.
   * Default: S3_TUTOR_SANDBOX_MAX_STORAGE (e.g. "20GiB"), else DEFAULT_MAX_STORED_BYTES.
   */
  maxStoredBytes?: number;
  /** Called once per request after the response is sent. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called when a handler fails unexpectedly (a sandbox bug); the client gets 500 InternalError. */
  onInternalError?: (error: unknown, entry: RequestLogEntry) => void;
  /** The clock, for tests of expiry and skew. */
  now?: () => Date;
  /** How long replication waits before copying: ms, or [min, max] for a random delay (default 1-3 s). */
  replicationDelay?: ReplicationDelay;
  /** How long S3 Control takes to create or delete a Multi-Region Access Point, in ms (default 2 s). */
  mrapDelayMs?: number;
  /** Called for each copy replication makes or fails to make, with the reason. */
  onReplication?: (event: ReplicationEvent) => void;
  /**
   * Keep the world in this folder: loaded at start, every change on disk before the response
   * that acknowledges it. One process per folder (SandboxDataDirInUseError otherwise).
   * Without it, everything lives in memory and is gone when the sandbox stops.
   */
  dataDir?: string;
  /**
   * Writing to the data directory failed: a request's commit (the client got 500 InternalError)
   * or one no request waited for (replication's). What was not written is tried again with the next commit.
   */
  onStorageError?: (error: unknown) => void;
  /**
   * Which access keys exist and which account each acts as. Default: any 12-digit key id is that
   * account (and `test` is 000000000000), every secret `test` — the convention LocalStack shares.
   * An embedder that hands out its own keys passes a lookup that knows only those.
   */
  credentials?: CredentialLookup;
  /**
   * Lets the embedder answer some requests itself, on the same port (the workshop room's API): called
   * for every request before the sandbox looks at it; return true when it took the request (it must
   * then answer it, including `Expect: 100-continue`), false to leave it to the sandbox.
   */
  answerFirst?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

export interface RequestLogEntry {
  method: string;
  /** The API operation (PutObject, CreateRole, ...) or "-" when the request never got that far. */
  operation: string;
  service: string;
  account?: string;
  region?: string;
  status: number;
  errorCode?: string;
  path: string;
  durationMs: number;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:4567 */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  /** Where the world is kept (absolute); undefined for an in-memory sandbox. */
  readonly dataDir?: string;
  /** Where object bytes are kept: <dataDir>/blobs, or a temporary folder removed on close. */
  readonly bodiesDir: string;
  /** A read-only summary of every bucket (owner, Region, versioning, replication and its statuses), for an embedder to draw. */
  view(): SandboxBucketView[];
  /** Every account's Multi-Region Access Points (CREATING, READY or DELETING) with their buckets, for the same embedders. */
  mrapView(): SandboxMrapView[];
  /** Stops serving; with a data directory, writes a last snapshot and frees the directory. */
  close(): Promise<void>;
}

/** AWS's limit on a single PUT, the same as on one part. */
export const DEFAULT_MAX_BODY_BYTES = MAX_PART_BYTES;
/** Bodies of other requests (XML, policies, IAM and STS forms) are read whole, up to this. */
const MAX_BUFFERED_BODY_BYTES = 20 * 1024 * 1024;

/** How long an idle keep-alive connection stays open (announced to clients as Keep-Alive: timeout=60). */
export const KEEP_IDLE_CONNECTION_MS = 60_000;

const QUERY_SERVICES: Record<string, QueryService> = { iam: iamService, sts: stsService };
const QUERY_VERSIONS: Record<string, string> = { [iamService.version]: "iam", [stsService.version]: "sts" };

export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const host = options.host ?? "127.0.0.1";
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxStoredBytes = options.maxStoredBytes ?? maxStoredBytesFromEnvironment();
  const now = options.now ?? (() => new Date());
  const kept = options.dataDir === undefined ? undefined : await openDataDir(options.dataDir, now, maxStoredBytes, options);
  const world = kept?.store.world ?? new World(now);
  const store = kept?.store;
  // Without a data directory, bodies still go to disk: a temporary folder, removed on close.
  const blobs = store?.blobs ?? (await BlobStore.temporary({ maxStoredBytes }));
  // Near the cap, space goes back first: with a data directory a snapshot removes what it no longer names.
  blobs.onReclaim(store ? () => store.compact() : () => blobs.removeAllBut(referencedBlobs(world)));
  // In memory nothing else (no snapshot) ever drops the blobs of overwritten and deleted objects.
  if (!store) blobs.sweepWith(() => referencedBlobs(world));
  blobs.countInlineWith(() => inlineBytes(world));
  const storage = { blobs, maxUploadBytes: maxBodyBytes };
  const replication = startReplication(world, {
    ...(options.replicationDelay !== undefined ? { delay: options.replicationDelay } : {}),
    ...(options.onReplication ? { onEvent: options.onReplication } : {}),
  });

  const delay = options.replicationDelay ?? DEFAULT_REPLICATION_DELAY;
  const health: SandboxHealth = {
    service: "s3-tutor-sandbox",
    pid: process.pid,
    persistent: store !== undefined,
    ...(typeof delay === "function" ? {} : { replicationDelay: delay }),
  };
  const handle = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.method === "GET" && incoming.url === SANDBOX_HEALTH_PATH) {
      outgoing.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(health));
      return;
    }
    try {
      if (options.answerFirst?.(incoming, outgoing)) return;
    } catch (error) {
      answerLastResort(incoming, outgoing, error, options);
      return;
    }
    // serve answers every failure itself; this only catches a bug in that answering.
    serve(incoming, outgoing, { world, store, storage, now, options }).catch((error: unknown) =>
      answerLastResort(incoming, outgoing, error, options),
    );
  };

  // An idle connection is kept a minute, not Node's 5 s: the AWS SDK's agent never drops an idle
  // connection itself, so a request sent as the server closes it fails with ECONNRESET (the SDK's
  // TimeoutError). A learner's SDK retries it; a test client with one attempt does not.
  const server = createServer({ requestTimeout: 5 * 60_000, headersTimeout: 30_000, keepAliveTimeout: KEEP_IDLE_CONNECTION_MS });
  server.on("request", handle);
  // Answer Expect: 100-continue ourselves so an oversized upload is refused before it is sent.
  server.on("checkContinue", handle);
  server.on("clientError", answerBrokenRequest);
  server.on("connect", refuseTunnel);

  const releaseDataDir = async () => {
    try {
      await store?.close();
    } finally {
      await kept?.lock.release();
      if (!store) await blobs.close();
    }
  };

  let port: number;
  let endpoint: string;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    port = (server.address() as AddressInfo).port;
    endpoint = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    await kept?.lock.setEndpoint(endpoint);
  } catch (error) {
    replication.stop();
    if (server.listening) server.close();
    await releaseDataDir();
    throw error;
  }
  // S3 carries on with replication that was pending when the sandbox stopped.
  replication.resume();

  let closing: Promise<void> | undefined;
  return {
    endpoint,
    host,
    port,
    dataDir: store?.dataDir,
    bodiesDir: blobs.dir,
    view: () => worldView(world),
    mrapView: () => mrapView(world),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        replication.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(releaseDataDir);
      return closing;
    },
  };
};

/** Takes the data directory's lock, then loads what it holds; the lock is let go if loading fails. */
const openDataDir = async (
  dataDir: string,
  now: () => Date,
  maxStoredBytes: number,
  options: SandboxOptions,
): Promise<{ store: DataDirStore; lock: DataDirLock }> => {
  const lock = await acquireDataDirLock(dataDir);
  try {
    const store = await DataDirStore.open(dataDir, now, {
      maxStoredBytes,
      ...(options.onStorageError ? { onBackgroundError: options.onStorageError } : {}),
    });
    return { store, lock };
  } catch (error) {
    await lock.release();
    throw error;
  }
};

/** Malformed HTTP never reaches a handler: answer it plainly and drop the connection. */
const answerBrokenRequest = (error: NodeJS.ErrnoException, socket: Socket) => {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  answerPlainly(socket, status);
};

/** CONNECT asks for a tunnel, which S3 is not: refuse it rather than drop the connection unanswered (Node's default). */
const refuseTunnel = (_request: IncomingMessage, socket: Duplex) => answerPlainly(socket, 405);

const answerPlainly = (socket: Duplex, status: number) =>
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nx-amz-request-id: ${newRequestId()}\r\nx-amz-id-2: ${newHostId()}\r\n` +
      "Connection: close\r\nContent-Length: 0\r\n\r\n",
  );

interface ServeContext {
  world: World;
  store: DataDirStore | undefined;
  storage: S3Storage;
  now: () => Date;
  options: SandboxOptions;
}

const NO_BODY = Buffer.alloc(0);

/** PutObject and UploadPart stream their bodies; whether a request is one is known from its head alone. */
const isUpload = (head: SandboxRequest): boolean => {
  if (head.method !== "PUT") return false;
  try {
    const service = claimedService(head);
    const route = mrapAliasOf(head) !== undefined ? routeThroughMrap(head) : routeS3(head);
    return (service === undefined || service === "s3") && !isS3ControlRequest(head) && streamsBody(route.operation);
  } catch {
    return false; // the error is answered when the request is handled
  }
};

/** Any other body, read whole: a declared Content-Length over the limit fails before a byte of it is sent. */
const readWholeBody = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<Buffer> => {
  if (incoming.headers.expect?.toLowerCase() === "100-continue") {
    const declared = declaredLength(incoming);
    if (declared !== undefined && declared > MAX_BUFFERED_BODY_BYTES) throw entityTooLarge(declared, MAX_BUFFERED_BODY_BYTES);
    outgoing.writeContinue();
  }
  return readBody(incoming, MAX_BUFFERED_BODY_BYTES);
};

const serve = async (incoming: IncomingMessage, outgoing: ServerResponse, context: ServeContext) => {
  const started = performance.now();
  let requestId = newRequestId();
  const hostId = newHostId();
  const entry = logEntryFor(incoming);
  outgoing.on("error", () => undefined);
  const touched: Touched = {};

  let response: SandboxResponse;
  let upload: StreamedBody | undefined;
  try {
    const target = parseTarget(incoming.url);
    const head: SandboxRequest = {
      method: entry.method,
      rawPath: target.rawPath,
      path: target.path,
      query: target.query,
      headers: incoming.headers,
      body: NO_BODY,
      requestId,
      hostId,
      receivedAt: context.now(),
      ...(context.options.credentials ? { credentials: context.options.credentials } : {}),
    };
    // An upload's body is left for its handler to stream to disk; any other body is read whole.
    upload = isUpload(head) ? new StreamedBody(incoming, outgoing) : undefined;
    const received: SandboxRequest = upload ? { ...head, upload } : { ...head, body: await readWholeBody(incoming, outgoing) };
    entry.service = serviceOf(received);
    // IAM and STS identify requests with UUIDs, S3 with 16 hex characters.
    if (QUERY_SERVICES[entry.service]) requestId = randomUUID();
    response = await dispatch(context, { ...received, requestId }, entry, touched);
  } catch (error) {
    // A body cut short is the client's doing (S3's IncompleteBody), not a sandbox bug.
    const failure = !isServiceError(error) && clientGaveUp(incoming) ? incompleteBody() : error;
    response = errorResponse(failure, entry, requestId, hostId);
    if (isServiceError(failure) && CLOSING_ERRORS.has(failure.code)) response.headers.connection = "close";
    if (!isServiceError(failure)) context.options.onInternalError?.(error, entry);
  }
  // An upload refused before its body was all read: the rest is not waited for.
  if (upload && !upload.complete) response.headers.connection = "close";
  if (context.store) {
    try {
      // What this request changed is on disk before the response that acknowledges it is sent.
      markTouched(context.world, touched);
      await context.store.commit();
    } catch (error) {
      // Not written down, so not acknowledged: the client sees 500 and may retry.
      response = errorResponse(error, entry, requestId, hostId);
      context.options.onStorageError?.(error);
    }
  }

  entry.status = response.status;
  try {
    send(outgoing, entry.method, response, requestId, hostId, entry.service);
  } catch (error) {
    // A header no HTTP response can carry: request input that should have been refused earlier.
    context.options.onInternalError?.(error, entry);
    response = errorResponse(error, entry, requestId, hostId);
    entry.status = response.status;
    send(outgoing, entry.method, response, requestId, hostId, entry.service);
  }
  outgoing.once("finish", () => {
    entry.durationMs = performance.now() - started;
    context.options.onRequest?.(entry);
  });
};

/** What is known of a request before it is read: the log entry's start. */
const logEntryFor = (incoming: IncomingMessage): RequestLogEntry => ({
  method: incoming.method ?? "?",
  operation: "-",
  service: "s3",
  status: 0,
  path: (incoming.url ?? "").split("?")[0] ?? "",
  durationMs: 0,
});

/** Errors after which the rest of the request cannot be trusted to follow: the connection is closed. */
const CLOSING_ERRORS = new Set(["EntityTooLarge", "IncompleteBody"]);

/** The client closed its side before sending the whole request (not a handler that stopped reading). */
const clientGaveUp = (incoming: IncomingMessage): boolean =>
  !incoming.complete && (incoming.socket.destroyed || incoming.socket.readableEnded);


/** serve itself failed: answer 500 if nothing was sent yet, else cut the connection; never leave it hanging. */
const answerLastResort = (incoming: IncomingMessage, outgoing: ServerResponse, error: unknown, options: SandboxOptions) => {
  const requestId = newRequestId();
  const hostId = newHostId();
  const entry = { ...logEntryFor(incoming), status: 500 };
  try {
    if (outgoing.headersSent || outgoing.destroyed) outgoing.destroy();
    else send(outgoing, entry.method, errorResponse(error, entry, requestId, hostId), requestId, hostId, "s3");
  } catch {
    outgoing.destroy(); // nothing more can be said on this connection
  }
  try {
    options.onInternalError?.(error, entry);
  } catch {
    // A failing logger must not take the server down with it.
  }
};

/** What a request may have changed in place: its bucket's settings, its account's roles. */
interface Touched {
  bucket?: string;
  account?: string;
}

/** Marked once the handler is done, so a commit that ran while it was still working cannot miss it. */
const markTouched = (world: World, touched: Touched) => {
  if (touched.bucket !== undefined) world.changes?.bucket(touched.bucket);
  if (touched.account !== undefined) world.changes?.account(touched.account);
};

const DEFAULT_MRAP_DELAY_MS = 2_000;

const dispatch = async (
  context: ServeContext,
  request: SandboxRequest,
  entry: RequestLogEntry,
  touched: Touched,
): Promise<SandboxResponse> => {
  const { world, storage } = context;
  const service = entry.service;
  const queryService = QUERY_SERVICES[service];
  if (queryService) {
    entry.operation = queryAction(request).action ?? "-";
    const caller = await authenticatedCaller(request, entry);
    if (!caller) throw new ServiceError("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
    if (service === "iam") touched.account = caller.account;
    return handleQuery(queryService, world, request, caller);
  }
  if (service !== "s3") {
    throw new ServiceError(
      "NotImplemented",
      501,
      `The sandbox serves S3, IAM and STS; this request was signed for the service "${service}".`,
    );
  }
  if (isS3ControlRequest(request)) {
    const caller = await authenticatedCaller(request, entry);
    if (!caller) throw accessDenied();
    const control = routeS3Control(request);
    entry.operation = control.operation;
    const account = requestAccount(request, caller.account);
    touched.account = account;
    const delayMs = context.options.mrapDelayMs ?? DEFAULT_MRAP_DELAY_MS;
    return handleS3Control({ world, account, now: world.now(), delayMs }, request, control);
  }
  const alias = mrapAliasOf(request);
  if (alias !== undefined) {
    const target = await resolveMrapRequest(world, request, alias);
    entry.operation = target.route.operation;
    entry.account = target.caller.account;
    entry.region = target.caller.region;
    touched.bucket = target.bucket;
    return handleS3(world, request, target.caller, target.route, storage);
  }
  let route: S3Route | undefined;
  let routeError: unknown;
  try {
    route = routeS3(request);
    entry.operation = route.operation;
  } catch (error) {
    routeError = error;
  }
  const caller = await authenticatedCaller(request, entry);
  if (!caller) throw accessDenied();
  if (!isKnownRegion(caller.region)) {
    throw new ServiceError(
      "AuthorizationHeaderMalformed",
      400,
      `The authorization header is malformed; the region '${caller.region}' is not a region of the aws partition.`,
      { Region: caller.region },
    );
  }
  if (routeError || !route) throw routeError;
  if (route.bucket) touched.bucket = route.bucket;
  return handleS3(world, request, caller, route, storage);
};

const authenticatedCaller = async (request: SandboxRequest, entry: RequestLogEntry): Promise<Caller | undefined> => {
  const caller = await authenticate(request);
  if (caller) {
    entry.account = caller.account;
    entry.region = caller.region;
  }
  return caller;
};

/** The credential scope names the service; an unsigned query-protocol call is told by its Version. */
const serviceOf = (request: SandboxRequest): string => {
  const signedFor = claimedService(request);
  if (signedFor) return signedFor;
  if (request.method === "POST" && request.rawPath === "/" && isForm(request)) {
    const { version } = queryAction(request);
    if (version && QUERY_VERSIONS[version]) return QUERY_VERSIONS[version];
  }
  return "s3";
};

const errorResponse = (error: unknown, entry: RequestLogEntry, requestId: string, hostId: string): SandboxResponse => {
  const failure = isServiceError(error)
    ? error
    : new ServiceError("InternalError", 500, "We encountered an internal error. Please try again.");
  entry.errorCode = failure.code;
  const queryService = QUERY_SERVICES[entry.service];
  if (queryService) return queryErrorResponse(queryService.xmlns, failure, requestId);
  return {
    status: failure.status,
    headers: { "content-type": "application/xml", ...failure.headers },
    body: xmlDocument("Error", {
      Code: failure.code,
      Message: failure.message,
      ...failure.details,
      RequestId: requestId,
      HostId: hostId,
    }),
  };
};

const send = (
  outgoing: ServerResponse,
  method: string,
  response: SandboxResponse,
  requestId: string,
  hostId: string,
  service: string,
) => {
  if (outgoing.destroyed || outgoing.headersSent) {
    if (response.body instanceof Readable) response.body.destroy();
    return;
  }
  if (response.body instanceof Readable) {
    sendStream(outgoing, method, response, response.body, requestId, hostId, service);
    return;
  }
  const body = response.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
  const headers = responseHeaders(response, requestId, hostId, service);
  const noBody = method === "HEAD" || response.status === 304 || response.status === 204;
  if (headers["content-length"] === undefined) headers["content-length"] = noBody ? 0 : body.length;
  outgoing.writeHead(response.status, headers);
  outgoing.end(noBody ? undefined : body);
};

const responseHeaders = (response: SandboxResponse, requestId: string, hostId: string, service: string): Record<string, string | number> => ({
  "x-amz-request-id": requestId,
  "x-amz-id-2": hostId,
  date: new Date().toUTCString(),
  ...(service === "s3" ? { server: "AmazonS3" } : { "x-amzn-requestid": requestId }),
  ...response.headers,
});

/** An object's bytes streamed from disk; the handler set content-length. A read error cuts the response short. */
const sendStream = (
  outgoing: ServerResponse,
  method: string,
  response: SandboxResponse,
  body: Readable,
  requestId: string,
  hostId: string,
  service: string,
) => {
  try {
    outgoing.writeHead(response.status, responseHeaders(response, requestId, hostId, service));
  } catch (error) {
    body.destroy(); // the caller answers the failure instead; the file is not left open
    throw error;
  }
  if (method === "HEAD") {
    body.destroy();
    outgoing.end();
    return;
  }
  pipeline(body, outgoing).catch(() => outgoing.destroy());
};
