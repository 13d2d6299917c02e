import { createElement, lazy, type ComponentType } from "react";
import type { User } from "./api.ts";

export interface PageEntry {
  path: string;
  /** The navigation link's text; pages without one are reached from another page. */
  label?: string;
  page: ComponentType;
  load: () => Promise<unknown>;
}

/**
 * A page loaded on demand. Once its chunk is in (e.g. preloaded while the session resumes) it
 * renders at once: React.lazy would still suspend for a moment, and React throttles the reveal.
 */
function entry(path: string, load: () => Promise<{ default: ComponentType }>, label?: string): PageEntry {
  let loaded: ComponentType | undefined;
  let loading: Promise<{ default: ComponentType }> | undefined;
  const loadOnce = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(loadOnce);
  const page = () => createElement(loaded ?? Lazy);
  return { path, ...(label && { label }), page, load: loadOnce };
}

// Each page is its own chunk, so the first page loads only what it shows.
const sellerPages: PageEntry[] = [
  entry("/products", () => import("./pages/seller/ProductsPage.tsx"), "Products"),
  entry("/products/new", () => import("./pages/seller/ProductCreatePage.tsx")),
  entry("/products/:id", () => import("./pages/seller/ProductEditPage.tsx")),
  entry("/orders", () => import("./pages/seller/SellerOrdersPage.tsx"), "Orders"),
  entry("/sales", () => import("./pages/seller/SalesPage.tsx"), "Sales"),
];

const staffPages: PageEntry[] = [
  entry("/staff/sellers", () => import("./pages/staff/SellersPage.tsx"), "Sellers"),
  entry("/staff/categories", () => import("./pages/staff/CategoriesPage.tsx"), "Categories"),
  entry("/staff/reviews", () => import("./pages/staff/ReviewsPage.tsx"), "Reviews"),
  entry("/staff/orders", () => import("./pages/staff/StaffOrdersPage.tsx"), "Orders"),
  entry("/staff/webhooks", () => import("./pages/staff/WebhooksPage.tsx"), "Webhooks"),
];

export const pagesFor = (user: User): PageEntry[] => (user.role === "admin" ? staffPages : sellerPages);

/** Starts loading the page at `path` (under /dashboard) while the session is being resumed. */
export function preloadPage(path: string): void {
  const segments = path.split("/").filter(Boolean);
  const match = [...sellerPages, ...staffPages].find((page) => {
    const pattern = page.path.split("/").filter(Boolean);
    return pattern.length === segments.length && pattern.every((part, i) => part.startsWith(":") || part === segments[i]);
  });
  void match?.load().catch(() => {});
}
