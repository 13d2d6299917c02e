import { Prisma } from "@shop/db";

/** A unique index refused the write: a race the service's own pre-check could not see. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
