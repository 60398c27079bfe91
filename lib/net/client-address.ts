import http from 'node:http';
import net from 'node:net';
import { normaliseAddress } from './address';

export { normaliseAddress } from './address';

/*
 * Which address a request comes from. Forwarded headers (X-Forwarded-For and friends) are anybody's to write:
 * they are believed only when the connection itself comes from a configured proxy (TRUSTED_PROXIES, default
 * none). Every request is rewritten at the socket, before Next sees it, so that X-Forwarded-For holds exactly
 * one address — the client's — for everything downstream: better-auth's rate limits, the lockout and the
 * change record.
 */

/** Parses TRUSTED_PROXIES: addresses or CIDR ranges separated by commas or blanks. Throws on an entry it cannot read. */
export function parseTrustedProxies(value: string | undefined): net.BlockList | null {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split('/');
    const ip = normaliseAddress(addr);
    const family = ip ? net.isIP(ip) : 0;
    const prefix = bits === undefined ? null : Number(bits);
    if (
      !ip ||
      family === 0 ||
      extra !== undefined ||
      (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)))
    ) {
      throw new Error(`"${entry}" är varken en IP-adress eller ett adressintervall (t.ex. 10.0.0.0/8)`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === null) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
  }
  return list;
}

function isTrusted(ip: string | null, trusted: net.BlockList | null): boolean {
  if (!ip || !trusted) return false;
  const family = net.isIP(ip);
  return family !== 0 && trusted.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the connection's own peer, unless that peer is a trusted proxy; then the nearest
 * address in X-Forwarded-For that is not a trusted proxy (walking from the right, as each proxy appends).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: net.BlockList | null): string | null {
  let client = normaliseAddress(peer);
  if (!isTrusted(client, trusted)) return client;
  const hops = (forwardedFor ?? '').split(',').map(normaliseAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop || net.isIP(hop) === 0) break;
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client;
}

const FORWARDED = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/** Rewrites one incoming request's forwarded headers as described above. */
export function rewriteForwarded(req: http.IncomingMessage, trusted: net.BlockList | null): void {
  const peer = req.socket?.remoteAddress;
  const xff = req.headers['x-forwarded-for'];
  const client = clientAddress(peer, Array.isArray(xff) ? xff.join(',') : xff, trusted);
  delete req.headers['x-real-ip'];
  if (!isTrusted(normaliseAddress(peer), trusted)) for (const h of FORWARDED) delete req.headers[h];
  if (client) req.headers['x-forwarded-for'] = client;
  else delete req.headers['x-forwarded-for'];
}

const INSTALLED = Symbol.for('trygghetslaget.clientAddress');

/** Rewrites every request any HTTP server of this process receives (the one `next start` made included). */
export function installClientAddress(trusted: net.BlockList | null): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') rewriteForwarded(args[0] as http.IncomingMessage, trusted);
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
