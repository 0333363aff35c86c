// The back-of-envelope worksheet: the seed's formulas with units. Pure, so the
// browser computes as the learner types and the unit tests check the arithmetic.

export interface WorksheetInput {
  id: string;
  label: string;
  unit: string;
  defaultValue: number;
}

export interface WorksheetResult {
  label: string;
  value: string;
}

export interface Calculator {
  id: string;
  title: string;
  formula: string;
  inputs: WorksheetInput[];
  compute(values: Record<string, number>): WorksheetResult[];
}

const SECONDS_PER_DAY = 86_400;
const DAYS_PER_YEAR = 365;

/** 12,345 or 1.23 million; whole numbers stay whole. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "not a number";
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)} billion`;
  if (abs >= 1e6) return `${trim(value / 1e6)} million`;
  if (abs >= 100) return Math.round(value).toLocaleString("en-US");
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** Decimal units (1 GB = 10^9 bytes), as capacity is usually quoted in interviews. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "not a number";
  const units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${trim(value)} ${units[unit]}`;
}

export function formatBits(bitsPerSecond: number): string {
  if (!Number.isFinite(bitsPerSecond)) return "not a number";
  const units = ["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"];
  let value = bitsPerSecond;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${trim(value)} ${units[unit]}`;
}

const v = (values: Record<string, number>, id: string) => values[id] ?? Number.NaN;
const whole = (value: number) => (Number.isFinite(value) ? Math.max(0, Math.ceil(value - 1e-9)) : Number.NaN);

export function qps(dailyUsers: number, requestsPerUser: number, peakFactor: number) {
  const average = (dailyUsers * requestsPerUser) / SECONDS_PER_DAY;
  return { average, peak: average * peakFactor };
}

export function storageBytes(itemsPerDay: number, bytesPerItem: number, years: number, replicas: number): number {
  return itemsPerDay * bytesPerItem * DAYS_PER_YEAR * years * replicas;
}

export function serversNeeded(peakRps: number, perServerRps: number, targetUtilisation: number): number {
  return whole(peakRps / (perServerRps * targetUtilisation));
}

export function cacheMemoryBytes(items: number, bytesPerItem: number, hotFraction: number): number {
  return items * bytesPerItem * hotFraction * 1.2;
}

export function shardsNeeded(totalBytes: number, perShardBytes: number): number {
  return whole(totalBytes / perShardBytes);
}

export function bloomFilter(items: number, falsePositiveRate: number): { bits: number; hashes: number } {
  const bits = Math.ceil((-items * Math.log(falsePositiveRate)) / Math.LN2 ** 2);
  return { bits, hashes: Math.max(1, Math.round((bits / items) * Math.LN2)) };
}

export const CALCULATORS: Calculator[] = [
  {
    id: "qps",
    title: "QPS from daily users",
    formula: "average QPS = daily users x requests per user / 86,400 s; peak = average x peak factor",
    inputs: [
      { id: "users", label: "Daily active users", unit: "users", defaultValue: 10_000_000 },
      { id: "perUser", label: "Requests per user per day", unit: "requests", defaultValue: 20 },
      { id: "peak", label: "Peak factor", unit: "x average", defaultValue: 3 },
    ],
    compute(values) {
      const { average, peak } = qps(v(values, "users"), v(values, "perUser"), v(values, "peak"));
      return [
        { label: "Average", value: `${formatNumber(average)} requests/s` },
        { label: "Peak", value: `${formatNumber(peak)} requests/s` },
      ];
    },
  },
  {
    id: "storage",
    title: "Storage",
    formula: "storage = new items per day x bytes per item x 365 x years x copies",
    inputs: [
      { id: "items", label: "New items per day", unit: "items", defaultValue: 1_000_000 },
      { id: "size", label: "Size of one item", unit: "bytes", defaultValue: 1_000 },
      { id: "years", label: "Retention", unit: "years", defaultValue: 5 },
      { id: "replicas", label: "Copies kept", unit: "copies", defaultValue: 3 },
    ],
    compute(values) {
      const total = storageBytes(v(values, "items"), v(values, "size"), v(values, "years"), v(values, "replicas"));
      const perDay = v(values, "items") * v(values, "size");
      return [
        { label: "Per day (one copy)", value: formatBytes(perDay) },
        { label: "Total", value: formatBytes(total) },
      ];
    },
  },
  {
    id: "bandwidth",
    title: "Bandwidth",
    formula: "bandwidth = requests per second x bytes per response x 8 bits",
    inputs: [
      { id: "rps", label: "Requests per second", unit: "requests/s", defaultValue: 10_000 },
      { id: "size", label: "Response size", unit: "bytes", defaultValue: 50_000 },
    ],
    compute(values) {
      const bytes = v(values, "rps") * v(values, "size");
      return [
        { label: "Bytes", value: `${formatBytes(bytes)}/s` },
        { label: "Bits", value: formatBits(bytes * 8) },
      ];
    },
  },
  {
    id: "servers",
    title: "Servers needed",
    formula: "servers = peak requests per second / (one server's capacity x target utilisation), rounded up",
    inputs: [
      { id: "peak", label: "Peak load", unit: "requests/s", defaultValue: 30_000 },
      { id: "capacity", label: "One server handles", unit: "requests/s", defaultValue: 2_000 },
      { id: "utilisation", label: "Target utilisation (headroom for failures and spikes)", unit: "fraction", defaultValue: 0.7 },
    ],
    compute(values) {
      return [{ label: "Servers", value: `${formatNumber(serversNeeded(v(values, "peak"), v(values, "capacity"), v(values, "utilisation")))} servers` }];
    },
  },
  {
    id: "cache",
    title: "Cache memory",
    formula: "memory = items x bytes per item x hot fraction x 1.2 (overhead)",
    inputs: [
      { id: "items", label: "Items", unit: "items", defaultValue: 100_000_000 },
      { id: "size", label: "Size of one item", unit: "bytes", defaultValue: 500 },
      { id: "hot", label: "Hot fraction", unit: "fraction", defaultValue: 0.2 },
    ],
    compute(values) {
      return [{ label: "Memory", value: formatBytes(cacheMemoryBytes(v(values, "items"), v(values, "size"), v(values, "hot"))) }];
    },
  },
  {
    id: "shards",
    title: "Shards needed",
    formula: "shards = total data / what one shard holds, rounded up",
    inputs: [
      { id: "total", label: "Total data", unit: "GB", defaultValue: 20_000 },
      { id: "perShard", label: "One shard holds", unit: "GB", defaultValue: 1_000 },
    ],
    compute(values) {
      return [{ label: "Shards", value: `${formatNumber(shardsNeeded(v(values, "total"), v(values, "perShard")))} shards` }];
    },
  },
  {
    id: "bloom",
    title: "Bloom filter bits",
    formula: "bits m = -n ln(p) / (ln 2)^2; hash functions k = (m / n) ln 2",
    inputs: [
      { id: "n", label: "Items", unit: "items", defaultValue: 1_000_000_000 },
      { id: "p", label: "False positive rate", unit: "fraction", defaultValue: 0.01 },
    ],
    compute(values) {
      const { bits, hashes } = bloomFilter(v(values, "n"), v(values, "p"));
      return [
        { label: "Bits", value: `${formatNumber(bits)} bits (${formatBytes(bits / 8)})` },
        { label: "Hash functions", value: String(hashes) },
      ];
    },
  },
  {
    id: "pool",
    title: "Connection pool size",
    formula: "starting point = cores x 2 + disks; busy connections = queries per second x seconds per query",
    inputs: [
      { id: "cores", label: "Database cores", unit: "cores", defaultValue: 8 },
      { id: "disks", label: "Disks", unit: "disks", defaultValue: 1 },
      { id: "qps", label: "Queries per second (all app servers)", unit: "queries/s", defaultValue: 2_000 },
      { id: "ms", label: "Time per query", unit: "ms", defaultValue: 5 },
    ],
    compute(values) {
      const start = v(values, "cores") * 2 + v(values, "disks");
      const busy = (v(values, "qps") * v(values, "ms")) / 1000;
      return [
        { label: "Starting pool size (to measure from)", value: `${formatNumber(start)} connections` },
        { label: "Busy at once on average", value: `${formatNumber(busy)} connections` },
      ];
    },
  },
];

/** A line for the notes: the inputs with units, then the results. */
export function worksheetLine(calculator: Calculator, values: Record<string, number>): string {
  const inputs = calculator.inputs.map((input) => `${input.label} ${formatNumber(v(values, input.id))} ${input.unit}`).join(", ");
  const results = calculator.compute(values).map((result) => `${result.label.toLowerCase()} ${result.value}`).join("; ");
  return `${calculator.title}: ${inputs} -> ${results}`;
}
