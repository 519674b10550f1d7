import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * WhatsApp's media upload host, on loopback over HTTPS (Baileys uploads media only over HTTPS):
 * a throwaway self-signed certificate for 127.0.0.1 made with openssl is the test CA; the socket
 * trusts it through `fetchAgent` (an https.Agent with `ca`), and the stand-in's `media_conn`
 * answer names this host. Uploads are kept by path and served back on GET, as the CDN would.
 */
export interface MediaHost {
  /** `127.0.0.1:PORT`, what media_conn hands out. */
  host: string;
  /** The certificate (PEM) to trust. */
  ca: string;
  /** Every upload: path (with query) and the encrypted bytes. */
  uploads: Array<{ path: string; body: Buffer }>;
  close(): Promise<void>;
}

export async function startMediaHost(): Promise<MediaHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-media-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
    ].concat(['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']),
    { stdio: 'ignore' },
  );
  const ca = fs.readFileSync(cert, 'utf8');
  const uploads: MediaHost['uploads'] = [];
  const server = https.createServer({ key: fs.readFileSync(key), cert: ca }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      if (req.method === 'POST') {
        uploads.push({ path: url, body: Buffer.concat(chunks) });
        const directPath = url.split('?')[0]!;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ url: `https://${host}${directPath}`, direct_path: directPath }));
        return;
      }
      const found = uploads.find((u) => u.path.split('?')[0] === url.split('?')[0]);
      if (!found) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(found.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    ca,
    uploads,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        fs.rmSync(dir, { recursive: true, force: true });
      }),
  };
}
