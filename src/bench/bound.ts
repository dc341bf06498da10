// The fastest any client could do a run's minimum traffic under the documented rate limits.
//
// Under a sliding window of `max` requests per `w` ms, the k-th request (0-based) of a burst can
// start no earlier than ⌊k/max⌋·w after the first. Personio pages sit under two windows (15/s and
// 300/min), so S_P(k) = max(⌊k/15⌋·1 s, ⌊k/300⌋·60 s); Leapsome has one, S_L(k) = ⌊k/30⌋·1 s.
//
//   read  = max( Personio: auth → the attribute check and the first page together → the other pages:
//                2·RTT + max(RTT, S_P(P)) when P > 1, else 2·RTT (the attribute check is request 0
//                under the employees windows, as the sandbox counts it; the pages are 1..P),
//                Leapsome: first user/group page → the other pages: RTT, or 2·RTT with more pages )
//   write = S_L(W−1) + phases·RTT   (0 when W = 0)
//   bound = read + write
//
// Reads and writes are sequential phases (the plan needs both sides read first). Within the write
// phase each dependent step that has work (create users → patch users → create teams → patch
// teams → deactivate) costs at least one round trip. RTT is the sandbox's injected latency; CPU
// time (process start, parsing, planning) is not part of the bound.

export interface BoundInput {
  readonly rttMs: number;
  readonly personioPages: number;
  readonly scimUserPages: number;
  readonly scimGroupPages: number;
  readonly writes: number;
  /** Non-empty dependent write steps. */
  readonly writePhases: number;
}

export function personioSchedule(k: number): number {
  return Math.max(Math.floor(k / 15) * 1_000, Math.floor(k / 300) * 60_000);
}

export function leapsomeSchedule(k: number): number {
  return Math.floor(k / 30) * 1_000;
}

export function lowerBoundMs(input: BoundInput): { readonly readMs: number; readonly writeMs: number; readonly totalMs: number } {
  const rtt = input.rttMs;
  const personio = input.personioPages > 1 ? 2 * rtt + Math.max(rtt, personioSchedule(input.personioPages)) : 2 * rtt;
  const morePages = input.scimUserPages > 1 || input.scimGroupPages > 1;
  const leapsome = (morePages ? 2 : 1) * rtt + leapsomeSchedule(Math.max(0, input.scimUserPages + input.scimGroupPages - 1));
  const readMs = Math.max(personio, leapsome);
  const writeMs = input.writes === 0 ? 0 : leapsomeSchedule(input.writes - 1) + input.writePhases * rtt;
  return { readMs, writeMs, totalMs: readMs + writeMs };
}
