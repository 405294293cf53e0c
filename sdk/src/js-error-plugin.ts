import type { JsErrorKind } from '@gosight/proto/v1/events_pb';
import type { GoSightPlugin } from './plugin.ts';

// JsErrorKind values (events.proto), as numbers: the generated enum would pull
// the whole generated module into the page.
const KIND_ERROR = 1 as JsErrorKind;
const KIND_UNHANDLED_REJECTION = 2 as JsErrorKind;

export interface JsErrorOptions {
  // A page stuck in an error loop stops being reported after this many.
  maxPerPage: number;
}

export const JS_ERROR_PLUGIN_NAME = 'gosight/js-error@1';
export const STACK_MAX_CHARS = 8192;
const MESSAGE_MAX_CHARS = 1024;

// Uncaught errors and unhandled promise rejections. Resource load errors do
// not bubble to window, so the bubbling listener sees only script errors.
export function jsErrorPlugin(options: JsErrorOptions): GoSightPlugin<JsErrorOptions> {
  return {
    name: JS_ERROR_PLUGIN_NAME,
    options,
    observer(emit, win, { maxPerPage }) {
      let count = 0;
      const report = (value: {
        kind: JsErrorKind;
        message: string;
        stack: string;
        source: string;
        line: number;
        column: number;
      }) => {
        if (count++ >= maxPerPage) return;
        emit(
          {
            case: 'jsError',
            value: {
              ...value,
              message: value.message.slice(0, MESSAGE_MAX_CHARS),
              stack: value.stack.slice(0, STACK_MAX_CHARS),
            },
          },
          { activity: false },
        );
      };
      const onError = (event: ErrorEvent) => {
        const error: unknown = event.error;
        report({
          kind: KIND_ERROR,
          message: event.message || String(error),
          stack: stackOf(error),
          source: event.filename ?? '',
          line: event.lineno >>> 0,
          column: event.colno >>> 0,
        });
      };
      const onRejection = (event: PromiseRejectionEvent) => {
        const reason: unknown = event.reason;
        report({
          kind: KIND_UNHANDLED_REJECTION,
          message: reason instanceof Error ? `${reason.name}: ${reason.message}` : describe(reason),
          stack: stackOf(reason),
          source: '',
          line: 0,
          column: 0,
        });
      };
      win.addEventListener('error', onError);
      win.addEventListener('unhandledrejection', onRejection);
      return () => {
        win.removeEventListener('error', onError);
        win.removeEventListener('unhandledrejection', onRejection);
      };
    },
  };
}

function stackOf(value: unknown): string {
  const stack = (value as { stack?: unknown } | null)?.stack;
  return typeof stack === 'string' ? stack : '';
}

function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
