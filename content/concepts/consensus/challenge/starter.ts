export type Msg =
  | { type: "RequestVote"; from: number; to: number; term: number; lastLogIndex: number; lastLogTerm: number }
  | { type: "Vote"; from: number; to: number; term: number; granted: boolean }
  | { type: "Heartbeat"; from: number; to: number; term: number }
  | { type: "HeartbeatAck"; from: number; to: number; term: number };

/**
 * One Raft node's election logic as a pure state machine (no timers, no I/O):
 * tick() is one unit of time passing, receive() handles one message, and both
 * return the messages the node wants to send.
 */
export class RaftNode {
  private currentRole: "follower" | "candidate" | "leader" = "follower";
  private currentTerm = 0;
  private vote: number | null = null;

  constructor(
    private readonly opts: {
      id: number;
      peers: number[]; // the other nodes only
      electionTimeoutTicks: number;
      heartbeatTicks: number;
      log: Array<{ term: number }>; // lastLogIndex = log.length, lastLogTerm = the last entry's term (0 if empty)
    },
  ) {}

  get role(): "follower" | "candidate" | "leader" {
    return this.currentRole;
  }

  get term(): number {
    return this.currentTerm;
  }

  get votedFor(): number | null {
    return this.vote;
  }

  tick(): Msg[] {
    // Followers and candidates: count a tick; at electionTimeoutTicks start an election.
    // Leaders: send Heartbeat to every peer every heartbeatTicks ticks.
    return [];
  }

  receive(msg: Msg): Msg[] {
    // 1. Ignore messages addressed to another node.
    // 2. A higher term makes this node a follower in that term (votedFor = null).
    // 3. Handle RequestVote, Vote, Heartbeat and HeartbeatAck.
    void msg;
    return [];
  }
}
