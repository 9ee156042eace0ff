// The guide's own examples (seed-handoff-guide.txt), shared by unit and API tests.
// Lines 9–23 of the guide, exactly as printed (the note is shown as shell comments).
export const GUIDE_NOTE = `# Example: Using record_note to track progress
# At each checkpoint, record the current state:
# === CHECKPOINT: Phase 1 Complete ===
# - Database migrations applied successfully
# - API schema validated against OpenAPI spec
# - User model includes: id, email, password_hash, created_at, updated_at
#
# NEXT ACTIONS:
# - Implement authentication middleware
# - Create login/logout endpoints
# - Add session management with Redis
#
# DEPENDENCIES:
# - Need Redis connection string from config
# - Session expiry: 24 hours default`;

/** What the record_note example parses into. */
export const GUIDE_NOTE_FIELDS = {
  summary: "Phase 1 Complete",
  done: [
    "Database migrations applied successfully",
    "API schema validated against OpenAPI spec",
    "User model includes: id, email, password_hash, created_at, updated_at",
  ],
  next: ["Implement authentication middleware", "Create login/logout endpoints", "Add session management with Redis"],
  dependencies: ["Need Redis connection string from config", "Session expiry: 24 hours default"],
  decisions: [],
};

// Lines 61–77 of the guide, exactly as printed.
export const GUIDE_HANDOFF = `## Agent Handoff: Infrastructure → Application
### What's Complete
- Kubernetes cluster deployed in us-east-1
- PostgreSQL database provisioned with connection pooling
- Redis cache instance configured
- All secrets stored in Vault with rotation policies
### What's Needed
- Application should connect using environment variables:
DATABASE_URL=postgresql://user:pass@cluster:5432/db
REDIS_URL=redis://cache:6379
- Initial schema migration scripts needed
- Health check endpoints at /health and /ready
### Next Steps
1. Run initial migration
2. Seed with base data
3. Deploy application pods
4. Verify horizontal pod autoscaling`;

/** What the handoff example parses into. */
export const GUIDE_HANDOFF_FIELDS = {
  from: "Infrastructure",
  to: "Application",
  complete: [
    "Kubernetes cluster deployed in us-east-1",
    "PostgreSQL database provisioned with connection pooling",
    "Redis cache instance configured",
    "All secrets stored in Vault with rotation policies",
  ],
  needed: [
    "Application should connect using environment variables:\nDATABASE_URL=postgresql://user:pass@cluster:5432/db\nREDIS_URL=redis://cache:6379",
    "Initial schema migration scripts needed",
    "Health check endpoints at /health and /ready",
  ],
  nextSteps: ["Run initial migration", "Seed with base data", "Deploy application pods", "Verify horizontal pod autoscaling"],
};
