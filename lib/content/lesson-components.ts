// The components a lesson may use in MDX. The app's registry
// (app/_components/lesson/mdx-components.tsx) must provide exactly these, which
// TypeScript enforces; the content checks reject any other capitalised tag.
export const LESSON_COMPONENTS = [
  "Callout",
  "Figure",
  "FollowUp",
  "TokenBucketModel",
  "CapTheoremModel",
  "ConsensusModel",
  "BloomFilterModel",
  "MessageQueueModel",
  "PubSubModel",
  "MicroservicesModel",
  "CircuitBreakerModel",
  "ConnectionPoolModel",
  "HeartbeatModel",
  "ChecksumCrcModel",
  "LoadBalancerModel",
  "ApiGatewayModel",
  "ProxyModel",
  "ShardingModel",
  "ReplicationModel",
  "IndexingModel",
  "CdnModel",
  "CachingModel",
  "ConsistentHashingModel",
] as const;

export type LessonComponentName = (typeof LESSON_COMPONENTS)[number];
