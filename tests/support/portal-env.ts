// The environment of a portal started by the browser tests with the README's own command (`npm start`): demo mode
// on its own embedded database, its own message sinks, FranceConnect stand-in and message file, so that a demo
// running beside it is not disturbed. The sinks and the stand-in take the portal's port + 25, + 26 and + 27.
export function portalEnv(port: number, pgliteDataDir: string, messagesFile: string): Record<string, string> {
  return {
    PORT: String(port),
    PGLITE_DATA_DIR: pgliteDataDir,
    DATABASE_URL: "",
    MON_COMPTE_MODE: "demo",
    // The tests' extra fictitious people (prisma/seed/test-fixtures.ts): an adult child with an account.
    MON_COMPTE_TEST_FIXTURES: "1",
    DEV_SMTP_PORT: String(port + 25),
    DEV_SMS_PORT: String(port + 26),
    // The local FranceConnect stand-in (npm start runs it when FRANCECONNECT_ISSUER is empty).
    DEV_FRANCECONNECT_PORT: String(port + 27),
    FRANCECONNECT_ISSUER: "",
    FRANCECONNECT_CLIENT_ID: "",
    FRANCECONNECT_CLIENT_SECRET: "",
    FRANCECONNECT_REDIRECT_URI: "",
    FRANCECONNECT_POST_LOGOUT_REDIRECT_URI: "",
    MESSAGES_SINK_FILE: messagesFile,
    SMTP_URL: "",
    TWILIO_ACCOUNT_SID: "",
    // No reverse proxy in front: the client address is the connection's (a test may set one).
    TRUSTED_PROXIES: "",
  };
}
