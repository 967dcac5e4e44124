import type en from "../messages/en.json";

// Every t("key") is checked against the English catalogue at compile time; the catalogue
// test (i18n/catalogue.test.ts) keeps Arabic's keys identical to English's.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof en;
  }
}
