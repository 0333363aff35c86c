-- CreateIndex
CREATE INDEX "Learner_lastSeenAt_idx" ON "Learner"("lastSeenAt");
