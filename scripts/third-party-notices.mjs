// The bundle inlines third-party code, so dist/ carries those packages' license texts:
// dist/THIRD-PARTY-NOTICES.txt, built from the esbuild metafile and each package's own files.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A file a package ships for its license terms: LICENSE, LICENCE, COPYING, NOTICE, CopyrightNotice.txt… */
const LICENSE_FILE = /^(licen[cs]e|copying|notice|copyright)/i;

/** The folder of each package the bundle inlines (the last `node_modules/<name>` of an input's path). */
export const bundledPackageFolders = (metafile) => {
  const folders = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(match[1]);
  }
  return [...folders].sort();
};

const readPackage = (root, folder) => {
  const manifest = JSON.parse(readFileSync(join(root, folder, "package.json"), "utf8"));
  const files = readdirSync(join(root, folder))
    .filter((name) => LICENSE_FILE.test(name))
    .sort();
  const declared = manifest.license ?? manifest.licenses?.map((license) => license.type ?? license).join(" OR ") ?? "unknown";
  const texts = files.map((name) => readFileSync(join(root, folder, name), "utf8").replace(/\r\n?/g, "\n").trim());
  return { id: `${manifest.name}@${manifest.version}`, declared, author: manifest.author, texts };
};

const authorOf = (author) => (typeof author === "string" ? author : author?.name);

/**
 * The notices text: one section per distinct license text, naming every package that ships it
 * (dozens of AWS SDK packages share one Apache-2.0 text), then the packages that ship no license file.
 */
export const thirdPartyNotices = (metafile, root) => {
  const packages = new Map();
  for (const folder of bundledPackageFolders(metafile)) {
    const found = readPackage(root, folder);
    packages.set(found.id, found);
  }
  const byText = new Map();
  const withoutFile = [];
  for (const found of [...packages.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (found.texts.length === 0) withoutFile.push(found);
    for (const text of found.texts) byText.set(text, [...(byText.get(text) ?? []), found]);
  }
  const rule = "=".repeat(80);
  const sections = [...byText].map(
    ([text, users]) => `${rule}\n${users.map((found) => `${found.id} (${found.declared})`).join("\n")}\n${"-".repeat(80)}\n${text}\n`,
  );
  // A package without a license file still declares its license; its text is above when another package ships it.
  const bare = withoutFile.map((found) => {
    const author = authorOf(found.author);
    const sibling = [...packages.values()].find((other) => other.texts.length > 0 && other.declared === found.declared);
    const where = sibling ? `; the ${found.declared} text is above, with ${sibling.id}` : "";
    return `${found.id}: ${found.declared}${author ? `, by ${author}` : ""} (the package ships no license file${where})`;
  });
  return [
    `s3-tutor's dist/ bundles code from the ${packages.size} packages below. Their license texts follow, each`,
    "once with every package that ships it.\n",
    ...sections,
    ...(bare.length > 0 ? [`${rule}\nPackages whose license is declared in their package.json only:\n${bare.join("\n")}\n`] : []),
  ].join("\n");
};
