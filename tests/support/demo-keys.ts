import { loadAppConfig, fieldKeysOf } from "../../lib/config/app-config";

/** The demo encryption and lookup keys, as the seeded demo database uses them. */
export function demoKeys() {
  const config = loadAppConfig({});
  return fieldKeysOf(config);
}
