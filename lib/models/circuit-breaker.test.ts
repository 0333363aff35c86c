import { describe, expect, test } from "vitest";
import { CONFIG, currentState, describe as describeModel, initialModel, sendRequest, setFallback, setHealthy, wait, type CbModel } from "./circuit-breaker";

function repeat(m: CbModel, n: number, step: (m: CbModel) => CbModel): CbModel {
  let out = m;
  for (let i = 0; i < n; i++) out = step(out);
  return out;
}

describe("circuit breaker model logic", () => {
  test("opens after failureThreshold consecutive failures", () => {
    let m = setHealthy(initialModel(), false);
    m = repeat(m, CONFIG.failureThreshold - 1, sendRequest);
    expect(currentState(m)).toBe("CLOSED");
    m = sendRequest(m);
    expect(currentState(m)).toBe("OPEN");
    expect(m.calls.toDependency).toBe(CONFIG.failureThreshold);
  });

  test("a success resets the count", () => {
    let m = setHealthy(initialModel(), false);
    m = repeat(m, CONFIG.failureThreshold - 1, sendRequest);
    m = sendRequest(setHealthy(m, true));
    m = repeat(setHealthy(m, false), CONFIG.failureThreshold - 1, sendRequest);
    expect(currentState(m)).toBe("CLOSED");
  });

  test("open refuses without calling, with fallback or error", () => {
    let m = repeat(setHealthy(initialModel(), false), CONFIG.failureThreshold, sendRequest);
    m = sendRequest(m);
    expect(m.calls.refused).toBe(1);
    expect(m.events.at(-1)?.served).toBe("fallback");
    m = sendRequest(setFallback(m, false));
    expect(m.events.at(-1)?.served).toBe("error");
    expect(m.calls.toDependency).toBe(CONFIG.failureThreshold);
  });

  test("half-open after the timeout, closes after successful trials, reopens on a failure", () => {
    let m = repeat(setHealthy(initialModel(), false), CONFIG.failureThreshold, sendRequest);
    m = wait(m, CONFIG.resetTimeoutMs - 1000);
    expect(currentState(m)).toBe("OPEN");
    m = wait(m, 1000);
    expect(currentState(m)).toBe("HALF_OPEN");
    m = sendRequest(m); // still failing: reopens
    expect(currentState(m)).toBe("OPEN");
    m = wait(m, CONFIG.resetTimeoutMs);
    m = setHealthy(m, true);
    m = repeat(m, CONFIG.successThreshold - 1, sendRequest);
    expect(currentState(m)).toBe("HALF_OPEN");
    m = sendRequest(m);
    expect(currentState(m)).toBe("CLOSED");
  });

  test("is deterministic and describes itself", () => {
    const run = () => wait(repeat(setHealthy(initialModel(), false), 4, sendRequest), 2000);
    expect(run()).toEqual(run());
    expect(describeModel(run())).toContain("OPEN");
    expect(describeModel(initialModel())).toContain("CLOSED");
    expect(run().events.length).toBeLessThanOrEqual(24);
  });
});
