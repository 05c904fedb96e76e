import http from 'node:http';

// The baseline for GET /api/me: a bare Node http server answering the same JSON bytes, no framework,
// no auth, no database. Run as its own process by the benchmark.
// With BENCH_LOCATION set it is the baseline for GET /r/<code> instead: a 302 to that address.
const body = process.env['BENCH_BODY'] ?? '{}';
const location = process.env['BENCH_LOCATION'];
const server = http.createServer((_req, res) => {
  if (location) {
    res.writeHead(302, { location, 'cache-control': 'no-store', 'content-length': 0 });
    res.end();
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
