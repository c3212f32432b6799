import { InvalidArgumentError } from "commander";
import { REPLICATION_DELAY_HELP, replicationDelayOf } from "./replication-delay";

export const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError("a port is a whole number from 0 to 65535 (0 picks a free one).");
  }
  return port;
};

/** --replication-delay: how long replication waits before copying. A value it cannot read is a usage error (exit 2). */
export const parseReplicationDelay = (value: string): number | [number, number] => {
  const delay = replicationDelayOf(value);
  if (delay === undefined) throw Object.assign(new InvalidArgumentError(REPLICATION_DELAY_HELP), { exitCode: 2 });
  return delay;
};
