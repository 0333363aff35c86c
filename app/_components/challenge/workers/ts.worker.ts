// Monaco's TypeScript worker: IntelliSense and inline type errors, served from this app.
import "monaco-editor/languages/features/typescript/ts.worker.js";
