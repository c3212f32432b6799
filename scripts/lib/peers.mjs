// The S3 emulators the tests compare the sandbox with ("peers"): what to install, and how to
// start one on a loopback port. Used by scripts/peers.mjs (install) and scripts/start-peer.mjs.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { findPython } from "./find-python.mjs";
import { venvBin, venvCacheDir } from "./pinned-venv.mjs";

export const LOCALSTACK_VERSION = "2026.3.0";
export const MOTO_VERSION = "5.2.5";

export const PEERS = {
  localstack: {
    title: `LocalStack ${LOCALSTACK_VERSION}`,
    venv: () => join(venvCacheDir(), "venv-localstack"),
    // localstack-core 2026.3 uses Python 3.12 syntax (class RegionBundle[BaseStoreType](dict)).
    python: () => findPython({ major: 3, minor: 12 }),
    packages: [`localstack-core[runtime]==${LOCALSTACK_VERSION}`, "service-identity"],
    constraints: fileURLToPath(new URL("../localstack-constraints.txt", import.meta.url)),
    defaultPort: 4566,
    command: (venv) => [venvBin(venv, "python"), ["-m", "localstack.runtime.main"]],
    /** `home` is a fresh folder per start: LocalStack's files, and plux's entry-point index (a stale one hides plugins). */
    env: (port, home) => ({
      GATEWAY_LISTEN: `127.0.0.1:${port}`,
      // The default server (twisted) binds every interface whatever GATEWAY_LISTEN says; hypercorn keeps to loopback.
      GATEWAY_SERVER: "hypercorn",
      DNS_ADDRESS: "0",
      SERVICES: "s3,iam,sts",
      SKIP_SSL_CERT_DOWNLOAD: "1",
      DISABLE_EVENTS: "1",
      FILESYSTEM_ROOT: join(home, "filesystem"),
      XDG_CACHE_HOME: join(home, "cache"),
    }),
    health: (endpoint) => `${endpoint}/_localstack/health`,
  },
  moto: {
    title: `moto ${MOTO_VERSION}`,
    venv: () => join(venvCacheDir(), "venv-moto"),
    python: () => findPython({ major: 3, minor: 9 }),
    packages: [`moto[server]==${MOTO_VERSION}`],
    constraints: undefined,
    defaultPort: 0,
    command: (venv, port) => [venvBin(venv, "moto_server"), ["-H", "127.0.0.1", "-p", String(port)]],
    env: () => ({}),
    // moto answers its own dashboard API; any answer means it serves requests.
    health: (endpoint) => `${endpoint}/moto-api/data.json`,
  },
};

export const peerNamed = (name) => {
  const peer = PEERS[name];
  if (!peer) throw new Error(`unknown peer "${name}": use ${Object.keys(PEERS).join(" or ")}`);
  return peer;
};
