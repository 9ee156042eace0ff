/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several checkouts/test runs build side by side.
  distDir: process.env.BATON_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` runs `tsc --noEmit` itself; skipping the duplicate check keeps builds fast.
  typescript: { ignoreBuildErrors: true },
  // No page or API answer may be framed by another site (clickjacking the approve button).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
