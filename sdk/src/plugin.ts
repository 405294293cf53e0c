import type { MessageInitShape } from '@bufbuild/protobuf';
import type { EventSchema } from '@gosight/proto/v1/events_pb';

// One Event's payload (the `kind` oneof), as a plain init object.
export type EventKind = MessageInitShape<typeof EventSchema>['kind'];

export interface EmitOptions {
  // When it happened (epoch ms); defaults to the time of the emit.
  timestampMs?: number;
  // Whether a person caused it, which keeps the session alive (default true).
  activity?: boolean;
  // The page's URL when it happened, if it may have changed since.
  href?: string;
}

export type Emit = (kind: EventKind, options?: EmitOptions) => void;

// rrweb's RecordPlugin shape: a versioned name and an observer that returns its
// teardown. These run without rrweb (replay off), fed by the tracker. Observers
// that buffer emit what they hold on `pagehide` and on `visibilitychange` to
// hidden; the tracker subscribes after them, so it sends what they emitted.
export interface GoSightPlugin<TOptions = unknown> {
  name: string;
  observer(emit: Emit, win: Window, options: TOptions): () => void;
  options: TOptions;
}

// Starts a plugin with its own options, hiding the options' type.
export function startPlugin<T>(plugin: GoSightPlugin<T>, emit: Emit, win: Window): () => void {
  return plugin.observer(emit, win, plugin.options);
}
