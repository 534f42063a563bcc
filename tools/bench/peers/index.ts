import type { BenchEngine } from './bench-engine';
import { FlexSearchPeer } from './flexsearch-peer';
import { MiniSearchPeer } from './minisearch-peer';
import { OramaPeer } from './orama-peer';

/** The peer libraries the benchmark can compare with, by name. */
export const PEERS = {
  minisearch: () => new MiniSearchPeer(),
  flexsearch: () => new FlexSearchPeer(),
  orama: () => new OramaPeer(),
} as const satisfies Record<string, () => BenchEngine>;
export type PeerName = keyof typeof PEERS;
export const PEER_NAMES = Object.keys(PEERS) as PeerName[];

/** A new, unbuilt peer engine. */
export function createPeer(name: PeerName): BenchEngine {
  return PEERS[name]();
}
