import type { LessonComponentName } from "@/lib/content/lesson-components";
import { TokenBucketModel } from "../models/rate-limiting-model";
import { Callout } from "./callout";
import { Figure } from "./figure";
import { FollowUp } from "./follow-up";

// Every component a lesson may use; lib/content/lesson-components.ts lists the same
// names for the content checks, and `satisfies` keeps the two in step.
export const mdxComponents = {
  Callout,
  Figure,
  FollowUp,
  TokenBucketModel,
} satisfies Record<LessonComponentName, unknown>;
