import { Code, ConnectError, type Interceptor } from '@connectrpc/connect';
import { Counter, Histogram, type Registry } from '@gosight/common/metrics';

// Counts and times every RPC by service, method and Connect code (label
// names as in go-grpc-prometheus, so existing dashboards apply).
export function createRpcMetrics(registry: Registry): Interceptor {
  const calls = new Counter({
    name: 'gosight_api_requests_total',
    help: 'API calls by service, method and result code',
    labelNames: ['grpc_service', 'grpc_method', 'grpc_code'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'gosight_api_request_duration_seconds',
    help: 'API call duration until the response (or the stream) started',
    labelNames: ['grpc_service', 'grpc_method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return (next) => async (request) => {
    const labels = { grpc_service: request.service.typeName, grpc_method: request.method.name };
    const stop = seconds.startTimer(labels);
    try {
      const response = await next(request);
      calls.inc({ ...labels, grpc_code: 'OK' });
      return response;
    } catch (error) {
      calls.inc({ ...labels, grpc_code: Code[ConnectError.from(error).code] });
      throw error;
    } finally {
      stop();
    }
  };
}
