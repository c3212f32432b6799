import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { S3Client } from "@aws-sdk/client-s3";
import { ROOM_PATHS, ROOM_PROTOCOL, type JoinResponse, type RoomCredentials } from "../../../src/room/protocol";
import { startRoom, type Room, type RoomOptions } from "../../../src/room/room";
import { testWorkshop } from "./workshop";

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One room API call over real HTTP, as a client would make it. */
export const call = async <T = unknown>(
  endpoint: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
): Promise<ApiAnswer<T>> => {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${endpoint}${path}`, { method: options.method ?? (payload === undefined ? "GET" : "POST"), headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
};

export const joinRoom = (endpoint: string, code: string, name: string, extra: Record<string, unknown> = {}) =>
  call<JoinResponse>(endpoint, ROOM_PATHS.join, { body: { protocol: ROOM_PROTOCOL, version: "dev", code, name, ...extra } });

/** Rooms started by a test, each in a folder of its own, closed and removed after it. */
const started: { room: Room; dir: string }[] = [];
afterEach(async () => {
  for (const { room, dir } of started.splice(0)) {
    await room.close();
    await rm(dir, { recursive: true, force: true });
  }
});

export const roomDir = () => mkdtemp(join(tmpdir(), "s3-tutor-room-test-"));

export const startTestRoom = async (options: Partial<RoomOptions> = {}): Promise<Room> => {
  const dir = options.dataDir ?? (await roomDir());
  const room = await startRoom({ workshop: testWorkshop(), port: 0, ...options, dataDir: dir });
  started.push({ room, dir });
  return room;
};

/** The real S3 SDK signing with a participant's room credentials. */
export const s3As = (endpoint: string, credentials: Pick<RoomCredentials, "accessKeyId" | "secretAccessKey">, region = "us-east-1") =>
  new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    maxAttempts: 1,
  });

export const roomIdentities = (joined: JoinResponse) => {
  if (joined.target.kind !== "room") throw new Error(`expected the room target, got ${joined.target.kind}`);
  return joined.target.identities;
};
