/**
 * Spreads agent segments over the agents' channels: a segment of an agent serving k channels
 * becomes k rows, one per channel, each with weight 1/k, so that an agent counts once in the
 * total of all channels (the "documented share": a multi-skilled agent is 1/k of an agent on
 * each of its k channels, which is what a time-sliced, blended agent supplies on average).
 * Segments whose `keep` flag is 0 (e.g. non-productive activities, logged-out states) and agents
 * without channels are left out.
 *
 * Method: the agents' channels in compressed rows (channels of agent a are
 * `channels[offsets[a]..offsets[a + 1])`); two passes (count, then fill). Complexity O(n + k)
 * for n segments and k output rows.
 *
 * @example
 * // agent 0 on channels 3 and 5: one segment becomes two rows of weight 0.5
 * spreadAcrossChannels(Int32Array.of(0), Float64Array.of(0), Float64Array.of(60), Uint8Array.of(1),
 *   Int32Array.of(0, 2), Int32Array.of(3, 5)).weight; // Float64Array [0.5, 0.5]
 */
export function spreadAcrossChannels(
  agent: Int32Array,
  start: Float64Array,
  end: Float64Array,
  keep: Uint8Array,
  offsets: Int32Array,
  channels: Int32Array,
): { start: Float64Array; end: Float64Array; weight: Float64Array; channel: Int32Array } {
  const n = agent.length;
  if (start.length !== n || end.length !== n || keep.length !== n) {
    throw new RangeError('spreadAcrossChannels requires columns of equal length');
  }
  const agents = offsets.length - 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = agent[i];
    if (!(a >= 0 && a < agents)) throw new RangeError(`spreadAcrossChannels requires agent indexes in 0..${agents - 1}, got ${a}`);
    if (keep[i] === 1) total += offsets[a + 1] - offsets[a];
  }
  const out = { start: new Float64Array(total), end: new Float64Array(total), weight: new Float64Array(total), channel: new Int32Array(total) };
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    const a = agent[i];
    const k = offsets[a + 1] - offsets[a];
    for (let c = offsets[a]; c < offsets[a + 1]; c++, o++) {
      out.start[o] = start[i];
      out.end[o] = end[i];
      out.weight[o] = 1 / k;
      out.channel[o] = channels[c];
    }
  }
  return out;
}
