import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { User } from "./api.ts";

export interface PageEntry {
  path: string;
  /** The navigation link's text; pages without one are reached from another page. */
  label?: string;
  page: LazyExoticComponent<ComponentType>;
}

// Each page is its own chunk, so the first page loads only what it shows.
const sellerPages: PageEntry[] = [
  { path: "/products", label: "Products", page: lazy(() => import("./pages/seller/ProductsPage.tsx")) },
  { path: "/products/new", page: lazy(() => import("./pages/seller/ProductCreatePage.tsx")) },
  { path: "/products/:id", page: lazy(() => import("./pages/seller/ProductEditPage.tsx")) },
  { path: "/orders", label: "Orders", page: lazy(() => import("./pages/seller/SellerOrdersPage.tsx")) },
  { path: "/sales", label: "Sales", page: lazy(() => import("./pages/seller/SalesPage.tsx")) },
];

const staffPages: PageEntry[] = [
  { path: "/staff/sellers", label: "Sellers", page: lazy(() => import("./pages/staff/SellersPage.tsx")) },
  { path: "/staff/categories", label: "Categories", page: lazy(() => import("./pages/staff/CategoriesPage.tsx")) },
  { path: "/staff/reviews", label: "Reviews", page: lazy(() => import("./pages/staff/ReviewsPage.tsx")) },
  { path: "/staff/orders", label: "Orders", page: lazy(() => import("./pages/staff/StaffOrdersPage.tsx")) },
  { path: "/staff/webhooks", label: "Webhooks", page: lazy(() => import("./pages/staff/WebhooksPage.tsx")) },
];

export const pagesFor = (user: User): PageEntry[] => (user.role === "admin" ? staffPages : sellerPages);
