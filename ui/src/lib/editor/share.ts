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
 * two are equal. Neither value is changed: where a part of `next` takes shared children,
 * a new object holds them, so objects `next` shares with older values (an edit's result
 * holds the parts it did not touch) stay as they are. Parts identical in both are not
 * looked into, so comparing two versions of an edit costs only the changed paths.
 */
export function share<T>(previous: T, next: T): T {
  return shareJson(previous as Json, next as Json) as T;
}

function shareJson(previous: Json, next: Json): Json {
  if (previous === next) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    let copy: Json[] | null = null;
    for (let i = 0; i < next.length; i++) {
      const item = next[i] as Json;
      const shared = i < previous.length ? shareJson(previous[i] as Json, item) : item;
      if (shared !== previous[i]) same = false;
      if (shared !== item) (copy ??= next.slice())[i] = shared;
    }
    return same ? previous : (copy ?? next);
  }
  if (isObject(previous) && isObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    let copy: { [key: string]: Json } | null = null;
    for (const key of keys) {
      const item = next[key] as Json;
      const shared = key in previous ? shareJson(previous[key] as Json, item) : item;
      if (shared !== previous[key]) same = false;
      if (shared !== item) (copy ??= { ...next })[key] = shared;
    }
    return same ? previous : (copy ?? next);
  }
  return next;
}
