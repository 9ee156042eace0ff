-- The webhook outbox: a delivery is claimed by one instance for a while (a lease); if that instance dies
-- mid-delivery, the lease runs out and another claim sends it again.
ALTER TABLE "WebhookDelivery" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "WebhookDelivery" ADD COLUMN "claimedUntil" TIMESTAMP(3);
