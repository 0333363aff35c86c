import { catchError, expect, test } from "@blueprint/test";
import { QuorumStore, UnavailableError } from "./solution";

test("without a partition a write is visible through every replica", () => {
  const store = new QuorumStore({ n: 3, w: 2, r: 2, mode: "CP" });
  store.write("balance", "100", 0);
  expect(store.read("balance", 2)).toBe("100");
  expect(store.read("missing", 1)).toBeUndefined();
});

test("CP refuses a write on the minority side of a partition", () => {
  const store = new QuorumStore({ n: 3, w: 2, r: 2, mode: "CP" });
  store.write("balance", "100", 0);
  store.partition([[0, 1], [2]]);
  const error = catchError(() => store.write("balance", "50", 2));
  expect(error).toBeInstanceOf(UnavailableError);
  store.write("balance", "70", 1); // the majority side still has a quorum
  expect(store.read("balance", 0)).toBe("70");
});

test("AP answers on both sides, then converges to the latest write when healed", () => {
  const store = new QuorumStore({ n: 3, w: 2, r: 2, mode: "AP" });
  store.write("likes", "10", 0);
  store.partition([[0, 1], [2]]);
  store.write("likes", "11", 0);
  store.write("likes", "12", 2); // the later write
  expect(store.read("likes", 0)).toBe("11");
  expect(store.read("likes", 2)).toBe("12");
  store.heal();
  store.partition([[0, 1], [2]]);
  expect(store.read("likes", 0)).toBe("12");
});

test("a replica outside 0..n-1 is a RangeError", () => {
  const store = new QuorumStore({ n: 3, w: 2, r: 2, mode: "AP" });
  expect(() => store.write("k", "v", 3)).toThrow(RangeError);
  expect(() => store.read("k", -1)).toThrow(RangeError);
});
