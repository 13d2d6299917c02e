import { DomainError } from "../errors.ts";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

interface ImageType {
  contentType: string;
  extension: string;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

/** The image type by its first bytes, whatever name or content type the client declared. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: "image/jpeg", extension: "jpg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: "image/png", extension: "png" };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) {
    return { contentType: "image/gif", extension: "gif" };
  }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { contentType: "image/webp", extension: "webp" };
  }
  return null;
}

/** 413 over 5 MB, 415 for anything that is not a JPEG, PNG, WebP or GIF. */
export function checkImage(bytes: Uint8Array): ImageType {
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new DomainError("PAYLOAD_TOO_LARGE", "The image is larger than 5 MB.");
  }
  const type = detectImageType(bytes);
  if (!type) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "The file is not a JPEG, PNG, WebP or GIF image.");
  }
  return type;
}
