/**
 * Builds the Teams app package for one environment.
 *
 *   npm run package                 # env/.env.local
 *   npm run package -- --env dev    # env/.env.dev
 *
 * Every ${{VAR}} in manifest.json and the language files is replaced with its value from
 * env/.env.<env> (then env/.env.<env>.user, where the toolkit keeps secrets), overridden by a
 * non-empty variable of the same name in the process environment. A placeholder with no value stops
 * the build with the list of what is missing. The result is validated offline against the schema
 * bundled in @microsoft/app-manifest and written to
 *
 *   appPackage/build/manifest.<env>.json
 *   appPackage/build/appPackage.<env>.zip   (manifest.json, the icons and the language files)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ZipFile } from 'yazl';
import { checkIcons, validateLocalization, validateManifest } from './validate';

export type Vars = Record<string, string | undefined>;
type Json = Record<string, unknown>;

const APP_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(APP_DIR, '..');

/** A build problem the user can fix; printed as a list, without a stack trace. */
export class BuildError extends Error {
  constructor(
    readonly title: string,
    readonly problems: string[],
  ) {
    super(`${title}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BuildError';
  }
}

/** Raised when placeholders have no value; `missing` lists each variable name once. */
export class MissingVariablesError extends BuildError {
  constructor(
    readonly missing: string[],
    source: string,
  ) {
    super(`${source} has placeholders with no value:`, missing);
    this.name = 'MissingVariablesError';
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct variable names used as ${{NAME}} in a template, in order of first use. */
export function findPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Replaces every ${{NAME}} with vars[NAME]. An unset or empty value is an error, reported for all
 * such names at once. `escape` transforms each value before it is inserted (see renderManifest).
 */
export function renderTemplate(
  template: string,
  vars: Vars,
  options: { source?: string; escape?: (value: string) => string } = {},
): string {
  const missing = findPlaceholders(template).filter((name) => !vars[name]);
  if (missing.length > 0) throw new MissingVariablesError(missing, options.source ?? 'The template');
  const escape = options.escape ?? ((v: string) => v);
  return template.replace(PLACEHOLDER, (_, name: string) => escape(vars[name]!));
}

/** Escapes a value for use inside a JSON string literal, where all the manifest's placeholders sit. */
const jsonString = (value: string) => JSON.stringify(value).slice(1, -1);

/** Renders a JSON template (manifest.json, da.json) and parses the result. */
export function renderManifest(template: string, vars: Vars, source = 'manifest.json'): Json {
  const text = renderTemplate(template, vars, { source, escape: jsonString });
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new BuildError(`${source} is not valid JSON after rendering:`, [(error as Error).message]);
  }
}

/** Parses a dotenv-style file: KEY=value lines, # comments, optional quotes and `export `. */
export function parseEnvFile(content: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of content.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '').trim();
    vars[m[1]!] = value;
  }
  return vars;
}

/**
 * The variables for one environment: env/.env.<env>, then env/.env.<env>.user, then any non-empty
 * process environment variable of the same name. TEAMSFX_ENV is the environment name, as in the
 * toolkit.
 */
export function loadVariables(envName: string, root = ROOT, processEnv: Vars = process.env): Vars {
  const envDir = path.join(root, 'env');
  const file = path.join(envDir, `.env.${envName}`);
  if (!existsSync(file)) {
    const known = existsSync(envDir)
      ? readdirSync(envDir)
          .filter((f) => /^\.env\.[^.]+$/.test(f))
          .map((f) => f.slice(5))
      : [];
    throw new BuildError(`No environment "${envName}":`, [
      `${path.relative(root, file)} does not exist`,
      `known environments: ${known.join(', ') || 'none'}`,
    ]);
  }
  const vars: Vars = { TEAMSFX_ENV: envName, ...parseEnvFile(readFileSync(file, 'utf8')) };
  const userFile = `${file}.user`;
  if (existsSync(userFile)) Object.assign(vars, parseEnvFile(readFileSync(userFile, 'utf8')));
  for (const [name, value] of Object.entries(processEnv)) {
    if (value) vars[name] = value;
  }
  return vars;
}

/** Parses `--env dev` or `--env=dev`; the default environment is "local". */
export function parseArgs(argv: string[]): { env: string } {
  let env = 'local';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--env') env = argv[++i] ?? '';
    else if (arg.startsWith('--env=')) env = arg.slice('--env='.length);
    else throw new BuildError('Unknown argument:', [`${arg} (usage: npm run package -- --env <name>)`]);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(env)) {
    throw new BuildError('Bad environment name:', [`"${env}" (letters, digits, - and _ only)`]);
  }
  return { env };
}

/** The files a manifest refers to, which the zip must carry beside manifest.json. */
export function referencedFiles(manifest: Json): string[] {
  const files: string[] = [];
  const icons = (manifest['icons'] ?? {}) as Record<string, string | undefined>;
  for (const key of ['color', 'outline', 'color32x32']) {
    const file = icons[key];
    if (file) files.push(file);
  }
  const localization = manifest['localizationInfo'] as
    { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] } | undefined;
  if (localization?.defaultLanguageFile) files.push(localization.defaultLanguageFile);
  for (const language of localization?.additionalLanguages ?? []) files.push(language.file);
  const activities = manifest['activities'] as { activityIcons?: { iconFile: string }[] } | undefined;
  for (const icon of activities?.activityIcons ?? []) files.push(icon.iconFile);
  return [...new Set(files)];
}

// A fixed timestamp keeps the zip byte-for-byte the same when nothing changed.
const ZIP_MTIME = new Date(Date.UTC(2024, 0, 1));

/** Zips the entries in memory with yazl. */
export function zipEntries(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime: ZIP_MTIME, mode: 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

export interface BuiltPackage {
  manifest: Json;
  /** File name in the zip → contents. manifest.json first. */
  files: Map<string, Buffer>;
}

/**
 * Renders and checks the whole package from the files in appDir. Throws BuildError listing every
 * problem found (missing variables, schema errors, bad icons, missing files).
 */
export async function buildPackage(vars: Vars, appDir = APP_DIR): Promise<BuiltPackage> {
  const manifest = renderManifest(readFileSync(path.join(appDir, 'manifest.json'), 'utf8'), vars);
  const problems = (await validateManifest(manifest)).map((p) => `manifest.json: ${p}`);
  const files = new Map<string, Buffer>([
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
  ]);

  for (const name of referencedFiles(manifest)) {
    const file = path.join(appDir, name);
    if (path.relative(appDir, file).startsWith('..') || !existsSync(file)) {
      problems.push(`${name}: referenced by the manifest but not found in appPackage/`);
      continue;
    }
    if (name.endsWith('.json')) {
      const language = renderManifest(readFileSync(file, 'utf8'), vars, name);
      problems.push(...(await validateLocalization(language, manifest)).map((p) => `${name}: ${p}`));
      files.set(name, Buffer.from(`${JSON.stringify(language, null, 2)}\n`));
    } else {
      files.set(name, readFileSync(file));
    }
  }

  const icons = manifest['icons'] as { color: string; outline: string };
  const color = files.get(icons.color);
  const outline = files.get(icons.outline);
  if (color && outline) problems.push(...checkIcons(color, outline));

  if (problems.length > 0) throw new BuildError('The app package is not valid:', problems);
  return { manifest, files };
}

async function main(): Promise<void> {
  const { env } = parseArgs(process.argv.slice(2));
  const built = await buildPackage(loadVariables(env));
  const outDir = path.join(APP_DIR, 'build');
  mkdirSync(outDir, { recursive: true });
  const manifestFile = path.join(outDir, `manifest.${env}.json`);
  writeFileSync(manifestFile, built.files.get('manifest.json')!);
  const zipFile = path.join(outDir, `appPackage.${env}.zip`);
  const entries = [...built.files].map(([name, data]) => ({ name, data }));
  writeFileSync(zipFile, await zipEntries(entries));
  console.log(`wrote ${path.relative(ROOT, manifestFile)}`);
  console.log(`wrote ${path.relative(ROOT, zipFile)} (${entries.map((e) => e.name).join(', ')})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    // Expected problems are listed plainly; anything else gets its message only, never a stack.
    console.error(error instanceof Error ? error.message : String(error));
    if (error instanceof MissingVariablesError) {
      const env =
        process.argv
          .slice(2)
          .join(' ')
          .match(/--env[= ](\S+)/)?.[1] ?? 'local';
      console.error(`Set them in env/.env.${env} (or env/.env.${env}.user), or in the environment.`);
    }
    process.exitCode = 1;
  });
}
