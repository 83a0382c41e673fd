// Where webhooks may go (contract: WEBHOOK_ALLOW_PRIVATE_NETWORKS). By default only public https
// URLs: no loopback, private, link-local, shared, multicast or reserved address — checked on the
// URL when the subscription is created and again on every address a name resolves to when a
// delivery connects (a name that later resolves to 127.0.0.1 is refused then), so the service
// cannot be turned against its own network (SSRF).
import dns from 'node:dns';
import net from 'node:net';
import { msg, type Message } from '../../i18n/catalogue.js';

const notPublic = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  notPublic.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
  // unspecified, loopback, NAT64 (it reaches IPv4 addresses), discard-only, documentation, 6to4,
  // unique-local, link-local, site-local, multicast
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  notPublic.addSubnet(address, prefix, 'ipv6');
}

// IPv4-mapped IPv6 addresses are refused whatever they map to. (A BlockList rule for
// ::ffff:0:0/96 would also match every plain IPv4 address, so it lives in a list of its own.)
const ipv4Mapped = new net.BlockList();
ipv4Mapped.addSubnet('::ffff:0:0', 96, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6 && ipv4Mapped.check(address, 'ipv6')) return false;
  return !notPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/** Why a subscription URL is refused, or null when it is acceptable. */
export function webhookUrlProblem(raw: string, allowPrivateNetworks: boolean): Message | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return msg('url.not-absolute');
  }
  if (url.protocol !== 'https:' && !(allowPrivateNetworks && url.protocol === 'http:')) {
    return msg(allowPrivateNetworks ? 'url.https-or-http' : 'url.https');
  }
  if (url.username || url.password) return msg('url.credentials');
  if (url.hash) return msg('url.fragment');
  if (allowPrivateNetworks) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return isPublicAddress(host) ? null : msg('url.private-address');
  if (LOCAL_NAMES.test(host) || !host.includes('.')) return msg('url.local-name');
  return null;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup for outgoing deliveries that refuses names resolving to any non-public address
 * (every address is checked, not only the one used).
 */
export function guardedLookup(allowPrivateNetworks: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as dns.LookupAddress[];
      const refused = allowPrivateNetworks ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (refused || list.length === 0) {
        const denied = Object.assign(new Error(refused ? `address not allowed: ${refused.address}` : 'no address'), {
          code: 'EADDRNOTALLOWED',
        });
        return callback(denied, '');
      }
      if (options.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
