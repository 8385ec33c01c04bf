// A static server for the built bundle, with the Content-Security-Policy `make build` wrote
// (dist/csp.txt) on every page, so that the end-to-end tests run the bundle as a strict host would.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/// Serves `root` on 127.0.0.1 (a free port); `frameAncestors` lists who may frame embed.html;
/// `pages` maps paths to HTML of the test's own (a host page), served without a policy.
export async function serve(root, { frameAncestors = [], pages = {} } = {}) {
  const csp = (await readFile(join(root, "csp.txt"), "utf-8")).trim();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (pages[url.pathname]) {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end(pages[url.pathname]());
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    if (path.endsWith("/")) path += "index.html";
    try {
      const body = await readFile(join(root, path));
      const headers = { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" };
      if (path.endsWith(".html")) {
        headers["content-security-policy"] = path.endsWith("/embed.html")
          ? csp.replace("frame-ancestors 'self'", ["frame-ancestors 'self'", ...frameAncestors].join(" "))
          : csp;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}
