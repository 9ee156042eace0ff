// Bench-only Next.js app (see bench/run.ts): the same framework version as Baton, one route handler, nothing else.
const nextConfig = { poweredByHeader: false };

export default nextConfig;
