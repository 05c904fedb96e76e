// yazl ships no types and @types/yazl is not installed; this covers the part build.ts uses.
declare module 'yazl' {
  import type { Readable } from 'node:stream';

  export interface EntryOptions {
    mtime?: Date;
    mode?: number;
    compress?: boolean;
    compressionLevel?: number;
    forceZip64Format?: boolean;
    forceDosTimestamp?: boolean;
    fileComment?: string;
  }

  export class ZipFile {
    readonly outputStream: Readable;
    addBuffer(buffer: Buffer, metadataPath: string, options?: EntryOptions): void;
    addFile(realPath: string, metadataPath: string, options?: EntryOptions): void;
    end(
      options?: { forceZip64Format?: boolean; comment?: string },
      callback?: (totalSize: number) => void,
    ): void;
  }
}
