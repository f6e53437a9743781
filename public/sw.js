// Cherga's service worker: after one visit, the catalog, every service card,
// the document checklist and the fee preview work with the network off.
// Booking always needs the network (its requests are never answered from here).
"use strict";

const CACHE = "cherga-v2";
// Read-only API answers kept for offline use, by a key made from the request.
const OFFLINE_API = ["/api/catalog", "/api/service"];

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

// The shell, what it loads, the catalog and every service card.
async function precache() {
  const cache = await caches.open(CACHE);
  const shell = await fetch("/", { cache: "no-cache" });
  const html = await shell.clone().text();
  await cache.put("/", shell);
  // Every quoted "/pkg/…" name in the shell: the bundle, the stylesheet and
  // the page chunks loaded on demand (listed there for this purpose).
  const assets = [...html.matchAll(/"(\/(?:pkg\/[^"]+|[\w.-]+\.(?:svg|png|webmanifest)))"/g)].map((m) => m[1]);
  await cache.addAll([...new Set(assets)]);
  const catalog = await post("/api/catalog", "{}");
  const list = await catalog.clone().json();
  await cache.put(apiKey("/api/catalog"), catalog);
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

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
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
  if (request.mode === "navigate") {
    // Every address of the app is the same shell.
    event.respondWith(networkFirst(request, "/"));
  } else if (request.method === "GET" && url.pathname.startsWith("/pkg/")) {
    // Hashed names: a cached file never changes.
    event.respondWith(cacheFirst(request));
  } else if (request.method === "POST" && OFFLINE_API.includes(url.pathname)) {
    event.respondWith(
      request
        .clone()
        .text()
        .then((body) => networkFirst(request, apiKey(url.pathname, body))),
    );
  }
});
