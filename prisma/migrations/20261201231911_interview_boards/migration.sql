-- CreateTable
CREATE TABLE "InterviewBoard" (
    "interviewId" UUID NOT NULL,
    "board" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "checkVerdict" JSONB,
    "checkStatus" TEXT,
    "checkFailed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "checkBoardVersion" INTEGER,
    "checkedAt" TIMESTAMP(3),

    CONSTRAINT "InterviewBoard_pkey" PRIMARY KEY ("interviewId")
);

-- AddForeignKey
ALTER TABLE "InterviewBoard" ADD CONSTRAINT "InterviewBoard_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;
