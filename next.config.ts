import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Content read at run time (error catalog, topic taxonomy): traced explicitly, not discovered.
  outputFileTracingIncludes: { '/**': ['./content/errors/*.md', './content/topics/*.md'] },
};

export default nextConfig;
