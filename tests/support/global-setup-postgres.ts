import { setupTemplateDatabase } from "./global-setup";

const setup = () => setupTemplateDatabase("postgres");
export default setup;
