import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const nextConfig: NextConfig = {
  // Lets several builds of this tree live side by side (next build and next start read the same variable).
  distDir: process.env.GOSIGHT_DASHBOARD_DIST_DIR || '.next',
  // @gosight/proto ships TypeScript sources, not built JavaScript.
  transpilePackages: ['@gosight/proto'],
  // The workspace packages live beside dashboard/, so both bundlers and file tracing start at the repo root.
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  webpack(config) {
    // Generated protobuf files import their siblings as './x_pb.js' while only './x_pb.ts' exists.
    config.resolve.extensionAlias = { ...config.resolve.extensionAlias, '.js': ['.ts', '.tsx', '.js'] };
    return config;
  },
};

export default nextConfig;
