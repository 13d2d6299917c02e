import { z } from "zod";

// Account fields shared by registration and staff onboarding, so staff cannot make what a user
// could not. Factories: trpc-to-openapi mutates the schemas it is given.
export const usernameField = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(150)
    .regex(/^[\w.@+-]+$/, "Letters, digits and @/./+/-/_ only.");

export const emailField = () => z.email().max(254);
