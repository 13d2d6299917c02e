import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStore } from "./file-store.ts";

/** Files under `mediaDir`, which the server serves at `{publicUrl}/media/`. */
export function localFileStore(mediaDir: string, publicUrl: string): FileStore {
  const root = path.resolve(mediaDir);
  const fileOf = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep)) throw new Error(`file key outside the media folder: ${key}`);
    return file;
  };
  return {
    async put({ folder, extension, bytes }) {
      const key = `${folder}/${randomUUID()}.${extension}`;
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
      return { key, url: `${publicUrl.replace(/\/$/, "")}/media/${key}` };
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
