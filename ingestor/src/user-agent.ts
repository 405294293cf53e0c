import { DeviceType } from '@gosight/proto/v1/pipeline_pb';
import { UAParser } from 'ua-parser-js';

export interface UserAgentInfo {
  browser: string;
  browserVersion: string;
  os: string;
  osVersion: string;
  deviceType: DeviceType;
}

const CACHE_ENTRIES = 2000;

// Parses User-Agent headers with ua-parser-js. A site's visitors share few
// distinct strings, so answers are memoised.
export function createUserAgentParser(): (userAgent: string) => UserAgentInfo {
  const cache = new Map<string, UserAgentInfo>();
  return (userAgent) => {
    const hit = cache.get(userAgent);
    if (hit) return hit;
    const info = parse(userAgent);
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(userAgent, info);
    return info;
  };
}

function parse(userAgent: string): UserAgentInfo {
  const result = new UAParser(userAgent).getResult();
  const browser = result.browser.name ?? '';
  const os = result.os.name ?? '';
  return {
    browser,
    browserVersion: result.browser.version ?? '',
    os,
    osVersion: result.os.version ?? '',
    deviceType: deviceTypeOf(result.device.type, browser !== '' || os !== ''),
  };
}

function deviceTypeOf(type: string | undefined, recognised: boolean): DeviceType {
  switch (type) {
    case 'mobile':
    case 'wearable':
      return DeviceType.MOBILE;
    case 'tablet':
      return DeviceType.TABLET;
    case undefined:
      // ua-parser-js names no device type for desktops.
      return recognised ? DeviceType.DESKTOP : DeviceType.UNSPECIFIED;
    default:
      return DeviceType.UNSPECIFIED;
  }
}

// Whether a User-Agent contains one of the (lower-case) bot patterns.
export function isBot(userAgent: string, patterns: readonly string[]): boolean {
  if (userAgent === '' || patterns.length === 0) return false;
  const lower = userAgent.toLowerCase();
  return patterns.some((pattern) => lower.includes(pattern));
}
