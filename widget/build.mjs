// One static bundle (script + stylesheet) for the web server to serve: `npm run build`.
// The Makefile runs it when a source changed; the output is a build product, not in git.
import { build } from "esbuild";

const outdir = process.argv[2] || "../bot/web/static/widget";

await build({
  entryPoints: { relais: "src/main.js" },
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  legalComments: "linked",
  outdir,
  logLevel: "warning",
});
await build({
  entryPoints: { relais: "src/widget.css" },
  bundle: true,
  minify: true,
  outdir,
  logLevel: "warning",
});
