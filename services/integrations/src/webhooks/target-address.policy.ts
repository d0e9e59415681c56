import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses a webhook must never reach from inside the deployment: loopback, private, link-local, metadata, CGNAT. */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address in disguise.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return FORBIDDEN.check(mapped[1]!, 'ipv4');
    return FORBIDDEN.check(address, 'ipv6');
  }
  return FORBIDDEN.check(address, 'ipv4');
}

/** How long saving an endpoint waits for its host's addresses; a name that does not resolve in time is checked at delivery. */
const SAVE_LOOKUP_TIMEOUT_MS = 3000;

/** Every address a host name resolves to. */
export type AddressLookup = (host: string) => Promise<Array<{ address: string }>>;

const systemLookup: AddressLookup = (host) => lookup(host, { all: true, verbatim: true });

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

/**
 * Where a webhook URL may point. Checked when an endpoint is saved and again before every attempt, on the
 * address actually connected to, so a name that later resolves to an internal address (DNS rebinding) is refused.
 */
export class TargetAddressPolicy {
  constructor(
    private readonly allowPrivate: boolean,
    private readonly lookupAll: AddressLookup = systemLookup,
  ) {}

  /** Why the URL is refused as a target (without resolving it), or undefined. */
  urlProblem(raw: string): string | undefined {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'is not an absolute URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
    if (url.protocol === 'http:' && !this.allowPrivate) return 'must be an https URL';
    if (url.username || url.password) return 'must not carry credentials';
    if (url.hash) return 'must not have a fragment';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!this.allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isForbiddenAddress(host)))) {
      return 'points at a loopback, private, link-local or metadata address';
    }
    return undefined;
  }

  /**
   * Why the URL's host name is refused once resolved (any of its addresses internal), or undefined. A name that
   * does not resolve now is accepted: delivery resolves it again and refuses it then (`resolve`).
   */
  async resolvedProblem(raw: string): Promise<string | undefined> {
    if (this.allowPrivate) return undefined;
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0) return undefined; // an address is judged by urlProblem
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('lookup timed out')), SAVE_LOOKUP_TIMEOUT_MS);
    });
    try {
      const addresses = await Promise.race([this.lookupAll(host), timeout]);
      const internal = addresses.find(({ address }) => isForbiddenAddress(address));
      return internal ? `resolves to ${internal.address}, a loopback, private, link-local or metadata address` : undefined;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves the URL's host to the address to connect to; throws with a reason when it is refused. */
  async resolve(raw: string): Promise<ResolvedTarget> {
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
    const family = isIP(host);
    const resolved =
      family !== 0 ? { address: host, family: family as 4 | 6 } : ((await lookup(host, { verbatim: true })) as ResolvedTarget);
    if (!this.allowPrivate && isForbiddenAddress(resolved.address)) {
      throw new Error(`${host} resolves to ${resolved.address}, a loopback, private, link-local or metadata address`);
    }
    return resolved;
  }
}
