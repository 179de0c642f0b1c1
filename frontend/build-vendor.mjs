// Bundles the explorer's libraries (pinned in package.json / package-lock.json) into ES modules
// under api/static/vendor: kizuna-vendor.js (drawing: graphology, sigma, curved edges) and
// kizuna-layout.js (ForceAtlas2, noverlap), which the page and its layout worker import, with a
// shared chunk for what both use. The licence of every package that ends up in a bundle is
// copied next to it. Run `npm ci && npm run build` here; the output is committed, so the page
// never fetches anything at run time.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "api", "static", "vendor");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "licenses"), { recursive: true });
const result = await build({
  entryPoints: {
    "kizuna-vendor": join(here, "vendor-entry.mjs"),
    "kizuna-layout": join(here, "layout-entry.mjs"),
  },
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  legalComments: "none",
  target: "es2020",
  outdir: out,
  chunkNames: "kizuna-shared-[hash]",
  metafile: true,
});

// The packages bundled, read from esbuild's record of its inputs (node_modules/<name>/...), and
// their dependencies: a prebuilt file such as graphology's UMD build carries its dependencies'
// code inside it.
const bundled = new Set();
const add = (name) => {
  if (bundled.has(name)) return;
  bundled.add(name);
  const manifest = JSON.parse(readFileSync(join(here, "node_modules", name, "package.json"), "utf8"));
  Object.keys(manifest.dependencies || {}).forEach(add);
};
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (match) add(match[1]);
}
const versions = {};
for (const name of [...bundled].sort()) {
  const dir = join(here, "node_modules", name);
  versions[name] = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  const licence = readdirSync(dir).find((file) => /^licen[cs]e(\.(txt|md))?$/i.test(file));
  if (!licence) throw new Error(`${name} has no licence file`);
  copyFileSync(join(dir, licence), join(out, "licenses", `${name.replace("/", "-")}.LICENSE.txt`));
}
writeFileSync(join(out, "versions.json"), JSON.stringify(versions, null, 2) + "\n");
