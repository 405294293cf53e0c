import { PanelSkeleton } from '@/components/skeletons';

export default function Loading() {
  return <PanelSkeleton height={400} />;
}
