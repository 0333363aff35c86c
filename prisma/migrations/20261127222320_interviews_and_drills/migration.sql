-- CreateEnum
CREATE TYPE "InterviewStatus" AS ENUM ('running', 'paused', 'finished');

-- CreateTable
CREATE TABLE "Interview" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "prompt" TEXT NOT NULL,
    "status" "InterviewStatus" NOT NULL,
    "phaseIndex" INTEGER NOT NULL,
    "timer" JSONB NOT NULL,
    "rubricScores" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewNote" (
    "interviewId" UUID NOT NULL,
    "phaseIndex" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewNote_pkey" PRIMARY KEY ("interviewId","phaseIndex")
);

-- CreateTable
CREATE TABLE "DrillRound" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "scenarioIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DrillRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillAnswer" (
    "roundId" UUID NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "chosen" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrillAnswer_pkey" PRIMARY KEY ("roundId","scenarioId")
);

-- CreateIndex
CREATE INDEX "Interview_learnerId_createdAt_idx" ON "Interview"("learnerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "DrillRound_learnerId_createdAt_idx" ON "DrillRound"("learnerId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewNote" ADD CONSTRAINT "InterviewNote_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillRound" ADD CONSTRAINT "DrillRound_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillAnswer" ADD CONSTRAINT "DrillAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "DrillRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
