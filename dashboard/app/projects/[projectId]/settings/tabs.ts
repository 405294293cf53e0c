// The Settings page's tabs, in the URL as ?tab=.
export const TABS = [
  ['project', 'Project'],
  ['keys', 'Write keys'],
  ['tokens', 'API tokens'],
  ['members', 'Members'],
  ['signals', 'Signal thresholds'],
  ['privacy', 'Privacy'],
  ['retention', 'Retention'],
] as const;

export type Tab = (typeof TABS)[number][0];

export function parseTab(value: unknown): Tab {
  return TABS.find(([tab]) => tab === value)?.[0] ?? 'project';
}

export function settingsPath(projectId: string, tab: Tab, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ tab, ...params });
  return `/projects/${encodeURIComponent(projectId)}/settings?${query}`;
}

/** The API's own sentence from an ApiError message ("Op failed (Code): sentence"). */
export function readable(message: string): string {
  const sentence = message.replace(/^\w+ failed \(\w+\): /, '');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
