// Nodes the SDK adds to the page itself (the replay loader's <script>). Click
// reaction detection ignores their mutations: they are not the page reacting.
const own = new WeakSet<Node>();

export function markOwnNode(node: Node): void {
  own.add(node);
}

export function isOwnNode(node: Node): boolean {
  return own.has(node);
}
