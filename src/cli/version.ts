/** Replaced at build time with the package version; "dev" when run from source. */
declare const __S3_TUTOR_VERSION__: string | undefined;
export const VERSION: string = typeof __S3_TUTOR_VERSION__ === "string" ? __S3_TUTOR_VERSION__ : "dev";
