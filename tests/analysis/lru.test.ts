import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../src/analysis/lru";

describe("BoundedCache", () => {
  it("drops the least recently used entries past the entry count or the total weight", () => {
    const cache = new BoundedCache<string, number>(3, 100);
    cache.set("a", 1, 10);
    cache.set("b", 2, 10);
    cache.set("c", 3, 10);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("d", 4, 10); // four entries: b goes
    expect([cache.get("b"), cache.get("c"), cache.get("a"), cache.get("d")]).toEqual([undefined, 3, 1, 4]);
    cache.set("e", 5, 85); // weight 115: c, then a go
    expect([cache.get("c"), cache.get("a"), cache.get("d"), cache.get("e")]).toEqual([undefined, undefined, 4, 5]);
    cache.set("huge", 6, 1_000); // heavier than the bound on its own: kept alone
    expect([cache.size, cache.get("huge")]).toEqual([1, 6]);
    cache.set("huge", 7, 1); // replacing an entry replaces its weight
    cache.set("f", 8, 1);
    expect([cache.get("huge"), cache.get("f")]).toEqual([7, 8]);
  });
});
