import { describe, expect, test } from "vitest";
import { gradeCard, newCardState, retrievability } from "./scheduler";

const day = 24 * 60 * 60 * 1000;

describe("FSRS scheduling through ts-fsrs", () => {
  const now = new Date("2026-03-01T09:00:00Z");

  test("Again brings a new card back the same day; Good later than Hard; Easy later than Good", () => {
    const fresh = newCardState(now);
    const again = gradeCard(fresh, 1, now).due.getTime();
    const hard = gradeCard(fresh, 2, now).due.getTime();
    const good = gradeCard(fresh, 3, now).due.getTime();
    const easy = gradeCard(fresh, 4, now).due.getTime();
    expect(again - now.getTime()).toBeLessThan(day);
    expect(good).toBeGreaterThan(hard);
    expect(easy).toBeGreaterThan(good);
  });

  test("retrievability is 0 before any review and falls as days pass after one", () => {
    const fresh = newCardState(now);
    expect(retrievability(fresh, now)).toBe(0);
    const reviewed = gradeCard(fresh, 4, now);
    const soon = retrievability(reviewed, new Date(now.getTime() + day));
    const later = retrievability(reviewed, new Date(now.getTime() + 30 * day));
    expect(soon).toBeGreaterThan(later);
    expect(soon).toBeLessThanOrEqual(1);
    expect(later).toBeGreaterThan(0);
  });
});
