// A custom event's properties or a user's traits: flat, typed values.
export type Properties = Record<string, string | number | boolean | null | undefined>;
