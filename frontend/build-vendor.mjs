// Bundles the explorer's libraries (pinned in package.json / package-lock.json) into one ES
// module under api/static/vendor, with their licence files. Run `npm ci && npm run build` here;
// the output is committed, so the page never fetches anything at run time.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "api", "static", "vendor");
const packages = ["graphology", "graphology-layout", "graphology-layout-forceatlas2", "graphology-utils", "sigma", "events", "mnemonist", "obliterator", "pandemonium"];

mkdirSync(join(out, "licenses"), { recursive: true });
await build({
  entryPoints: [join(here, "vendor-entry.mjs")],
  bundle: true,
  format: "esm",
  minify: true,
  legalComments: "none",
  target: "es2020",
  outfile: join(out, "kizuna-vendor.js"),
});
const versions = {};
for (const name of packages) {
  const dir = join(here, "node_modules", name);
  versions[name] = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  for (const file of ["LICENSE", "LICENSE.txt", "LICENSE.md", "license"]) {
    try {
      copyFileSync(join(dir, file), join(out, "licenses", `${name}.LICENSE.txt`));
      break;
    } catch {}
  }
}
writeFileSync(join(out, "versions.json"), JSON.stringify(versions, null, 2) + "\n");
