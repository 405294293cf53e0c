import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';

export type RequestHandler = (
  request: http.IncomingMessage | http2.Http2ServerRequest,
  response: http.ServerResponse | http2.Http2ServerResponse,
) => void;

export interface RunningServer {
  port: number;
  // Stops accepting connections, lets requests in progress finish for up to
  // graceMs, then closes what is left.
  close(graceMs?: number): Promise<void>;
}

// Node serves HTTP/2 without TLS (h2c, what gRPC clients speak) and HTTP/1.1
// (browsers: Connect and gRPC-Web) on separate servers. One port serves both by
// looking at a connection's first bytes: HTTP/2 starts with the "PRI *" preface.
export function serveH1AndH2c(handler: RequestHandler, host: string, port: number): Promise<RunningServer> {
  const h1 = http.createServer(handler as http.RequestListener);
  const h2 = http2.createServer(
    handler as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void,
  );
  const sockets = new Set<net.Socket>();
  const h2Sessions = new Set<http2.ServerHttp2Session>();
  h2.on('session', (session) => {
    h2Sessions.add(session);
    session.on('close', () => h2Sessions.delete(session));
  });
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (head: Buffer) => {
      socket.pause();
      socket.unshift(head);
      const target = head.subarray(0, 3).toString('latin1') === 'PRI' ? h2 : h1;
      target.emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        async close(graceMs = 5000) {
          server.close();
          h1.close();
          h2.close();
          for (const session of h2Sessions) session.close();
          const deadline = Date.now() + graceMs;
          while (sockets.size > 0 && Date.now() < deadline) {
            h1.closeIdleConnections();
            await new Promise((done) => setTimeout(done, 20));
          }
          for (const socket of sockets) socket.destroy();
        },
      });
    });
  });
}
