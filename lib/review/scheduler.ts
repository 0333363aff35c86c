// FSRS through ts-fsrs (docs/decisions/017): the card state we store is ts-fsrs's Card,
// column for column, so scheduling is the library's and nothing of our own.
import { createEmptyCard, fsrs, State, type Card, type Grade } from "ts-fsrs";

/** What a card row holds of FSRS (lib/db/review-cards.ts maps it to columns). */
export interface FsrsState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export const GRADES = [1, 2, 3, 4] as const;
export type ReviewGrade = (typeof GRADES)[number];
export const GRADE_NAMES: Record<ReviewGrade, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

// No fuzz: the same history gives the same schedule, so tests and two app servers agree.
const scheduler = fsrs({ enable_fuzz: false });

function toCard(state: FsrsState): Card {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state as State,
    ...(state.lastReview ? { last_review: state.lastReview } : {}),
  };
}

function fromCard(card: Card): FsrsState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** A card never reviewed, due at `now`. */
export function newCardState(now: Date): FsrsState {
  return fromCard(createEmptyCard(now));
}

/** The state after grading at `now`. */
export function gradeCard(state: FsrsState, grade: ReviewGrade, now: Date): FsrsState {
  return fromCard(scheduler.next(toCard(state), now, grade as Grade).card);
}

/** The probability of recalling the card at `now` (0 for a card never reviewed). */
export function retrievability(state: FsrsState, now: Date): number {
  if (state.state === State.New) return 0;
  return scheduler.get_retrievability(toCard(state), now, false);
}
