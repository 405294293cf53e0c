import { redirect } from 'next/navigation';
import { config } from '@/lib/config';

// Read the default project when a request arrives, not when the build ran.
export const dynamic = 'force-dynamic';

export default function Home() {
  redirect(`/projects/${encodeURIComponent(config.defaultProject)}/sessions`);
}
