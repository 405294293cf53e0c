import type { Insight } from '@gosight/proto/v1/insights_pb';

// The common answer of a detector, shared so that the hot path allocates
// nothing. Never mutated: callers build new arrays to add to it.
export const NONE: Insight[] = Object.freeze([]) as unknown as Insight[];
