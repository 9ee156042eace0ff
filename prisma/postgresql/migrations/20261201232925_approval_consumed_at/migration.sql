-- An approval opens its phase once: consumedAt is set in the transaction that moves the phase out of
-- `active` (or finishes it straight from `pending`); a consumed approval no longer opens the gate.
-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "consumedAt" TIMESTAMP(3);
