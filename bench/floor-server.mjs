// The floor for round trips: a bare HTTP server that answers PutObject and GetObject with the
// least the SDK accepts, doing no S3 work at all. Prints its endpoint, then serves until killed.
import { createServer } from "node:http";

const object = Buffer.alloc(1024, 7);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "binary/octet-stream", "content-length": object.length, etag: '"x"' });
      res.end(object);
    } else {
      res.writeHead(200, { etag: '"x"', "content-length": 0 });
      res.end();
    }
  });
});
server.listen(0, "127.0.0.1", () => console.log(`listening http://127.0.0.1:${server.address().port}`));
