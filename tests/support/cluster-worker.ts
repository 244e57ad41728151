import { createServer } from "node:http";

/**
 * A stand-in for scripts/server.ts under the supervisor in tests/scripts/cluster.test.ts: answers
 * with its pid, exits with code 3 on /die, closes on SIGTERM as the real server does.
 */
const server = createServer((request, response) => {
  response.setHeader("connection", "close");
  response.end(String(process.pid));
  if (request.url === "/die") setImmediate(() => process.exit(3));
});
server.on("listening", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : ""} ${process.pid}`);
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
