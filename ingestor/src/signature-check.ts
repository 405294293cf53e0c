import { Code } from '@connectrpc/connect';
import { IngestRejection } from './ingest-errors.ts';
import type { ProjectSettings } from './project-resolver.ts';
import type { RequestFacts } from './request-facts.ts';
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_MS, verifySignature } from './request-signature.ts';

const reject = (reason: 'signature_missing' | 'signature_invalid' | 'signature_stale', message: string) =>
  new IngestRejection(reason, message, Code.Unauthenticated);

// A project that requires signatures refuses unsigned batches; a signature
// sent is always checked, so a sender never believes it signs when it does not.
export function signatureRejection(
  project: Pick<ProjectSettings, 'signingSecret' | 'signatureRequired'>,
  facts: Pick<RequestFacts, 'signature' | 'body'>,
  nowMs: number,
): IngestRejection | undefined {
  if (!facts.signature) {
    return project.signatureRequired
      ? reject(
          'signature_missing',
          `this project requires signed batches: header ${SIGNATURE_HEADER} is missing`,
        )
      : undefined;
  }
  if (!project.signingSecret)
    return reject(
      'signature_invalid',
      `header ${SIGNATURE_HEADER} was sent, but this project has no signing secret`,
    );
  const problem = verifySignature(facts.signature, project.signingSecret, facts.body, nowMs);
  switch (problem?.kind) {
    case undefined:
      return undefined;
    case 'malformed':
      return reject(
        'signature_invalid',
        `header ${SIGNATURE_HEADER} is malformed: expected t=<unix ms>,v1=<hex HMAC-SHA256 of t + "." + body>`,
      );
    case 'stale':
      return reject(
        'signature_stale',
        `signature timestamp is ${Math.round(Math.abs(problem.skewMs) / 1000)} s ${problem.skewMs > 0 ? 'old' : 'ahead of the server clock'}; the limit is ${SIGNATURE_TOLERANCE_MS / 1000} s`,
      );
    case 'mismatch':
      return reject(
        'signature_invalid',
        'signature does not match the request body and the project signing secret',
      );
  }
}
