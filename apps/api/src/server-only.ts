// Stands in for the `server-only` package in the API server's bundle and tests: that
// package guards modules against React client bundles, and this server has none.
export {};
