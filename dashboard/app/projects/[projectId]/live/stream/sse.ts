/** One Server-Sent Events message: a named event with a JSON payload. */
export function sseEvent(event: string, data: unknown): string {
  // JSON.stringify never emits a raw newline, so the payload fits one data: line.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
