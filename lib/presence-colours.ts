/** Presence colours: strong enough for a 2 px outline and white initials on them. */
export const PRESENCE_PALETTE = ["#be123c", "#1d4ed8", "#15803d", "#b45309", "#6d28d9", "#0e7490", "#be185d", "#4d7c0f", "#c2410c", "#4338ca", "#0f766e", "#a21caf"];

function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * A distinct colour per person in a room. Everyone computes the same answer from the same
 * set of user ids: ids in sorted order each take their hashed slot, or the next free one
 * (linear probing), so two people never share a colour until the palette runs out.
 * A person keeps their colour as others come and go unless a newcomer sorts before them
 * and collides — the price of needing no coordination.
 */
export function assignPresenceColours(userIds: Iterable<string>, palette: readonly string[] = PRESENCE_PALETTE): Map<string, string> {
  const ids = [...new Set(userIds)].sort();
  const taken = new Set<number>();
  const out = new Map<string, string>();
  for (const id of ids) {
    let slot = hash(id) % palette.length;
    if (taken.size < palette.length) while (taken.has(slot)) slot = (slot + 1) % palette.length;
    taken.add(slot);
    out.set(id, palette[slot]);
  }
  return out;
}
