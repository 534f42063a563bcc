import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The embedded engine reads its index from disk at run time; keep it out of the bundle.
  serverExternalPackages: ['minisearch'],
};

export default nextConfig;
