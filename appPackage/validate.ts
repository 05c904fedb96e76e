/**
 * Offline checks for the Teams app package: the manifest and language files against the JSON schemas
 * bundled in @microsoft/app-manifest (never fetched), and the icons' size and colours.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';

type Json = Record<string, unknown>;

/** The folder holding the bundled Teams schemas, one sub-folder per version (v1.29, v1.30, ...). */
export function bundledSchemaDir(): string {
  const entry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return path.join(path.dirname(entry), 'json-schemas', 'teams');
}

/** Manifest versions whose schema ships in the installed package, oldest first ("1.30", "devPreview"). */
export function bundledSchemaVersions(): string[] {
  return readdirSync(bundledSchemaDir())
    .filter((d) => /^v/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

const SCHEMA_FILES = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
} as const;

/** Loads a bundled schema; throws if this manifest version is not in the installed package. */
export function loadBundledSchema(manifestVersion: string, kind: keyof typeof SCHEMA_FILES): Json {
  const file = path.join(bundledSchemaDir(), `v${manifestVersion}`, SCHEMA_FILES[kind]);
  if (!existsSync(file)) {
    throw new Error(
      `The ${kind} schema for manifest version ${manifestVersion} is not bundled in @microsoft/app-manifest ` +
        `(bundled: ${bundledSchemaVersions().join(', ')}). Use a bundled version or update the package.`,
    );
  }
  // The same clean-up the package applies: some published schemas use \a and \v in regexes, which
  // are not valid JSON escapes.
  let text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  // The localization schema's activities patterns end an index with a bare "]" ("\\b]\\."), which
  // ajv rejects ("Lone quantifier brackets") because it compiles patterns with the u flag. Escaping
  // it keeps the meaning and lets the package's own validator compile the schema.
  text = text.replaceAll('\\\\b]', '\\\\b\\\\]');
  return JSON.parse(text) as Json;
}

type SchemaArg = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
type ManifestArg = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

async function validateAgainst(document: unknown, schema: Json): Promise<string[]> {
  const errors = await AppManifestUtils.validateAgainstSchema(document as ManifestArg, schema as SchemaArg);
  return errors.map((e) => e.trim());
}

/**
 * Validates a rendered manifest against the schema of its manifestVersion, read from the package
 * (so no network). Returns the problems, empty when valid.
 */
export async function validateManifest(manifest: Json): Promise<string[]> {
  const version = manifest['manifestVersion'];
  if (typeof version !== 'string') return ['manifestVersion is missing'];
  const problems = await validateAgainst(manifest, loadBundledSchema(version, 'manifest'));
  return [...problems, ...checkPlaceholdersGone(manifest)];
}

/**
 * Validates a language file against the bundled localization schema, and checks that each key that
 * points into the manifest (staticTabs[2].name) points at something that exists there.
 */
export async function validateLocalization(file: Json, manifest: Json): Promise<string[]> {
  const version = String(manifest['manifestVersion']);
  const problems = await validateAgainst(file, loadBundledSchema(version, 'localization'));
  for (const key of Object.keys(file)) {
    if (key === '$schema' || key === 'localizationKeys' || /^(name|description)\.(short|full)$/.test(key))
      continue;
    if (resolvePath(manifest, key) === undefined) problems.push(`${key}: no such string in the manifest`);
  }
  return problems;
}

/** Follows a localization key such as "bots[0].commandLists[1].commands[0].title" into the manifest. */
export function resolvePath(root: unknown, key: string): unknown {
  let node: unknown = root;
  for (const part of key.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    node = (node as Json | undefined)?.[m[1]!];
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) {
      node = Array.isArray(node) ? node[Number(index[1])] : undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}

function checkPlaceholdersGone(manifest: Json): string[] {
  const left = JSON.stringify(manifest).match(/\$\{\{[^}]*\}\}/g);
  return left ? [`unrendered placeholders: ${[...new Set(left)].join(', ')}`] : [];
}

// ---------------------------------------------------------------------------------------------
// Icons
// ---------------------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function readPngSize(png: Buffer): { width: number; height: number } {
  if (
    png.length < 24 ||
    !png.subarray(0, 8).equals(PNG_SIGNATURE) ||
    png.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Decodes an 8-bit, non-interlaced RGBA or RGB PNG into RGBA pixels. Enough to check our own icons
 * (or a designer's replacement exported the usual way); other formats are reported, not guessed.
 */
export function decodePng(png: Buffer): { width: number; height: number; data: Uint8Array } {
  const { width, height } = readPngSize(png);
  const bitDepth = png[24];
  const colourType = png[25];
  const interlace = png[28];
  if (bitDepth !== 8 || (colourType !== 6 && colourType !== 2) || interlace !== 0) {
    throw new Error(
      `unsupported PNG (bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`,
    );
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = colourType === 6 ? 4 : 3;
  const stride = width * bpp;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? pixels[y * stride + x - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  if (bpp === 4) return { width, height, data: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    rgba.set([pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, 255], j);
  }
  return { width, height, data: rgba };
}

/**
 * The Teams icon rules: colour icon 192×192; outline icon 32×32, white on transparent (every pixel
 * that shows is white; only alpha varies) and not empty.
 */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = readPngSize(color);
  if (c.width !== 192 || c.height !== 192)
    problems.push(`color icon is ${c.width}×${c.height}, must be 192×192`);
  const o = readPngSize(outline);
  if (o.width !== 32 || o.height !== 32)
    problems.push(`outline icon is ${o.width}×${o.height}, must be 32×32`);
  try {
    const { data } = decodePng(outline);
    let coloured = 0;
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3]!;
      if (alpha === 0) transparent++;
      else if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) coloured++;
      if (alpha === 255) opaque++;
    }
    if (coloured > 0) problems.push(`outline icon has ${coloured} pixels that are not white`);
    if (transparent === 0) problems.push('outline icon has no transparent background');
    if (opaque === 0) problems.push('outline icon has nothing drawn on it');
  } catch (error) {
    problems.push(`outline icon: ${(error as Error).message}`);
  }
  return problems;
}
