// Baseline for the benchmark: plain node:http answering every request with the same bytes (a real
// resolved manifest, read from the file named by argv[2]). Started by run.ts as a child process;
// reports its port over IPC and exits when the parent goes away.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { serveParent } from './children.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: plain-server.ts <body file>');
const body = readFileSync(file);
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(body.length),
  'cache-control': 'no-cache',
};

const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.send?.({ port: address.port });
});
serveParent(() => process.exit(0));
