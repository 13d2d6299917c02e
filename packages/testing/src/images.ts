import { crc32, deflateSync } from "node:zlib";

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const frame = Buffer.alloc(8 + body.length);
  frame.writeUInt32BE(data.length, 0);
  body.copy(frame, 4);
  frame.writeUInt32BE(crc32(body), 4 + body.length);
  return frame;
}

/**
 * An 8-bit PNG made here, so tests need no fixture file: grey (1 channel) or RGB (3), each
 * pixel `colour(x, y)`, black without it. Compressed hard, so a large blank image stays small.
 */
export function pngImage({
  width,
  height,
  channels = 3,
  colour,
}: {
  width: number;
  height: number;
  channels?: 1 | 3;
  colour?: (x: number, y: number) => number[];
}): Buffer {
  const stride = 1 + width * channels; // each row starts with its filter byte, 0 (none)
  const rows = Buffer.alloc(stride * height);
  if (colour)
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set(colour(x, y), y * stride + 1 + x * channels);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 1 ? 0 : 2, 0, 0, 0], 8); // bit depth, colour type, no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
