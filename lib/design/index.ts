// The design check: pure TypeScript (zod only), for the browser's instant feedback and
// the server's verdict alike. See docs/design-check.md.
export { boardSchema, boardNodeSchema, boardEdgeSchema, boardNoteSchema, parseBoard, parseBoardJson, MAX_NODES, MAX_EDGES, MAX_NOTES, NODE_ID } from "./board";
export type { Board, BoardNode, BoardEdge, BoardNote, BoardParseResult } from "./board";
export { designWorkloadSchema, designStreamSchema } from "./workload";
export type { DesignWorkload, DesignStream, RequestType } from "./workload";
export { CHECK_IDS, KINDS, CATALOG, KIND_NAMES } from "./catalog";
export type { CheckId, Kind } from "./catalog";
export { checkDesign, failoverScenario, failedChecks } from "./check";
export type { DesignVerdict, DesignCheckResult, DesignNodeFigures, DesignStreamFigures, FailoverScenario } from "./check";
