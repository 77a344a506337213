import { setupTemplateDatabase } from "./global-setup";

export default () => setupTemplateDatabase("postgres");
