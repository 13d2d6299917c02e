/** An API timestamp in the reader's locale and time zone, to the minute. */
export const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
