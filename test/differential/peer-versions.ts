/** The versions the expectations were observed on; scripts/lib/peers.mjs installs the same (a test checks). */
export const LOCALSTACK_VERSION = "2026.3.0";
export const MOTO_VERSION = "5.2.5";
