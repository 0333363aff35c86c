// solution-canary:consensus (tests/e2e/bundle.spec.ts: this string must never reach a browser)
export type Msg =
  | { type: "RequestVote"; from: number; to: number; term: number; lastLogIndex: number; lastLogTerm: number }
  | { type: "Vote"; from: number; to: number; term: number; granted: boolean }
  | { type: "Heartbeat"; from: number; to: number; term: number }
  | { type: "HeartbeatAck"; from: number; to: number; term: number };

type Role = "follower" | "candidate" | "leader";

/** One Raft node's election logic as a pure state machine: no timers, no I/O. */
export class RaftNode {
  private readonly id: number;
  private readonly peers: number[];
  private readonly electionTimeoutTicks: number;
  private readonly heartbeatTicks: number;
  private readonly lastLogIndex: number;
  private readonly lastLogTerm: number;

  private currentRole: Role = "follower";
  private currentTerm = 0;
  private vote: number | null = null;
  private electionElapsed = 0;
  private heartbeatElapsed = 0;
  private readonly votes = new Set<number>();

  constructor(opts: {
    id: number;
    peers: number[];
    electionTimeoutTicks: number;
    heartbeatTicks: number;
    log: Array<{ term: number }>;
  }) {
    this.id = opts.id;
    this.peers = [...opts.peers];
    this.electionTimeoutTicks = opts.electionTimeoutTicks;
    this.heartbeatTicks = opts.heartbeatTicks;
    this.lastLogIndex = opts.log.length;
    this.lastLogTerm = opts.log[opts.log.length - 1]?.term ?? 0;
  }

  get role(): Role {
    return this.currentRole;
  }

  get term(): number {
    return this.currentTerm;
  }

  get votedFor(): number | null {
    return this.vote;
  }

  tick(): Msg[] {
    if (this.currentRole === "leader") {
      this.heartbeatElapsed++;
      if (this.heartbeatElapsed < this.heartbeatTicks) return [];
      this.heartbeatElapsed = 0;
      return this.heartbeats();
    }
    this.electionElapsed++;
    if (this.electionElapsed < this.electionTimeoutTicks) return [];
    return this.startElection();
  }

  receive(msg: Msg): Msg[] {
    if (msg.to !== this.id) return [];
    if (msg.term > this.currentTerm) {
      // A newer term exists: follow it. The election timer keeps running.
      this.currentTerm = msg.term;
      this.currentRole = "follower";
      this.vote = null;
    }
    switch (msg.type) {
      case "RequestVote":
        return [this.answerVoteRequest(msg)];
      case "Vote":
        return this.countVote(msg);
      case "Heartbeat":
        return [this.answerHeartbeat(msg)];
      case "HeartbeatAck":
        return []; // nothing to do in an election-only node
    }
  }

  private startElection(): Msg[] {
    this.currentRole = "candidate";
    this.currentTerm++;
    this.vote = this.id;
    this.votes.clear();
    this.votes.add(this.id);
    this.electionElapsed = 0;
    if (this.hasMajority()) return this.becomeLeader();
    return this.peers.map((to) => ({
      type: "RequestVote" as const,
      from: this.id,
      to,
      term: this.currentTerm,
      lastLogIndex: this.lastLogIndex,
      lastLogTerm: this.lastLogTerm,
    }));
  }

  private answerVoteRequest(msg: Extract<Msg, { type: "RequestVote" }>): Msg {
    let granted = false;
    if (msg.term === this.currentTerm && (this.vote === null || this.vote === msg.from)) {
      const upToDate =
        msg.lastLogTerm > this.lastLogTerm ||
        (msg.lastLogTerm === this.lastLogTerm && msg.lastLogIndex >= this.lastLogIndex);
      if (upToDate) {
        granted = true;
        this.vote = msg.from;
        this.electionElapsed = 0;
      }
    }
    return { type: "Vote", from: this.id, to: msg.from, term: this.currentTerm, granted };
  }

  private countVote(msg: Extract<Msg, { type: "Vote" }>): Msg[] {
    if (msg.term < this.currentTerm || this.currentRole !== "candidate" || !msg.granted) return [];
    if (!this.peers.includes(msg.from)) return [];
    this.votes.add(msg.from);
    return this.hasMajority() ? this.becomeLeader() : [];
  }

  private answerHeartbeat(msg: Extract<Msg, { type: "Heartbeat" }>): Msg {
    if (msg.term === this.currentTerm) {
      if (this.currentRole === "candidate") this.currentRole = "follower";
      this.electionElapsed = 0;
    }
    return { type: "HeartbeatAck", from: this.id, to: msg.from, term: this.currentTerm };
  }

  private hasMajority(): boolean {
    return this.votes.size * 2 > this.peers.length + 1;
  }

  private becomeLeader(): Msg[] {
    this.currentRole = "leader";
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    return this.heartbeats();
  }

  private heartbeats(): Msg[] {
    return this.peers.map((to) => ({ type: "Heartbeat" as const, from: this.id, to, term: this.currentTerm }));
  }
}
