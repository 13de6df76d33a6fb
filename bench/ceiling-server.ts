/**
 * The ceiling: a bare `node:http` server that answers every request with the bytes of a real
 * lesson page (same body, same headers), doing no other work. The app is measured against it
 * with the same load client, so the ratio says how much of the machine the app's own work takes.
 *
 *   node bench/ceiling-server.ts <port> <body file> <headers json file>
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [port, bodyFile, headersFile] = process.argv.slice(2);
if (!port || !bodyFile || !headersFile)
  throw new Error('usage: ceiling-server.ts <port> <body file> <headers json>');
const body = readFileSync(bodyFile);
const headers = JSON.parse(readFileSync(headersFile, 'utf8')) as Record<string, string | string[]>;
headers['content-length'] = String(body.byteLength);

createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, headers);
    response.end(body);
  });
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
