import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { address, createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { multipartBody, TINY_PNG } from "./multipart.ts";
import { expectNoStackTrace, startTestApp, type TestApp } from "./support.ts";

// API.md Conventions: text inputs are Unicode without NUL; a NUL is a 400 naming the field, never a 500.
let t: TestApp;
let customer: Shopper;
let seller: Shopper;
let productId: number;
let variantId: number;
let categoryId: number;
beforeAll(async () => {
  t = await startTestApp();
  customer = await createShopper(t);
  seller = await createShopper(t, "seller");
  ({ productId, variantId } = await createVariant(t, { sellerId: seller.id }));
  categoryId = (await t.db.category.create({ data: { name: "Nul", slug: "nul" }, select: { id: true } })).id;
});
afterAll(() => t.close());

const NUL = "a\u0000b";
const variantWith = (changes: object) => ({ sku: "NUL-1", name: "Plain", price: "9.99", stock: 1, ...changes });
const productWith = (changes: object, variant: object = {}) => ({
  name: "Plain",
  description: "",
  category: categoryId,
  variants: [variantWith(variant)],
  ...changes,
});

interface Case {
  place: string;
  method: "POST" | "PATCH";
  url: string;
  body: object;
  token?: () => string;
  field: string;
}

const jsonCases: Case[] = [
  {
    place: "register username",
    method: "POST",
    url: "/api/auth/register/",
    body: { username: NUL, email: "n@example.com", password: "tidy-Lantern-42" },
    field: "username",
  },
  {
    place: "register first_name",
    method: "POST",
    url: "/api/auth/register/",
    body: { username: "nul_first", email: "f@example.com", password: "tidy-Lantern-42", first_name: NUL },
    field: "first_name",
  },
  {
    place: "register last_name",
    method: "POST",
    url: "/api/auth/register/",
    body: { username: "nul_last", email: "l@example.com", password: "tidy-Lantern-42", last_name: NUL },
    field: "last_name",
  },
  {
    place: "login username",
    method: "POST",
    url: "/api/auth/login/",
    body: { username: NUL, password: "whatever-password" },
    field: "username",
  },
  { place: "refresh token", method: "POST", url: "/api/token/refresh/", body: { refresh: NUL }, field: "refresh" },
  {
    place: "logout token",
    method: "POST",
    url: "/api/auth/logout/",
    body: { refresh: NUL },
    token: () => customer.token,
    field: "refresh",
  },
  {
    place: "profile first_name (JSON)",
    method: "PATCH",
    url: "/api/profile/me/",
    body: { first_name: NUL },
    token: () => customer.token,
    field: "first_name",
  },
  {
    place: "profile last_name (JSON)",
    method: "PATCH",
    url: "/api/profile/me/",
    body: { last_name: NUL },
    token: () => customer.token,
    field: "last_name",
  },
  {
    place: "product name",
    method: "POST",
    url: "/api/products/create/",
    body: productWith({ name: NUL }),
    token: () => seller.token,
    field: "name",
  },
  {
    place: "product description",
    method: "POST",
    url: "/api/products/create/",
    body: productWith({ description: NUL }),
    token: () => seller.token,
    field: "description",
  },
  {
    place: "variant name (create)",
    method: "POST",
    url: "/api/products/create/",
    body: productWith({}, { name: NUL }),
    token: () => seller.token,
    field: "variants.0.name",
  },
  {
    place: "attribute key",
    method: "POST",
    url: "/api/products/create/",
    body: productWith({}, { attributes: { [NUL]: "red" } }),
    token: () => seller.token,
    field: "variants.0.attributes",
  },
  {
    place: "attribute value",
    method: "POST",
    url: "/api/products/create/",
    body: productWith({}, { attributes: { colour: NUL } }),
    token: () => seller.token,
    field: "variants.0.attributes.colour",
  },
  {
    place: "product name (update)",
    method: "PATCH",
    url: "/api/products/{product}/",
    body: { name: NUL },
    token: () => seller.token,
    field: "name",
  },
  {
    place: "product description (update)",
    method: "PATCH",
    url: "/api/products/{product}/",
    body: { description: NUL },
    token: () => seller.token,
    field: "description",
  },
  {
    place: "variant name (add)",
    method: "POST",
    url: "/api/products/{product}/variants/",
    body: variantWith({ name: NUL }),
    token: () => seller.token,
    field: "name",
  },
  {
    place: "variant name (update)",
    method: "PATCH",
    url: "/api/products/{product}/variants/{variant}/",
    body: { name: NUL },
    token: () => seller.token,
    field: "name",
  },
  {
    place: "review comment",
    method: "POST",
    url: "/api/products/{product}/reviews/add/",
    body: { rating: 4, comment: NUL },
    token: () => customer.token,
    field: "comment",
  },
  ...Object.keys({ ...address, line2: "" }).map((key): Case => ({
    place: `shipping_address.${key}`,
    method: "POST",
    url: "/api/orders/create/",
    body: { shipping_address: { ...address, [key]: NUL } },
    token: () => customer.token,
    field: `shipping_address.${key}`,
  })),
];

function expectNulRefused(res: { statusCode: number; body: string; json(): unknown }, field: string) {
  expectNoStackTrace(res.body);
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json()).toEqual({ detail: expect.any(String), code: "VALIDATION_ERROR", fields: { [field]: [expect.any(String)] } });
}

describe("a NUL character in any free-text field → 400 naming the field", () => {
  it.each(jsonCases)("REST JSON: $place", async ({ method, url, body, token, field }) => {
    const res = await t.app.inject({
      method,
      url: url.replace("{product}", String(productId)).replace("{variant}", String(variantId)),
      headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token()}` }) },
      payload: JSON.stringify(body),
    });
    expectNulRefused(res, field);
  });

  it.each(["first_name", "last_name"])("multipart profile %s, with and without a picture", async (field) => {
    for (const parts of [
      [{ name: field, value: NUL }],
      [
        { name: field, value: NUL },
        { name: "profile_picture", value: TINY_PNG, filename: "p.png", type: "image/png" },
      ],
    ]) {
      const { payload, contentType } = multipartBody(parts);
      const res = await t.app.inject({
        method: "PATCH",
        url: "/api/profile/me/",
        payload,
        headers: { "content-type": contentType, authorization: `Bearer ${customer.token}` },
      });
      expectNulRefused(res, field);
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: customer.id } })).profilePicture).toBeNull();
  });

  it("multipart upload alt_text; no image is added", async () => {
    const { payload, contentType } = multipartBody([
      { name: "alt_text", value: NUL },
      { name: "image", value: TINY_PNG, filename: "i.png", type: "image/png" },
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/products/${productId}/upload-image/`,
      payload,
      headers: { "content-type": contentType, authorization: `Bearer ${seller.token}` },
    });
    expectNulRefused(res, "alt_text");
    expect(await t.db.productImage.count({ where: { productId } })).toBe(0);
  });

  it("tRPC auth.login: 400 with the same code and fields in error.data", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: NUL, password: "whatever-password" }),
    });
    expectNoStackTrace(res.body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.data).toMatchObject({
      code: "VALIDATION_ERROR",
      fields: { username: [expect.any(String)] },
      httpStatus: 400,
    });
  });

  it("nothing was written by any of them", async () => {
    expect(await t.db.user.count({ where: { username: { startsWith: "nul_" } } })).toBe(0);
    expect(await t.db.product.count({ where: { categoryId } })).toBe(0);
    expect(await t.db.review.count()).toBe(0);
    expect(await t.db.order.count()).toBe(0);
  });
});
