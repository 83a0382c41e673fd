// The pure parts of webhooks: which addresses are public (SSRF), Standard Webhooks signatures
// against the independent implementation, event patterns, the retry schedule.
import t from 'tap';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { isPublicAddress, guardedLookup, webhookUrlProblem } from '../../src/modules/webhooks/url-policy.js';
import { generateSecret, secretKey, signatureHeader } from '../../src/modules/webhooks/signature.js';
import { matchesAny, RETRY_DELAYS_MS, retryDelayMs } from '../../src/modules/webhooks/delivery-policy.js';
import { postWebhook } from '../../src/modules/webhooks/sender.js';
import { startReceiver } from '../helpers/receiver.js';
import { render } from '../../src/i18n/catalogue.js';

t.test(
  'when an address is loopback, private, link-local, shared, reserved or multicast, then it is not public — at the ' +
    'edges of each range',
  async (t) => {
    const cases: Array<[string, boolean]> = [
      ['9.255.255.255', true],
      ['10.0.0.0', false],
      ['10.255.255.255', false],
      ['11.0.0.0', true],
      ['100.63.255.255', true],
      ['100.64.0.0', false],
      ['100.127.255.255', false],
      ['100.128.0.0', true],
      ['126.255.255.255', true],
      ['127.0.0.1', false],
      ['127.255.255.255', false],
      ['128.0.0.0', true],
      ['169.253.255.255', true],
      ['169.254.169.254', false],
      ['169.255.0.0', true],
      ['172.15.255.255', true],
      ['172.16.0.0', false],
      ['172.31.255.255', false],
      ['172.32.0.0', true],
      ['192.167.255.255', true],
      ['192.168.0.1', false],
      ['192.169.0.0', true],
      ['198.17.255.255', true],
      ['198.18.0.0', false],
      ['198.19.255.255', false],
      ['198.20.0.0', true],
      ['223.255.255.255', true],
      ['224.0.0.1', false],
      ['255.255.255.255', false],
      ['0.0.0.0', false],
      ['8.8.8.8', true],
      ['::1', false],
      ['::', false],
      ['::ffff:127.0.0.1', false],
      ['::ffff:8.8.8.8', false],
      ['fc00::1', false],
      ['fdff:ffff::1', false],
      ['fe80::1', false],
      ['ff02::1', false],
      ['2001:db8::1', false],
      ['2a00:1450:4001::1', true],
      ['2606:4700::1111', true],
      ['not-an-ip', false],
    ];
    for (const [address, expected] of cases) t.equal(isPublicAddress(address), expected, address);
  },
);

t.test(
  'when a URL is checked for a subscription, then only public https passes by default; http and private targets only ' +
    'where allowed',
  async (t) => {
    const said = (url: string, allow: boolean) => {
      const problem = webhookUrlProblem(url, allow);
      return problem === null ? null : render('en', problem);
    };
    t.equal(said('https://hooks.example.org/piis', false), null);
    t.equal(said('https://8.8.8.8/x', false), null);
    t.equal(said('http://hooks.example.org/piis', false), 'must use https');
    t.match(said('https://127.0.0.1/x', false), /loopback, private or reserved/);
    t.match(said('https://localhost:8443/x', false), /local host name/);
    t.equal(said('http://127.0.0.1:9999/x', true), null);
    t.match(said('https://a:b@example.org/', true), /credentials/);
    t.match(said('https://example.org/#x', true), /fragment/);
    t.match(said('ftp://example.org/', true), /https or http/);
  },
);

t.test('when a name resolves to a loopback address at delivery, then the connection is refused', async (t) => {
  const lookup = guardedLookup(false);
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
    lookup('localhost', {}, (e) => resolve(e)),
  );
  t.equal(error?.code, 'EADDRNOTALLOWED');
  const allowed = await new Promise<unknown>((resolve) =>
    guardedLookup(true)('localhost', {}, (e, address) => resolve(e ?? address)),
  );
  t.match(allowed, /^(127\.0\.0\.1|::1)$/);
});

t.test('when a delivery targets loopback without permission, then it is refused before any connection', async (t) => {
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const refused = await postWebhook(`${receiver.url}/x`, {}, '{}', { timeoutMs: 1000, allowPrivateNetworks: false });
  t.equal(refused.outcome, 'refused');
  const refusedTls = await postWebhook(receiver.url.replace('http:', 'https:'), {}, '{}', {
    timeoutMs: 1000,
    allowPrivateNetworks: false,
  });
  t.equal(refusedTls.outcome, 'refused');
  t.equal(receiver.received.length, 0);
  const delivered = await postWebhook(`${receiver.url}/x`, {}, '{}', { timeoutMs: 1000, allowPrivateNetworks: true });
  t.same({ ...delivered, durationMs: 0 }, { outcome: 'delivered', statusCode: 204, error: null, durationMs: 0 });
});

t.test(
  'when a delivery is signed, then the independent Standard Webhooks implementation computes the same signature and ' +
    'verifies it',
  async (t) => {
    for (const secret of [
      generateSecret(),
      `whsec_${Buffer.alloc(24, 3).toString('base64')}`,
      `whsec_${Buffer.alloc(64, 250).toString('base64')}`,
    ]) {
      const body = JSON.stringify({
        type: 'piis.signed',
        timestamp: '2026-03-08T10:00:00.000Z',
        data: { id: 'x', é: 'ü' },
      });
      const id = '01900000-0000-7000-8000-000000000001';
      const now = Math.floor(Date.now() / 1000);
      const ours = signatureHeader(secret, id, now, body);
      t.equal(ours, new StandardWebhook(secret).sign(id, new Date(now * 1000), body));
      t.ok(
        new StandardWebhook(secret).verify(body, {
          'webhook-id': id,
          'webhook-timestamp': String(now),
          'webhook-signature': ours,
        }),
      );
    }
  },
);

t.test('when a secret is given, then it must be whsec_ + base64 of 24 to 64 bytes', async (t) => {
  t.ok(secretKey(`whsec_${Buffer.alloc(24).toString('base64')}`));
  t.ok(secretKey(`whsec_${Buffer.alloc(64).toString('base64')}`));
  t.equal(secretKey(`whsec_${Buffer.alloc(23).toString('base64')}`), null);
  t.equal(secretKey(`whsec_${Buffer.alloc(65).toString('base64')}`), null);
  t.equal(secretKey(`whsek_${Buffer.alloc(32).toString('base64')}`), null);
  t.equal(secretKey('whsec_!!!!'), null);
});

t.test('when events are matched against patterns, then exact types, kinds (x.*) and * work', async (t) => {
  t.ok(matchesAny(['*'], 'piis.signed'));
  t.ok(matchesAny(['piis.*'], 'piis.signed'));
  t.notOk(matchesAny(['piis.*'], 'piisx.signed'));
  t.notOk(matchesAny(['piis.*'], 'beneficiary.created'));
  t.ok(matchesAny(['beneficiary.created', 'piis.signed'], 'piis.signed'));
  t.notOk(matchesAny(['piis.signed'], 'piis.signature_recorded'));
});

t.test(
  'when deliveries keep failing, then the first retry comes within seconds and the retries span at least 24 h, growing',
  async (t) => {
    t.ok(RETRY_DELAYS_MS[0]! * 1.25 <= 5_000, 'first retry');
    const total = RETRY_DELAYS_MS.reduce((s, d) => s + d, 0);
    t.ok(total >= 24 * 3_600_000, `total ${(total / 3_600_000).toFixed(1)} h before jitter (jitter only adds)`);
    for (let i = 1; i < RETRY_DELAYS_MS.length; i++) t.ok(RETRY_DELAYS_MS[i]! >= RETRY_DELAYS_MS[i - 1]!);
    t.equal(
      retryDelayMs(RETRY_DELAYS_MS, 1, () => 0),
      3_000,
    );
    t.equal(
      retryDelayMs(RETRY_DELAYS_MS, 1, () => 0.999_999),
      3_750,
    );
    t.equal(
      retryDelayMs(RETRY_DELAYS_MS, RETRY_DELAYS_MS.length, () => 0),
      RETRY_DELAYS_MS.at(-1),
    );
    t.equal(retryDelayMs(RETRY_DELAYS_MS, RETRY_DELAYS_MS.length + 1), null, 'exhausted after the tenth attempt');
  },
);
