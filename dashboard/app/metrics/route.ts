import { dashboardMetrics } from '@/lib/metrics';

// Prometheus scrape target: GET /metrics in the text exposition format.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const { registry } = dashboardMetrics();
  try {
    return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } });
  } catch {
    return new Response('metrics unavailable\n', { status: 500, headers: { 'content-type': 'text/plain' } });
  }
}
