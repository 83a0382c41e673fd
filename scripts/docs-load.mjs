#!/usr/bin/env node
// How long /docs takes to become interactive in a real browser: Debian's chromium, headless,
// driven over the DevTools protocol, from navigation until Swagger UI has rendered the
// operations (an `.opblock` in the page). A script, not a test: run it by hand against a running
// server, on Node 22 or later (global WebSocket):
//
//   npx -y -p node@24 node scripts/docs-load.mjs [http://127.0.0.1:3000/docs] [runs]
//
// It prints each run's time and the median; each run starts with an empty cache.
/* global fetch */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const url = process.argv[2] ?? 'http://127.0.0.1:3000/docs';
const runs = Number(process.argv[3] ?? 5);
const browser = ['chromium', 'chromium-browser', 'google-chrome'].find((b) => fs.existsSync(`/usr/bin/${b}`));
if (!browser) throw new Error('no chromium: apt-get install chromium');

const port = 9300 + Math.floor(Math.random() * 500);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-load-'));
const child = spawn(
  `/usr/bin/${browser}`,
  [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    `--remote-debugging-port=${port}`,
    `--user-data-dir=${profile}`,
    'about:blank',
  ],
  { stdio: 'ignore' },
);

async function devtools() {
  for (let i = 0; i < 100; i++) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      const page = targets.find((t) => t.type === 'page');
      if (page) return page.webSocketDebuggerUrl;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('chromium did not open its DevTools port');
}

const socket = new WebSocket(await devtools());
await new Promise((resolve, reject) => {
  socket.onopen = resolve;
  socket.onerror = reject;
});
let next = 0;
const waiting = new Map();
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.id !== undefined) waiting.get(message.id)?.(message);
};
const send = (method, params = {}) =>
  new Promise((resolve) => {
    const id = ++next;
    waiting.set(id, resolve);
    socket.send(JSON.stringify({ id, method, params }));
  });
const rendered = async () =>
  (await send('Runtime.evaluate', { expression: "document.querySelectorAll('.opblock').length", returnByValue: true }))
    .result?.result?.value ?? 0;

await send('Network.enable');
await send('Network.setCacheDisabled', { cacheDisabled: true });
const times = [];
for (let i = 0; i < runs; i++) {
  await send('Page.navigate', { url: 'about:blank' });
  const started = performance.now();
  await send('Page.navigate', { url });
  let operations = 0;
  while ((operations = await rendered()) === 0) {
    if (performance.now() - started > 120_000) throw new Error('Swagger UI did not render in 120 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  times.push(ms);
  console.log(`run ${i + 1}: ${ms.toFixed(0)} ms to ${operations} operations rendered`);
}
times.sort((a, b) => a - b);
console.log(
  `median ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${runs} runs ` +
    `(${url}, ${browser} headless, cache disabled)`,
);
socket.close();
child.kill();
fs.rmSync(profile, { recursive: true, force: true });
