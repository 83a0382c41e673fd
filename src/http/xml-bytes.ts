// Sheet XML written row by row into UTF-8 bytes, handed on in chunks of about 64 KiB. A sheet of
// the 10% form is over 100 MB of XML; gathering rows into a long string and encoding it at the
// end copied every byte twice more (the string flattened, then encoded) and left strings of
// 128 KiB (two bytes a character: the sentences hold ’ and €) for the garbage collector.
const CHUNK = 64 * 1024;

export class XmlBytes {
  private buffer = Buffer.allocUnsafe(CHUNK);
  private length = 0;

  /** `emit` takes each chunk and keeps it: a chunk is never written to again. */
  constructor(private readonly emit: (bytes: Buffer) => void) {}

  /** Appends XML (markup, and text already escaped). */
  write(xml: string): void {
    // a UTF-16 code unit is at most 3 bytes of UTF-8
    if (this.length + xml.length * 3 > this.buffer.length) this.flush();
    if (xml.length * 3 > this.buffer.length) this.emit(Buffer.from(xml, 'utf8'));
    else this.length += this.buffer.write(xml, this.length, 'utf8');
  }

  /** Hands on what was written since the last chunk. */
  flush(): void {
    if (this.length === 0) return;
    this.emit(this.buffer.subarray(0, this.length));
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.length = 0;
  }
}
