// Structural sharing between two versions of a value made of JSON (a report, a preview,
// findings): every part of `next` that equals the same part of `previous` is replaced by
// the previous object itself. The page then redraws only what changed (Svelte compares
// objects by identity), and an edit that changed nothing gives the previous value back.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `next` with each part equal to `previous`'s replaced by it; `previous` itself when the
 * two are equal. `next` is changed in place (its changed objects keep their unchanged
 * parts shared), so it must be a value of its own (a copy, a reply just parsed).
 */
export function share<T>(previous: T, next: T): T {
  return shareJson(previous as Json, next as Json) as T;
}

function shareJson(previous: Json, next: Json): Json {
  if (previous === next) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    for (let i = 0; i < next.length; i++) {
      const shared = i < previous.length ? shareJson(previous[i] as Json, next[i] as Json) : next[i];
      if (shared !== previous[i]) same = false;
      next[i] = shared as Json;
    }
    return same ? previous : next;
  }
  if (isObject(previous) && isObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    for (const key of keys) {
      const shared = key in previous ? shareJson(previous[key] as Json, next[key] as Json) : next[key];
      if (shared !== previous[key]) same = false;
      next[key] = shared as Json;
    }
    return same ? previous : next;
  }
  return next;
}
