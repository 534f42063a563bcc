/** Framework prefixes that posts often leave out: `PacketTunnelProvider` for `NEPacketTunnelProvider`. */
const PREFIXES = ['NE', 'NW', 'OS', 'BG', 'CN', 'SC', 'CF', 'NS', 'UI', 'CX', 'PK', 'Sec', 'sec_', 'nw_'];

/** The forms a user may type for an API name: the name itself, and the name without its framework prefix. */
export function apiAliases(api: string): string[] {
  const out = [api];
  for (const prefix of PREFIXES) {
    if (api.startsWith(prefix) && api.length > prefix.length + 2) {
      const rest = api.slice(prefix.length);
      if (/^[A-Z]/.test(rest) || prefix.endsWith('_')) out.push(rest);
    }
  }
  return out;
}
