/** Thrown when a CP store cannot reach enough replicas to serve a request. */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}

/**
 * A key-value store replicated on replicas 0..n-1. A request enters at replica `via`
 * and reaches only the replicas in the same partition group (a replica named in no
 * group is alone). Every accepted write takes the next value of one store-wide
 * version counter and lands on every reachable replica; a read returns the
 * highest-version value among the reachable replicas.
 *
 * CP: a write needs >= w reachable replicas and a read >= r, else UnavailableError.
 * AP: always answers; heal() makes every replica take the highest version of each key.
 */
export class QuorumStore {
  constructor(private readonly opts: { n: number; w: number; r: number; mode: "CP" | "AP" }) {}

  partition(groups: number[][]): void {
    void groups;
  }

  heal(): void {}

  write(key: string, value: string, via: number): void {
    // Find the replicas `via` can reach, check the quorum (CP), then store a new version on each.
    void key;
    void value;
    void via;
  }

  read(key: string, via: number): string | undefined {
    void key;
    void via;
    return undefined;
  }
}
