// Cherga's service worker: after one visit, the catalog, every service card,
// the document checklist, the fee preview and "My tickets" (the tickets kept in
// this browser, and the words of its screens) work with the network off.
// Booking always needs the network (its requests are never answered from here).
"use strict";

const CACHE = "cherga-v3";
// Read-only API answers kept for offline use, by a key made from the request.
const OFFLINE_API = ["/api/catalog", "/api/service", "/api/words"];

function apiKey(path, body) {
  let service = "";
  try {
    service = JSON.parse(body || "{}").service || "";
  } catch (_) {}
  return path === "/api/service" ? `${path}?service=${encodeURIComponent(service)}` : path;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

// Every quoted "/pkg/…" name in a shell: the bundle, the stylesheet and the page
// chunks loaded on demand (listed there for this purpose), and the icons.
function assetsOf(html) {
  const names = html.matchAll(/"(\/(?:pkg\/[^"]+|[\w.-]+\.(?:svg|png|webmanifest)))"/g);
  return [...new Set([...names].map((m) => m[1]))];
}

// Keeps what `html` (a shell just fetched) loads, and drops the app files no
// shell names any more: after a new release the next visit online fetches its
// files (chunks not opened yet included), so the cards still open offline.
async function keepAssets(cache, html) {
  const wanted = assetsOf(html);
  const missing = [];
  for (const name of wanted) if (!(await cache.match(name))) missing.push(name);
  await cache.addAll(missing);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith("/pkg/") && !wanted.includes(path)) await cache.delete(request);
  }
}

// The shell, what it loads, the catalog and every service card.
async function precache() {
  const cache = await caches.open(CACHE);
  const shell = await fetch("/", { cache: "no-cache" });
  await cache.put("/", shell.clone());
  await keepAssets(cache, await shell.text());
  const catalog = await post("/api/catalog", "{}");
  const list = await catalog.clone().json();
  await cache.put(apiKey("/api/catalog"), catalog);
  await cache.put(apiKey("/api/words"), await post("/api/words", "{}"));
  for (const s of list.services) {
    const body = JSON.stringify({ service: s.id });
    await cache.put(apiKey("/api/service", body), await post("/api/service", body));
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The network's answer, kept under `key`; the kept one when offline. `kept`
// runs on a fresh answer (its own copy) before the event ends.
async function networkFirst(event, request, key, kept) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(key, response.clone());
      if (kept) event.waitUntil(kept(cache, response.clone()));
    }
    return response;
  } catch (offline) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The office's screens are pages of their own, always from the network.
  if (/^\/(staff|office)\//.test(url.pathname)) return;
  if (request.mode === "navigate" && /^\/(help|faq)\/?$/.test(url.pathname)) {
    // The help pages are pages of their own (not the app's shell): each is
    // kept under its own address, for reading offline.
    event.respondWith(networkFirst(event, request, url.pathname + url.search));
  } else if (request.mode === "navigate") {
    // Every address of the app is the same shell; a new one brings its files.
    const refresh = (cache, shell) => shell.text().then((html) => keepAssets(cache, html));
    event.respondWith(networkFirst(event, request, "/", refresh));
  } else if (request.method === "GET" && url.pathname.startsWith("/pkg/")) {
    // Hashed names: a cached file never changes.
    event.respondWith(cacheFirst(request));
  } else if (request.method === "POST" && OFFLINE_API.includes(url.pathname)) {
    event.respondWith(
      request
        .clone()
        .text()
        .then((body) => networkFirst(event, request, apiKey(url.pathname, body))),
    );
  }
});
