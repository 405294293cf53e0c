// gzip with the browser's CompressionStream (Chromium 80, Firefox 113, Safari
// 16.4), written to directly: wrapping the bytes in a Blob first copies them.
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>);
  void writer.close();
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}
