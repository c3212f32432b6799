import type { AwsClient, ClientVariant, ServiceName } from "./target";

/** One SDK client per service, identity and region, made on first use and destroyed together. */
export class ClientPool {
  private readonly clients = new Map<string, Promise<AwsClient>>();

  constructor(
    private readonly make: (service: ServiceName, identity: string, region: string, variant: ClientVariant) => Promise<AwsClient>,
  ) {}

  get(service: ServiceName, identity: string, region: string, variant: ClientVariant = {}): Promise<AwsClient> {
    const key = `${service}/${identity}/${region}/${variant.followRegionRedirects ? "follow" : "plain"}`;
    let client = this.clients.get(key);
    if (!client) {
      client = Promise.resolve().then(() => this.make(service, identity, region, variant));
      this.clients.set(key, client);
      client.catch(() => this.clients.delete(key));
    }
    return client;
  }

  async destroyAll(): Promise<void> {
    const pending = [...this.clients.values()];
    this.clients.clear();
    for (const client of await Promise.allSettled(pending)) if (client.status === "fulfilled") client.value.destroy();
  }
}

/** Remembers each identity's account once STS has told it. */
export const accountCache = (read: (identity: string) => Promise<string>): ((identity: string) => Promise<string>) => {
  const known = new Map<string, Promise<string>>();
  return (identity) => {
    let account = known.get(identity);
    if (!account) {
      account = read(identity);
      known.set(identity, account);
      account.catch(() => known.delete(identity));
    }
    return account;
  };
};
