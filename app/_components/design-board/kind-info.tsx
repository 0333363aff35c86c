// The palette's thirteen kinds (docs/design-check.md, "The board"): an inline icon (no icon
// font or CDN), a short description, and the catalog figure a learner sizes against.
import { CATALOG, KIND_NAMES, type Kind } from "@/lib/design/catalog";
import { formatNumber } from "@/lib/design/format";

export const KIND_DESCRIPTIONS: Record<Kind, string> = {
  client: "Users' browsers or apps: where every stream starts.",
  dns: "Name lookup beside the path; carries no traffic.",
  cdn: "Edge cache for static and cacheable reads; hits never reach you.",
  "load-balancer": "Spreads requests evenly over the instances behind it.",
  "api-gateway": "One entry point: auth, routing and rate limits.",
  service: "Your stateless application code; calls every dependency.",
  worker: "Background code that takes jobs off a queue.",
  cache: "In-memory key-value store; absorbs the reads it hits.",
  queue: "Buffers work: what follows it runs asynchronously.",
  database: "The system of record; shards and replicas scale it.",
  "search-index": "Full-text or geo queries over a copy of the data.",
  "object-store": "Blobs (images, video, files); managed, unlimited storage.",
  external: "A system outside the design (payments, push, the web).",
};

/** "1,000 requests/s per instance, p99 20 ms idle": the catalog line beside a kind's sizing. */
export function catalogLine(kind: Kind): string {
  const figures = CATALOG[kind];
  if (kind === "dns") return "Never judged.";
  const capacity = !Number.isFinite(figures.readCapacity)
    ? "unlimited capacity"
    : figures.separateReadWrite && figures.readCapacity !== figures.writeCapacity
      ? `${formatNumber(figures.readCapacity)} reads/s or ${formatNumber(figures.writeCapacity)} writes/s per copy`
      : `${formatNumber(figures.readCapacity)} requests/s per instance`;
  const latency = figures.readP99Ms === figures.writeP99Ms ? `p99 ${formatNumber(figures.readP99Ms)} ms idle` : `p99 ${formatNumber(figures.readP99Ms)} ms read, ${formatNumber(figures.writeP99Ms)} ms write idle`;
  const storage = figures.storageGb === 0 ? "" : Number.isFinite(figures.storageGb) ? `, ${formatNumber(figures.storageGb)} GB per copy` : ", unlimited storage";
  return `${capacity}, ${latency}${storage} (size m).`;
}

const PATHS: Record<Kind, React.ReactNode> = {
  client: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  dns: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" />
    </>
  ),
  cdn: (
    <>
      <circle cx="12" cy="12" r="3" />
      <circle cx="4" cy="5" r="2" />
      <circle cx="20" cy="5" r="2" />
      <circle cx="4" cy="19" r="2" />
      <circle cx="20" cy="19" r="2" />
      <path d="M6 6.5 9.5 10M18 6.5 14.5 10M6 17.5 9.5 14M18 17.5 14.5 14" />
    </>
  ),
  "load-balancer": (
    <>
      <circle cx="12" cy="5" r="2.5" />
      <path d="M12 7.5V12M12 12 5 18M12 12l7 6M12 12v6" />
      <circle cx="5" cy="19.5" r="1.5" />
      <circle cx="12" cy="19.5" r="1.5" />
      <circle cx="19" cy="19.5" r="1.5" />
    </>
  ),
  "api-gateway": (
    <>
      <path d="M4 21V9l8-5 8 5v12" />
      <path d="M9 21v-7h6v7" />
    </>
  ),
  service: (
    <>
      <rect x="4" y="4" width="16" height="7" rx="1.5" />
      <rect x="4" y="13" width="16" height="7" rx="1.5" />
      <path d="M8 7.5h.01M8 16.5h.01" />
    </>
  ),
  worker: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1" />
    </>
  ),
  cache: <path d="M13 3 5 14h6l-1 7 8-11h-6l1-7z" />,
  queue: (
    <>
      <rect x="3" y="8" width="4" height="8" rx="1" />
      <rect x="10" y="8" width="4" height="8" rx="1" />
      <rect x="17" y="8" width="4" height="8" rx="1" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
      <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
  "search-index": (
    <>
      <circle cx="10.5" cy="10.5" r="6" />
      <path d="m15 15 6 6" />
    </>
  ),
  "object-store": (
    <>
      <path d="M4 7.5 12 3l8 4.5v9L12 21l-8-4.5z" />
      <path d="M4 7.5 12 12l8-4.5M12 12v9" />
    </>
  ),
  external: (
    <>
      <path d="M14 4h6v6M20 4l-9 9" />
      <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
    </>
  ),
};

export function KindIcon({ kind, className = "h-5 w-5" }: { kind: Kind; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className} fill="none" stroke="currentColor" strokeWidth={1.7} strokeLinecap="round" strokeLinejoin="round">
      {PATHS[kind]}
    </svg>
  );
}

export const kindName = (kind: Kind): string => KIND_NAMES[kind];
