import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

// Two small zip chores of the cmi5 import. A course structure may come as a
// bare cmi5.xml (cmi5 14.2, for AUs hosted elsewhere): it is wrapped in a
// one-entry zip so that it goes through the same package pipeline as any
// upload. And before that pipeline stores anything, the import looks at the
// zip's cmi5.xml itself, to refuse a package that is not cmi5 at all.

/** A zip holding one uncompressed file (enough for a course structure). */
export function singleFileZip(name: string, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const crc = crc32(data) >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x800, 6);
  local.writeUInt16LE(0, 8);
  local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x800, 8);
  central.writeUInt16LE(0, 10);
  central.writeUInt32LE(0x00210000, 12);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(local.length + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

export type RootManifest = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'found'; content: Buffer };

/**
 * The root cmi5.xml of a zip (names compared without case, as the package
 * inspector does). 'unreadable' when the zip cannot be read or the file is
 * too large: the package pipeline then gives the precise reason.
 */
export function readRootManifest(zipPath: string, fileName: string, maxBytes: number): Promise<RootManifest> {
  return new Promise((resolve) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return resolve({ kind: 'unreadable' });
      let done = false;
      const finish = (result: RootManifest) => {
        if (done) return;
        done = true;
        zip.close();
        resolve(result);
      };
      zip.on('error', () => finish({ kind: 'unreadable' }));
      zip.on('end', () => finish({ kind: 'none' }));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.toLowerCase() !== fileName) return zip.readEntry();
        if (entry.uncompressedSize > maxBytes) return finish({ kind: 'unreadable' });
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return finish({ kind: 'unreadable' });
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) return stream.destroy(new Error('too large'));
            chunks.push(chunk);
          });
          stream.on('error', () => finish({ kind: 'unreadable' }));
          stream.on('end', () => finish({ kind: 'found', content: Buffer.concat(chunks) }));
        });
      });
      zip.readEntry();
    });
  });
}
