import type { Metadata } from 'next';
import Link from 'next/link';
import { type ReactNode, Suspense } from 'react';
import { TopBarUser } from '@/components/top-bar-user';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'GoSight', template: '%s · GoSight' },
  description: 'Self-hosted session replay and analytics',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            GoSight
          </Link>
          <Suspense fallback={null}>
            <TopBarUser />
          </Suspense>
        </header>
        <main className="content">{children}</main>
      </body>
    </html>
  );
}
