/** Where uploaded files live. Adapters: local disk (local-store.ts), UploadThing (uploadthing-store.ts). */
export interface UploadedFile {
  /** A folder-like prefix, e.g. "profile-pictures" or "products/12". */
  folder: string;
  /** Extension without the dot, e.g. "png"; names are chosen by the store. */
  extension: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface StoredFile {
  /** The store's own id for the file, used to delete it. */
  key: string;
  /** Where a browser can fetch it. */
  url: string;
}

export interface FileStore {
  put(file: UploadedFile): Promise<StoredFile>;
  delete(key: string): Promise<void>;
}
