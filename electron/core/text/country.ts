/** The shop's country rules live in shared/ (the Settings page shows the derived country too). */
export {
  type Dialect,
  SHOP_COUNTRIES,
  currencyOfCountry,
  deriveCountry,
  dialectOf,
  normaliseCountry,
  shopCountry,
} from '../../../shared/domain/country';
