import { InvalidArgumentError } from "commander";

export const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError("a port is a whole number from 0 to 65535 (0 picks a free one).");
  }
  return port;
};

const DURATION = /^(\d+(?:\.\d+)?)(ms|s)?$/;

const milliseconds = (text: string): number | undefined => {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === "s" ? value * 1000 : match[2] === "ms" || value === 0 ? value : undefined;
};

export const REPLICATION_DELAY_HELP = 'give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s".';

/** "2s", "500ms", "0", or a range "1s-3s" in milliseconds; undefined when it is none of those. */
export const replicationDelayOf = (value: string): number | [number, number] | undefined => {
  const [low = "", high, ...rest] = value.split("-");
  const min = milliseconds(low);
  const max = high === undefined ? min : milliseconds(high);
  // A timer holds at most 2^31 - 1 ms (about 24 days); a longer one would fire at once.
  if (min === undefined || max === undefined || rest.length > 0 || max < min || max > 2 ** 31 - 1) return undefined;
  return high === undefined ? min : [min, max];
};

/** --replication-delay: how long replication waits before copying. A value it cannot read is a usage error (exit 2). */
export const parseReplicationDelay = (value: string): number | [number, number] => {
  const delay = replicationDelayOf(value);
  if (delay === undefined) throw Object.assign(new InvalidArgumentError(REPLICATION_DELAY_HELP), { exitCode: 2 });
  return delay;
};
