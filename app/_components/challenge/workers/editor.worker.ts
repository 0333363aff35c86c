// Monaco's editor worker, bundled by Next.js and served from this app (never a CDN).
import "monaco-editor/editor/editor.worker.js";
