import { create } from '@bufbuild/protobuf';
import { type ClientInfo, ClientInfoSchema } from '@gosight/proto/v1/pipeline_pb';
import type { IpHasher } from './ip-hasher.ts';
import type { RequestFacts } from './request-facts.ts';
import type { UserAgentInfo } from './user-agent.ts';

export function clientInfoFrom(
  userAgent: UserAgentInfo,
  facts: RequestFacts,
  ipHasher: IpHasher,
  nowMs: number,
  truncateIp = false,
): ClientInfo {
  return create(ClientInfoSchema, {
    ...userAgent,
    ipHash: ipHasher.hash(facts.clientIp, nowMs, truncateIp),
    country: facts.country,
  });
}
