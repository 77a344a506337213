import { setupTemplateDatabase } from "./global-setup";

const setup = () => setupTemplateDatabase("pglite");
export default setup;
