import { expect, test } from "@blueprint/test";
import { RaftNode, type Msg } from "./solution";

const byTo = (msgs: Msg[]) => [...msgs].sort((a, b) => a.to - b.to);

test("a follower that hears nothing for electionTimeoutTicks ticks starts an election", () => {
  const node = new RaftNode({ id: 0, peers: [1, 2], electionTimeoutTicks: 3, heartbeatTicks: 1, log: [{ term: 1 }] });
  expect(node.tick()).toEqual([]);
  expect(node.tick()).toEqual([]);
  expect(byTo(node.tick())).toEqual([
    { type: "RequestVote", from: 0, to: 1, term: 1, lastLogIndex: 1, lastLogTerm: 1 },
    { type: "RequestVote", from: 0, to: 2, term: 1, lastLogIndex: 1, lastLogTerm: 1 },
  ]);
  expect(node.role).toBe("candidate");
  expect(node.term).toBe(1);
  expect(node.votedFor).toBe(0);
});

test("a node grants one vote per term, to a candidate whose log is up to date", () => {
  const node = new RaftNode({ id: 2, peers: [0, 1], electionTimeoutTicks: 10, heartbeatTicks: 1, log: [] });
  expect(node.receive({ type: "RequestVote", from: 0, to: 2, term: 1, lastLogIndex: 0, lastLogTerm: 0 })).toEqual([
    { type: "Vote", from: 2, to: 0, term: 1, granted: true },
  ]);
  expect(node.votedFor).toBe(0);
  expect(node.receive({ type: "RequestVote", from: 1, to: 2, term: 1, lastLogIndex: 5, lastLogTerm: 1 })).toEqual([
    { type: "Vote", from: 2, to: 1, term: 1, granted: false },
  ]);
});

test("a candidate with a majority becomes leader and sends heartbeats at once", () => {
  const node = new RaftNode({ id: 0, peers: [1, 2], electionTimeoutTicks: 1, heartbeatTicks: 2, log: [] });
  node.tick();
  expect(byTo(node.receive({ type: "Vote", from: 1, to: 0, term: 1, granted: true }))).toEqual([
    { type: "Heartbeat", from: 0, to: 1, term: 1 },
    { type: "Heartbeat", from: 0, to: 2, term: 1 },
  ]);
  expect(node.role).toBe("leader");
  expect(node.tick()).toEqual([]);
  expect(node.tick()).toHaveLength(2);
});

test("a message with a higher term turns a leader into a follower", () => {
  const node = new RaftNode({ id: 0, peers: [1, 2], electionTimeoutTicks: 1, heartbeatTicks: 2, log: [] });
  node.tick();
  node.receive({ type: "Vote", from: 2, to: 0, term: 1, granted: true });
  expect(node.receive({ type: "HeartbeatAck", from: 1, to: 0, term: 4 })).toEqual([]);
  expect(node.role).toBe("follower");
  expect(node.term).toBe(4);
  expect(node.votedFor).toBeNull();
});

test("a current-term heartbeat is acknowledged and resets the election timer", () => {
  const node = new RaftNode({ id: 1, peers: [0, 2], electionTimeoutTicks: 3, heartbeatTicks: 1, log: [] });
  node.tick();
  node.tick();
  expect(node.receive({ type: "Heartbeat", from: 0, to: 1, term: 0 })).toEqual([
    { type: "HeartbeatAck", from: 1, to: 0, term: 0 },
  ]);
  expect(node.tick()).toEqual([]);
  expect(node.tick()).toEqual([]);
  expect(node.role).toBe("follower");
});
