-- CreateTable: every running portal and API server instance says it is alive (and which
-- throttle store it counts in) every 30 s, so the health report can tell when instances
-- disagree.
CREATE TABLE "ServiceInstance" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "throttleStore" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ServiceInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ServiceInstance_seenAt_idx" ON "ServiceInstance"("seenAt");
