import type { IncomingMessage, ServerResponse } from "node:http";
import type { IncomingBody } from "./exchange";

/** An upload's body straight from the socket, read (once) only when its handler asks for it. */
export class StreamedBody implements IncomingBody {
  private started = false;

  constructor(
    private readonly incoming: IncomingMessage,
    private readonly outgoing: ServerResponse,
  ) {}

  get complete(): boolean {
    return this.incoming.complete || this.incoming.headers["content-length"] === "0";
  }

  async *raw(): AsyncGenerator<Buffer> {
    if (this.started) throw new Error("an upload's body can be read only once");
    this.started = true;
    // The client waited to hear that the upload is wanted before sending it.
    if (this.incoming.headers.expect?.toLowerCase() === "100-continue" && !this.outgoing.headersSent) this.outgoing.writeContinue();
    for await (const chunk of this.incoming) yield chunk as Buffer;
    if (!this.incoming.complete) throw new Error("client closed the connection before sending the whole body");
  }
}
