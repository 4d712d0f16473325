// The part of autocannon 8's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
  } & Record<`p${string}`, number>;

  export type Request = { method?: string; path?: string; headers?: Record<string, string> };

  export type Client = EventEmitter & { setRequests(requests: Request[]): void };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };

  export type Result = {
    duration: number;
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    throughput: Histogram & { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  };

  export type Instance = EventEmitter &
    PromiseLike<Result> & {
      stop(): void;
      on(event: 'tick', listener: (tick: { counter: number; bytes: number }) => void): Instance;
      on(
        event: 'response',
        listener: (client: Client, statusCode: number, resBytes: number, responseTime: number) => void,
      ): Instance;
    };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
