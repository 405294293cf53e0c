const formatters = new Map<string, Intl.DateTimeFormat>();

// "YYYY-MM-DD" of an epoch-millisecond time in an IANA time zone. An unknown
// zone falls back to UTC rather than stopping the pipeline.
export function localDay(epochMs: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = localDayFormatter(timeZone);
    } catch {
      formatter = localDayFormatter('UTC');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(epochMs));
}

function localDayFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
}
