// A zip entry deflated by Node's zlib instead of fflate's JavaScript deflate. The 10% form of the
// largest CPAS (240,000 month rows) spent 5 of its 7 s of CPU in fflate's deflate; zlib is native
// and compresses on the thread pool, beside the main thread that writes the XML. fflate's `Zip`
// still writes the archive: this is one of its `ZipInputFile`s (crc and size known at the end,
// sent in the data descriptor, as its own `ZipDeflate` does).
// Level 1: the largest CPAS's 10% form (over 100 MB of sheet XML) took 3.7–4.0 s at level 6 and
// 2.4–2.6 s at level 1, for a file of 9.0 MB instead of 7.1 MB — a spreadsheet is downloaded once,
// and zlib on the thread pool was what the writer waited for.
import zlib from 'node:zlib';
import type { AsyncFlateStreamHandler, ZipInputFile } from 'fflate';

export class NativeDeflate implements ZipInputFile {
  crc = 0;
  size = 0;
  readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => {};
  private readonly deflate = zlib.createDeflateRaw({ level: 1 });

  constructor(readonly filename: string) {
    // zlib's chunks are Buffers, Uint8Arrays over a plain ArrayBuffer
    this.deflate.on('data', (chunk: Buffer) => this.ondata(null, chunk as Uint8Array<ArrayBuffer>, false));
    this.deflate.on('end', () => this.ondata(null, new Uint8Array(0), true));
    this.deflate.on('error', (error) => this.ondata(error as never, new Uint8Array(0), true));
  }

  push(data: Uint8Array, final = false): void {
    this.crc = zlib.crc32(data, this.crc);
    this.size += data.length;
    this.deflate.write(data);
    if (final) this.deflate.end();
  }

  /** Resolves once zlib has taken what it was given (the writer waits here rather than queue a sheet in memory). */
  drained(): Promise<void> {
    return this.deflate.writableNeedDrain
      ? new Promise((resolve) => this.deflate.once('drain', () => resolve()))
      : Promise.resolve();
  }

  terminate(): void {
    this.deflate.destroy();
  }
}
