// Present so Next.js does not pick up Baton's own instrumentation (its scheduler) for this bench-only app.
export function register() {}
