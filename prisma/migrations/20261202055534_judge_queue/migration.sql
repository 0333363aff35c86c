-- CreateEnum
CREATE TYPE "JudgeJobStatus" AS ENUM ('queued', 'running', 'done', 'not_judged');

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "jobId" UUID;

-- CreateTable
CREATE TABLE "JudgeJob" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "requestId" TEXT,
    "challengeId" TEXT NOT NULL,
    "mode" "JudgeMode" NOT NULL,
    "code" TEXT NOT NULL,
    "status" "JudgeJobStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "verdict" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "JudgeJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JudgeWorker" (
    "id" TEXT NOT NULL,
    "slotIds" TEXT[],
    "concurrency" INTEGER NOT NULL,
    "leaseMs" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastBeat" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JudgeWorker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JudgeJob_status_createdAt_idx" ON "JudgeJob"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_jobId_key" ON "Submission"("jobId");

-- AddForeignKey
ALTER TABLE "JudgeJob" ADD CONSTRAINT "JudgeJob_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
