// One load phase: autocannon against one server at fixed settings, each connection walking its
// own pre-generated list of paths (random user ids). Latency is recorded here in microseconds:
// autocannon's own histogram has whole-millisecond resolution.
import { createHistogram } from 'node:perf_hooks';
import autocannon from 'autocannon';

export type Measured = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
  seconds: number;
};

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  /** A fresh list of paths for each connection. */
  paths: () => string[];
  onSecond?: (second: number) => void;
};

export async function load(o: LoadOptions): Promise<Measured> {
  const latencyUs = createHistogram();
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    timeout: 10,
    setupClient: (client) => client.setRequests(o.paths().map((path) => ({ method: 'GET', path }))),
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencyUs.record(Math.max(1, Math.round(ms * 1000)));
  });
  let second = 0;
  instance.on('tick', () => o.onSecond?.(++second));
  const r = await instance;
  return {
    rps: r.requests.average,
    p50: latencyUs.percentile(50) / 1000,
    p99: latencyUs.percentile(99) / 1000,
    requests: r.requests.total,
    bad: r.errors + r.timeouts + r.non2xx,
    seconds: r.duration,
  };
}
