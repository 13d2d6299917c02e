import type { Sharp, SharpConstructor } from "sharp";
import { DomainError } from "../errors.ts";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** 40 megapixels: more than a phone camera takes, far less than a decompression bomb claims. */
export const MAX_IMAGE_PIXELS = 40_000_000;

type Format = "jpeg" | "png" | "webp" | "gif";

export interface Image {
  contentType: string;
  extension: string;
  bytes: Uint8Array;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

/** The image format by its first bytes, whatever name or content type the client declared. */
export function detectImageFormat(bytes: Uint8Array): Format | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return "gif";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

const OUTPUT: Record<Format, { contentType: string; extension: string; encode: (image: Sharp) => Sharp }> = {
  jpeg: { contentType: "image/jpeg", extension: "jpg", encode: (image) => image.jpeg({ quality: 85 }) },
  png: { contentType: "image/png", extension: "png", encode: (image) => image.png() },
  webp: { contentType: "image/webp", extension: "webp", encode: (image) => image.webp({ quality: 85 }) },
  gif: { contentType: "image/gif", extension: "gif", encode: (image) => image.gif() },
};

const notAnImage = () => new DomainError("UNSUPPORTED_MEDIA_TYPE", "The file is not a JPEG, PNG, WebP or GIF image.");

// Loaded on first upload: libvips costs start-up time to every process that never decodes an image.
let sharpModule: Promise<SharpConstructor> | undefined;
const loadSharp = () =>
  (sharpModule ??= import("sharp").then(({ default: sharp }) => {
    sharp.cache(false); // decoded images are never reused; keep no memory for them
    return sharp;
  }));

/**
 * 413 over 5 MB, 415 for anything that is not a JPEG, PNG, WebP or GIF that decodes. What is
 * stored is never the client's bytes: the image is decoded and encoded again in its format
 * (libvips, through sharp), so nothing hidden after or inside it survives (a script, a second
 * file), and no metadata either (EXIF, GPS position, comments). Photos are turned upright first.
 */
export async function reencodeImage(bytes: Uint8Array): Promise<Image> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new DomainError("PAYLOAD_TOO_LARGE", "The image is larger than 5 MB.");
  const format = detectImageFormat(bytes);
  if (!format) throw notAnImage();
  const sharp = await loadSharp();
  const output = OUTPUT[format];
  try {
    const animated = format === "gif" || format === "webp";
    // "truncated": a file cut short is refused; a damaged checksum libvips can still decode is not.
    // The pixel limit is checked from the header, before anything is decoded.
    const image = sharp(bytes, { animated, limitInputPixels: MAX_IMAGE_PIXELS, failOn: "truncated" });
    const metadata = await image.metadata();
    if (metadata.format !== format) throw notAnImage();
    if ((metadata.pages ?? 1) === 1) image.rotate(); // EXIF orientation, applied before the metadata goes
    const encoded = await output.encode(image).toBuffer();
    return { contentType: output.contentType, extension: output.extension, bytes: encoded };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notAnImage();
  }
}
