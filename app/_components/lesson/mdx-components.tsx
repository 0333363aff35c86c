import type { LessonComponentName } from "@/lib/content/lesson-components";
import { ApiGatewayModel } from "../models/api-gateway-model";
import { BloomFilterModel } from "../models/bloom-filter-model";
import { CachingModel } from "../models/caching-model";
import { CdnModel } from "../models/cdn-model";
import { ChecksumCrcModel } from "../models/checksum-crc-model";
import { CircuitBreakerModel } from "../models/circuit-breaker-model";
import { ConnectionPoolModel } from "../models/connection-pool-model";
import { CapTheoremModel } from "../models/cap-theorem-model";
import { ConsensusModel } from "../models/consensus-model";
import { ConsistentHashingModel } from "../models/consistent-hashing-model";
import { HeartbeatModel } from "../models/heartbeat-model";
import { IndexingModel } from "../models/indexing-model";
import { LoadBalancerModel } from "../models/load-balancer-model";
import { MessageQueueModel } from "../models/message-queue-model";
import { MicroservicesModel } from "../models/microservices-model";
import { ProxyModel } from "../models/proxy-model";
import { PubSubModel } from "../models/pub-sub-model";
import { TokenBucketModel } from "../models/rate-limiting-model";
import { ReplicationModel } from "../models/replication-model";
import { ShardingModel } from "../models/sharding-model";
import type { ComponentProps } from "react";
import { Callout } from "./callout";
import { Figure } from "./figure";
import { FollowUp } from "./follow-up";

/** A lesson's code block: it may scroll sideways, so it takes keyboard focus and has a name. */
function LessonPre(props: ComponentProps<"pre">) {
  return <pre tabIndex={0} role="region" aria-label="Code example" {...props} />;
}

// Every component a lesson may use; lib/content/lesson-components.ts lists the same
// names for the content checks, and `satisfies` keeps the two in step.
const lessonComponents = {
  Callout,
  Figure,
  FollowUp,
  TokenBucketModel,
  CapTheoremModel,
  ConsensusModel,
  BloomFilterModel,
  MessageQueueModel,
  PubSubModel,
  MicroservicesModel,
  CircuitBreakerModel,
  ConnectionPoolModel,
  HeartbeatModel,
  ChecksumCrcModel,
  LoadBalancerModel,
  ApiGatewayModel,
  ProxyModel,
  ShardingModel,
  ReplicationModel,
  IndexingModel,
  CdnModel,
  CachingModel,
  ConsistentHashingModel,
} satisfies Record<LessonComponentName, unknown>;

/** What MDX renders with: the lesson components and the HTML elements we restyle. */
export const mdxComponents = { ...lessonComponents, pre: LessonPre };
