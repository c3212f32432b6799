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

/** "2s", "500ms", "0", or a range "1s-3s": how long replication waits before copying. */
export const parseReplicationDelay = (value: string): number | [number, number] => {
  const [low = "", high, ...rest] = value.split("-");
  const min = milliseconds(low);
  const max = high === undefined ? min : milliseconds(high);
  if (min === undefined || max === undefined || rest.length > 0 || max < min) {
    throw new InvalidArgumentError('give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s".');
  }
  return high === undefined ? min : [min, max];
};
