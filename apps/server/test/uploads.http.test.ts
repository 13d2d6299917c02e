import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@shop/runtime";
import { pngImage } from "@shop/testing";
import { createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { multipartBody, TINY_PNG, type Part } from "./multipart.ts";
import { startTestApp, type TestApp } from "./support.ts";

// API.md §1–2 and the hardening issue: every image is decoded and encoded again (no hidden
// payload, no EXIF/GPS), replaced and deleted files go, a product holds at most
// MAX_IMAGES_PER_PRODUCT images, and uploads are rate limited per account.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const SCRIPT = "<html><script>alert(document.cookie)</script></html>";

function send(method: "POST" | "PATCH", url: string, parts: Part[], token?: string) {
  const { payload, contentType } = multipartBody(parts);
  return t.app.inject({
    method,
    url,
    payload,
    headers: { "content-type": contentType, ...(token && { authorization: `Bearer ${token}` }) },
  });
}
const uploadImage = (productId: number, bytes: Buffer, token: string) =>
  send("POST", `/api/products/${productId}/upload-image/`, [{ name: "image", value: bytes, filename: "i.png" }], token);
const uploadPicture = (bytes: Buffer, token: string) =>
  send("PATCH", "/api/profile/me/", [{ name: "profile_picture", value: bytes, filename: "me.jpg" }], token);
const served = (url: string) => t.app.inject({ method: "GET", url: new URL(url).pathname });
const deleteImage = (productId: number, imageId: number | string, token?: string) =>
  t.app.inject({
    method: "DELETE",
    url: `/api/products/${productId}/images/${imageId}/`,
    ...(token && { headers: { authorization: `Bearer ${token}` } }),
  });

/** The files the local store holds under a folder of the media directory. */
async function filesIn(folder: string): Promise<string[]> {
  return readdir(path.join(t.dataDir, "media", folder)).catch(() => []);
}

async function sellerWithProduct(): Promise<{ seller: Shopper; productId: number }> {
  const seller = await createShopper(t, "seller");
  const { productId } = await createVariant(t, { sellerId: seller.id });
  return { seller, productId };
}

/** A 64×48 photo as a phone writes it: EXIF with camera, owner and GPS position, rotated by an orientation tag. */
const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .withExif({
      IFD0: { Make: "SecretPhoneMaker", Copyright: "Ada Lovelace" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 2642/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3954/100" },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

describe("images are decoded and encoded again", () => {
  it("polyglots: a PNG signature followed by HTML, a GIF89a/*<script> file → 415, nothing stored", async () => {
    const { seller, productId } = await sellerWithProduct();
    const pngHtml = Buffer.concat([TINY_PNG.subarray(0, 8), Buffer.from(SCRIPT)]);
    const gifJs = Buffer.from(`GIF89a/*${SCRIPT}*/=1;alert(1);//`);
    for (const bytes of [pngHtml, gifJs]) {
      const res = await uploadImage(productId, bytes, seller.token);
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json()).toEqual({ detail: expect.any(String), code: "UNSUPPORTED_MEDIA_TYPE" });
      expect((await uploadPicture(bytes, seller.token)).statusCode).toBe(415);
    }
    expect(await filesIn(`products/${productId}`)).toEqual([]);
    expect(await filesIn("profile-pictures")).toEqual([]);
  });

  it("a real image with HTML appended is stored without it, and served as an image with nosniff", async () => {
    const { seller, productId } = await sellerWithProduct();
    const res = await uploadImage(productId, Buffer.concat([TINY_PNG, Buffer.from(SCRIPT)]), seller.token);
    expect(res.statusCode, res.body).toBe(201);
    const file = await served(res.json().url);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.rawPayload.includes("script")).toBe(false);
    expect(await sharp(file.rawPayload).metadata()).toMatchObject({ format: "png", width: 1, height: 1 });
  });

  it("EXIF and GPS metadata are stripped from product images and profile pictures; the photo is turned upright", async () => {
    const original = await photo();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes("SecretPhoneMaker")).toBe(true);
    const { seller, productId } = await sellerWithProduct();
    const image = await uploadImage(productId, original, seller.token);
    expect(image.statusCode, image.body).toBe(201);
    const picture = await uploadPicture(original, seller.token);
    expect(picture.statusCode, picture.body).toBe(200);
    for (const url of [image.json().url, picture.json().profile_picture]) {
      expect(url).toMatch(/\.jpg$/);
      const bytes = (await served(url)).rawPayload;
      const metadata = await sharp(bytes).metadata();
      expect(metadata).toMatchObject({ format: "jpeg", width: 48, height: 64 });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      for (const secret of ["SecretPhoneMaker", "Ada Lovelace", "GPS", "Exif"])
        expect(bytes.includes(secret), secret).toBe(false);
    }
  });

  it("an image over 40 megapixels (a decompression bomb) → 415, before it is decoded", async () => {
    const { seller, productId } = await sellerWithProduct();
    const bomb = pngImage({ width: 8000, height: 8000, channels: 1 }); // 64 megapixels in about 64 KB
    expect(bomb.length).toBeLessThan(200 * 1024);
    const res = await uploadImage(productId, bomb, seller.token);
    expect(res.statusCode, res.body).toBe(415);
  });
});

describe("stored files are deleted with what refers to them", () => {
  it("a replaced profile picture is deleted: 10 PATCHes leave one file", async () => {
    const user = await createShopper(t);
    const urls: string[] = [];
    const before = await filesIn("profile-pictures");
    for (let i = 0; i < 10; i++) {
      const res = await uploadPicture(TINY_PNG, user.token);
      expect(res.statusCode, res.body).toBe(200);
      urls.push(res.json().profile_picture);
    }
    const added = (await filesIn("profile-pictures")).filter((name) => !before.includes(name));
    expect(added).toEqual([path.basename(urls.at(-1)!)]);
    expect((await served(urls[0]!)).statusCode).toBe(404);
    expect((await served(urls.at(-1)!)).statusCode).toBe(200);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ profilePicture: urls.at(-1), profilePictureKey: `profile-pictures/${added[0]}` });
  });

  it("DELETE /api/products/{id}/images/{image_id}/ → 204, the file is deleted; only the owner may", async () => {
    const { seller, productId } = await sellerWithProduct();
    const other = await createShopper(t, "seller");
    const otherProduct = await createVariant(t, { sellerId: other.id });
    const customer = await createShopper(t);
    const first = (await uploadImage(productId, TINY_PNG, seller.token)).json();
    const second = (await uploadImage(productId, TINY_PNG, seller.token)).json();
    expect(await filesIn(`products/${productId}`)).toHaveLength(2);

    expect((await deleteImage(productId, first.id)).statusCode).toBe(401);
    expect((await deleteImage(productId, first.id, other.token)).statusCode).toBe(403);
    expect((await deleteImage(productId, first.id, customer.token)).statusCode).toBe(403);
    expect((await deleteImage(otherProduct.productId, first.id, other.token)).statusCode).toBe(404);
    expect((await deleteImage(productId, 999_999, seller.token)).statusCode).toBe(404);
    expect((await deleteImage(productId, "abc", seller.token)).statusCode).toBe(400);

    const res = await deleteImage(productId, first.id, seller.token);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect(res.headers["content-type"]).toBeUndefined();
    expect(await filesIn(`products/${productId}`)).toEqual([path.basename(second.url)]);
    expect((await served(first.url)).statusCode).toBe(404);
    const detail = await t.app.inject({ method: "GET", url: `/api/products/${productId}/` });
    expect(detail.json().images).toEqual([second]);
    expect((await deleteImage(productId, first.id, seller.token)).statusCode).toBe(404);
  });

  it("a deleted product's image files are deleted", async () => {
    const { seller, productId } = await sellerWithProduct();
    await uploadImage(productId, TINY_PNG, seller.token);
    await uploadImage(productId, TINY_PNG, seller.token);
    expect(await filesIn(`products/${productId}`)).toHaveLength(2);
    const res = await t.app.inject({
      method: "DELETE",
      url: `/api/products/${productId}/`,
      headers: { authorization: `Bearer ${seller.token}` },
    });
    expect(res.statusCode).toBe(204);
    expect(await filesIn(`products/${productId}`)).toEqual([]);
  });

  it("the delete operation is in the OpenAPI document", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const operation = document.paths["/api/products/{id}/images/{image_id}/"].delete;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["204", "401", "403", "404"]));
    expect(Object.keys(document.paths["/api/profile/me/"].patch.responses)).toContain("429");
    expect(Object.keys(document.paths["/api/products/{product_pk}/upload-image/"].post.responses)).toEqual(
      expect.arrayContaining(["409", "413", "415", "429"]),
    );
  });
});

describe("limits", () => {
  it("a product holds at most MAX_IMAGES_PER_PRODUCT (default 20) images: one more → 409", async () => {
    expect(parseEnv({}).MAX_IMAGES_PER_PRODUCT).toBe(20);
    expect(parseEnv({ MAX_IMAGES_PER_PRODUCT: "5" }).MAX_IMAGES_PER_PRODUCT).toBe(5);
    expect(t.deps.config.maxImagesPerProduct).toBe(20);
    const { seller, productId } = await sellerWithProduct();
    const images = [];
    for (let i = 0; i < 20; i++) {
      const res = await uploadImage(productId, TINY_PNG, seller.token);
      expect(res.statusCode, `upload ${i + 1}: ${res.body}`).toBe(201);
      images.push(res.json());
    }
    const extra = await uploadImage(productId, TINY_PNG, seller.token);
    expect(extra.statusCode).toBe(409);
    expect(extra.json()).toEqual({ detail: expect.any(String), code: "TOO_MANY_IMAGES" });
    expect(await filesIn(`products/${productId}`)).toHaveLength(20);

    expect((await deleteImage(productId, images[0].id, seller.token)).statusCode).toBe(204);
    expect((await uploadImage(productId, TINY_PNG, seller.token)).statusCode).toBe(201);
  });

  it("racing uploads cannot pass the limit", async () => {
    const { seller, productId } = await sellerWithProduct();
    t.deps.config.maxImagesPerProduct = 3;
    try {
      const results = await Promise.all(Array.from({ length: 6 }, () => uploadImage(productId, TINY_PNG, seller.token)));
      expect(results.map((res) => res.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409]);
      expect(await t.db.productImage.count({ where: { productId } })).toBe(3);
      expect(await filesIn(`products/${productId}`)).toHaveLength(3);
    } finally {
      t.deps.config.maxImagesPerProduct = 20;
    }
  });

  it("uploads per account are rate limited: 429 with Retry-After; other accounts are not affected", async () => {
    const { seller, productId } = await sellerWithProduct();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await uploadPicture(TINY_PNG, seller.token)).statusCode);
    expect(statuses.every((status) => status === 200)).toBe(true);
    for (const res of [await uploadPicture(TINY_PNG, seller.token), await uploadImage(productId, TINY_PNG, seller.token)]) {
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      expect(res.json()).toEqual({ detail: expect.any(String), code: "RATE_LIMITED" });
    }
    expect(await t.db.productImage.count({ where: { productId } })).toBe(0);
    const other = await createShopper(t);
    expect((await uploadPicture(TINY_PNG, other.token)).statusCode).toBe(200);
  });
});
