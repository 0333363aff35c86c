// npm run cluster -- --apps 2 --workers 2 [--port 4400] [--worker-concurrency 1]
// Several app servers and judge workers on this machine, behind HAProxy on one port
// (lib/cluster/start-cluster.ts does the work; decision 021). Needs a production build
// (npm run build, or BLUEPRINT_DIST_DIR) and HAProxy (apt-get install -y haproxy).
// PostgreSQL: DATABASE_URL, or an embedded one kept in BLUEPRINT_CLUSTER_DIR (.data/cluster/).
// Ctrl+C stops everything: HAProxy, the apps, the workers, then PostgreSQL.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ClusterError, startCluster, type Cluster } from "../lib/cluster/start-cluster";
import { scheduleLearnerCleanup } from "../lib/db/learner-cleanup";

const log = (message: string) => process.stdout.write(`[cluster] ${message}\n`);
const { values } = parseArgs({
  options: {
    apps: { type: "string", default: "2" },
    workers: { type: "string", default: "2" },
    port: { type: "string", default: process.env.PORT ?? "4400" },
    "worker-concurrency": { type: "string", default: "1" },
  },
});
const whole = (name: string, raw: string | undefined) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`[cluster] --${name} must be a whole number of at least 1 (got "${raw}")\n`);
    process.exit(2);
  }
  return value;
};

let cluster: Cluster | undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // A start that failed has cleaned up after itself (startCluster); a running cluster is stopped here.
  if (cluster) log("stopping HAProxy, the app servers, the workers and PostgreSQL");
  await cluster?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  cluster = await startCluster({
    root: process.cwd(),
    dataDir: process.env.BLUEPRINT_CLUSTER_DIR ?? path.join(process.cwd(), ".data", "cluster"),
    apps: whole("apps", values.apps),
    workers: whole("workers", values.workers),
    workerConcurrency: whole("worker-concurrency", values["worker-concurrency"]),
    frontPort: whole("port", values.port),
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    restart: true,
    log,
    print: (name, line) => process.stdout.write(`[${name}] ${line}\n`),
  });
  // The load balancer is the one process a cluster cannot do without: when it goes, everything goes.
  cluster.supervisor.on("exit", (exit) => {
    if (exit.name === "haproxy" && !stopping) {
      log(`HAProxy exited (${exit.signal ?? exit.code})`);
      void shutdown(1);
    }
  });
  scheduleLearnerCleanup(cluster.databaseUrl, log);
  await cluster.waitUntilReady();
  log(`ready: ${cluster.url} (${cluster.appNames.length} app servers, ${cluster.workerNames.length} judge workers, ${os.availableParallelism()} cores)`);
  log(`HAProxy's runtime API (show stat, disable server ...): ${cluster.statsSocket}`);
} catch (error) {
  if (!stopping) {
    process.stderr.write(`[cluster] ${error instanceof ClusterError ? error.message : (error as Error).stack}\n`);
    await shutdown(1);
  }
}
