// How the scale benches take a download: its whole body as the client gets it, its lines, its
// time; psql's \copy of the same statement; a process's peak memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

/** Peak resident memory of a process, sampled every 50 ms until stopped (MB). */
export function rssSampler(pid: number): { stop(): number } {
  let peak = 0;
  const sample = () => {
    try {
      const m = /VmRSS:\s+([0-9]+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      // the process is gone
    }
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** The line feeds in a chunk. */
export function newlines(chunk: Uint8Array): number {
  const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) count++;
  return count;
}

/** Reads a whole response, counting its lines. */
/**
 * A GET whose body is counted as it arrives, through node:http: on these 2 cores the client shares
 * the CPU with the server and PostgreSQL, and undici's fetch spent half as much CPU as the server
 * on the subsidy report's 54 MB, as much on the first download (its figures are printed beside).
 */
export function download(url: string, headers: Record<string, string>): Promise<{ lines: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { headers }, (res) => {
        let lines = 0;
        let refused = '';
        res.on('data', (chunk: Buffer) => {
          if (res.statusCode === 200) lines += newlines(chunk);
          else refused += chunk.toString('utf8');
        });
        res.on('error', reject);
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({ lines, ms: performance.now() - started })
            : reject(new Error(`${url}: ${res.statusCode} ${refused}`)),
        );
      })
      .on('error', reject);
  });
}

/** The same download through fetch (undici), as most Node clients would. */
export async function fetchDownload(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  // counted natively: a byte-by-byte loop here would make the client, not the server, the slow part
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) newlines(chunk);
  return performance.now() - started;
}

/** psql \copy (the statement) to stdout, as CSV: its lines and time. */
export function psqlCopy(url: string, statement: string): Promise<{ lines: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('psql', [url, '-X', '-q', '-c', `\\copy (${statement}) to stdout with csv`], {
      env: { ...process.env, PGOPTIONS: '-c role=piis_app' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (lines += newlines(chunk)));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve({ lines, ms: performance.now() - started }) : reject(new Error(`psql: ${err}`)),
    );
  });
}
