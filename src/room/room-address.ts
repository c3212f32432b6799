import { networkInterfaces } from "node:os";

/**
 * The address participants type (`s3-tutor join 192.168.1.20:7420`): the host the room binds to, or,
 * when it binds to every interface, this machine's first LAN address (loopback would reach nobody).
 */
export const joinAddress = (host: string, port: number): string => {
  const shown = host === "0.0.0.0" || host === "::" ? (lanAddress() ?? host) : host;
  return shown.includes(":") ? `[${shown}]:${port}` : `${shown}:${port}`;
};

const lanAddress = (): string | undefined => {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((address) => address.family === "IPv4" && !address.internal);
    if (found) return found.address;
  }
  return undefined;
};
