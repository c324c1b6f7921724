/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-country.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/*
 * The countries of ISO 3166-1 with their short English names (the common name where ISO
 * gives one, "Bolivia" rather than "Bolivia, Plurinational State of") and their UN M49 world
 * region.  The names are those of the iso-codes project, so they are translated with its
 * "iso_3166-1" message catalogue, which every desktop installs, and not with Cohort's own.
 */

#define ISO_3166_DOMAIN "iso_3166-1"

typedef struct
{
  char         code[3];
  const char  *name;
  CohortRegion region;
} Country;

/* Sorted by code, for bsearch(). */
static const Country countries[] = {
  { "AD", "Andorra", COHORT_REGION_EUROPE },
  { "AE", "United Arab Emirates", COHORT_REGION_ASIA },
  { "AF", "Afghanistan", COHORT_REGION_ASIA },
  { "AG", "Antigua and Barbuda", COHORT_REGION_AMERICAS },
  { "AI", "Anguilla", COHORT_REGION_AMERICAS },
  { "AL", "Albania", COHORT_REGION_EUROPE },
  { "AM", "Armenia", COHORT_REGION_ASIA },
  { "AO", "Angola", COHORT_REGION_AFRICA },
  { "AQ", "Antarctica", COHORT_REGION_NONE },
  { "AR", "Argentina", COHORT_REGION_AMERICAS },
  { "AS", "American Samoa", COHORT_REGION_OCEANIA },
  { "AT", "Austria", COHORT_REGION_EUROPE },
  { "AU", "Australia", COHORT_REGION_OCEANIA },
  { "AW", "Aruba", COHORT_REGION_AMERICAS },
  { "AX", "Åland Islands", COHORT_REGION_EUROPE },
  { "AZ", "Azerbaijan", COHORT_REGION_ASIA },
  { "BA", "Bosnia and Herzegovina", COHORT_REGION_EUROPE },
  { "BB", "Barbados", COHORT_REGION_AMERICAS },
  { "BD", "Bangladesh", COHORT_REGION_ASIA },
  { "BE", "Belgium", COHORT_REGION_EUROPE },
  { "BF", "Burkina Faso", COHORT_REGION_AFRICA },
  { "BG", "Bulgaria", COHORT_REGION_EUROPE },
  { "BH", "Bahrain", COHORT_REGION_ASIA },
  { "BI", "Burundi", COHORT_REGION_AFRICA },
  { "BJ", "Benin", COHORT_REGION_AFRICA },
  { "BL", "Saint Barthélemy", COHORT_REGION_AMERICAS },
  { "BM", "Bermuda", COHORT_REGION_AMERICAS },
  { "BN", "Brunei Darussalam", COHORT_REGION_ASIA },
  { "BO", "Bolivia", COHORT_REGION_AMERICAS },
  { "BQ", "Bonaire, Sint Eustatius and Saba", COHORT_REGION_AMERICAS },
  { "BR", "Brazil", COHORT_REGION_AMERICAS },
  { "BS", "Bahamas", COHORT_REGION_AMERICAS },
  { "BT", "Bhutan", COHORT_REGION_ASIA },
  { "BV", "Bouvet Island", COHORT_REGION_AMERICAS },
  { "BW", "Botswana", COHORT_REGION_AFRICA },
  { "BY", "Belarus", COHORT_REGION_EUROPE },
  { "BZ", "Belize", COHORT_REGION_AMERICAS },
  { "CA", "Canada", COHORT_REGION_AMERICAS },
  { "CC", "Cocos (Keeling) Islands", COHORT_REGION_OCEANIA },
  { "CD", "Congo, The Democratic Republic of the", COHORT_REGION_AFRICA },
  { "CF", "Central African Republic", COHORT_REGION_AFRICA },
  { "CG", "Congo", COHORT_REGION_AFRICA },
  { "CH", "Switzerland", COHORT_REGION_EUROPE },
  { "CI", "Côte d'Ivoire", COHORT_REGION_AFRICA },
  { "CK", "Cook Islands", COHORT_REGION_OCEANIA },
  { "CL", "Chile", COHORT_REGION_AMERICAS },
  { "CM", "Cameroon", COHORT_REGION_AFRICA },
  { "CN", "China", COHORT_REGION_ASIA },
  { "CO", "Colombia", COHORT_REGION_AMERICAS },
  { "CR", "Costa Rica", COHORT_REGION_AMERICAS },
  { "CU", "Cuba", COHORT_REGION_AMERICAS },
  { "CV", "Cabo Verde", COHORT_REGION_AFRICA },
  { "CW", "Curaçao", COHORT_REGION_AMERICAS },
  { "CX", "Christmas Island", COHORT_REGION_OCEANIA },
  { "CY", "Cyprus", COHORT_REGION_ASIA },
  { "CZ", "Czechia", COHORT_REGION_EUROPE },
  { "DE", "Germany", COHORT_REGION_EUROPE },
  { "DJ", "Djibouti", COHORT_REGION_AFRICA },
  { "DK", "Denmark", COHORT_REGION_EUROPE },
  { "DM", "Dominica", COHORT_REGION_AMERICAS },
  { "DO", "Dominican Republic", COHORT_REGION_AMERICAS },
  { "DZ", "Algeria", COHORT_REGION_AFRICA },
  { "EC", "Ecuador", COHORT_REGION_AMERICAS },
  { "EE", "Estonia", COHORT_REGION_EUROPE },
  { "EG", "Egypt", COHORT_REGION_AFRICA },
  { "EH", "Western Sahara", COHORT_REGION_AFRICA },
  { "ER", "Eritrea", COHORT_REGION_AFRICA },
  { "ES", "Spain", COHORT_REGION_EUROPE },
  { "ET", "Ethiopia", COHORT_REGION_AFRICA },
  { "FI", "Finland", COHORT_REGION_EUROPE },
  { "FJ", "Fiji", COHORT_REGION_OCEANIA },
  { "FK", "Falkland Islands (Malvinas)", COHORT_REGION_AMERICAS },
  { "FM", "Micronesia, Federated States of", COHORT_REGION_OCEANIA },
  { "FO", "Faroe Islands", COHORT_REGION_EUROPE },
  { "FR", "France", COHORT_REGION_EUROPE },
  { "GA", "Gabon", COHORT_REGION_AFRICA },
  { "GB", "United Kingdom", COHORT_REGION_EUROPE },
  { "GD", "Grenada", COHORT_REGION_AMERICAS },
  { "GE", "Georgia", COHORT_REGION_ASIA },
  { "GF", "French Guiana", COHORT_REGION_AMERICAS },
  { "GG", "Guernsey", COHORT_REGION_EUROPE },
  { "GH", "Ghana", COHORT_REGION_AFRICA },
  { "GI", "Gibraltar", COHORT_REGION_EUROPE },
  { "GL", "Greenland", COHORT_REGION_AMERICAS },
  { "GM", "Gambia", COHORT_REGION_AFRICA },
  { "GN", "Guinea", COHORT_REGION_AFRICA },
  { "GP", "Guadeloupe", COHORT_REGION_AMERICAS },
  { "GQ", "Equatorial Guinea", COHORT_REGION_AFRICA },
  { "GR", "Greece", COHORT_REGION_EUROPE },
  { "GS", "South Georgia and the South Sandwich Islands", COHORT_REGION_AMERICAS },
  { "GT", "Guatemala", COHORT_REGION_AMERICAS },
  { "GU", "Guam", COHORT_REGION_OCEANIA },
  { "GW", "Guinea-Bissau", COHORT_REGION_AFRICA },
  { "GY", "Guyana", COHORT_REGION_AMERICAS },
  { "HK", "Hong Kong", COHORT_REGION_ASIA },
  { "HM", "Heard Island and McDonald Islands", COHORT_REGION_OCEANIA },
  { "HN", "Honduras", COHORT_REGION_AMERICAS },
  { "HR", "Croatia", COHORT_REGION_EUROPE },
  { "HT", "Haiti", COHORT_REGION_AMERICAS },
  { "HU", "Hungary", COHORT_REGION_EUROPE },
  { "ID", "Indonesia", COHORT_REGION_ASIA },
  { "IE", "Ireland", COHORT_REGION_EUROPE },
  { "IL", "Israel", COHORT_REGION_ASIA },
  { "IM", "Isle of Man", COHORT_REGION_EUROPE },
  { "IN", "India", COHORT_REGION_ASIA },
  { "IO", "British Indian Ocean Territory", COHORT_REGION_AFRICA },
  { "IQ", "Iraq", COHORT_REGION_ASIA },
  { "IR", "Iran", COHORT_REGION_ASIA },
  { "IS", "Iceland", COHORT_REGION_EUROPE },
  { "IT", "Italy", COHORT_REGION_EUROPE },
  { "JE", "Jersey", COHORT_REGION_EUROPE },
  { "JM", "Jamaica", COHORT_REGION_AMERICAS },
  { "JO", "Jordan", COHORT_REGION_ASIA },
  { "JP", "Japan", COHORT_REGION_ASIA },
  { "KE", "Kenya", COHORT_REGION_AFRICA },
  { "KG", "Kyrgyzstan", COHORT_REGION_ASIA },
  { "KH", "Cambodia", COHORT_REGION_ASIA },
  { "KI", "Kiribati", COHORT_REGION_OCEANIA },
  { "KM", "Comoros", COHORT_REGION_AFRICA },
  { "KN", "Saint Kitts and Nevis", COHORT_REGION_AMERICAS },
  { "KP", "North Korea", COHORT_REGION_ASIA },
  { "KR", "South Korea", COHORT_REGION_ASIA },
  { "KW", "Kuwait", COHORT_REGION_ASIA },
  { "KY", "Cayman Islands", COHORT_REGION_AMERICAS },
  { "KZ", "Kazakhstan", COHORT_REGION_ASIA },
  { "LA", "Laos", COHORT_REGION_ASIA },
  { "LB", "Lebanon", COHORT_REGION_ASIA },
  { "LC", "Saint Lucia", COHORT_REGION_AMERICAS },
  { "LI", "Liechtenstein", COHORT_REGION_EUROPE },
  { "LK", "Sri Lanka", COHORT_REGION_ASIA },
  { "LR", "Liberia", COHORT_REGION_AFRICA },
  { "LS", "Lesotho", COHORT_REGION_AFRICA },
  { "LT", "Lithuania", COHORT_REGION_EUROPE },
  { "LU", "Luxembourg", COHORT_REGION_EUROPE },
  { "LV", "Latvia", COHORT_REGION_EUROPE },
  { "LY", "Libya", COHORT_REGION_AFRICA },
  { "MA", "Morocco", COHORT_REGION_AFRICA },
  { "MC", "Monaco", COHORT_REGION_EUROPE },
  { "MD", "Moldova", COHORT_REGION_EUROPE },
  { "ME", "Montenegro", COHORT_REGION_EUROPE },
  { "MF", "Saint Martin (French part)", COHORT_REGION_AMERICAS },
  { "MG", "Madagascar", COHORT_REGION_AFRICA },
  { "MH", "Marshall Islands", COHORT_REGION_OCEANIA },
  { "MK", "North Macedonia", COHORT_REGION_EUROPE },
  { "ML", "Mali", COHORT_REGION_AFRICA },
  { "MM", "Myanmar", COHORT_REGION_ASIA },
  { "MN", "Mongolia", COHORT_REGION_ASIA },
  { "MO", "Macao", COHORT_REGION_ASIA },
  { "MP", "Northern Mariana Islands", COHORT_REGION_OCEANIA },
  { "MQ", "Martinique", COHORT_REGION_AMERICAS },
  { "MR", "Mauritania", COHORT_REGION_AFRICA },
  { "MS", "Montserrat", COHORT_REGION_AMERICAS },
  { "MT", "Malta", COHORT_REGION_EUROPE },
  { "MU", "Mauritius", COHORT_REGION_AFRICA },
  { "MV", "Maldives", COHORT_REGION_ASIA },
  { "MW", "Malawi", COHORT_REGION_AFRICA },
  { "MX", "Mexico", COHORT_REGION_AMERICAS },
  { "MY", "Malaysia", COHORT_REGION_ASIA },
  { "MZ", "Mozambique", COHORT_REGION_AFRICA },
  { "NA", "Namibia", COHORT_REGION_AFRICA },
  { "NC", "New Caledonia", COHORT_REGION_OCEANIA },
  { "NE", "Niger", COHORT_REGION_AFRICA },
  { "NF", "Norfolk Island", COHORT_REGION_OCEANIA },
  { "NG", "Nigeria", COHORT_REGION_AFRICA },
  { "NI", "Nicaragua", COHORT_REGION_AMERICAS },
  { "NL", "Netherlands", COHORT_REGION_EUROPE },
  { "NO", "Norway", COHORT_REGION_EUROPE },
  { "NP", "Nepal", COHORT_REGION_ASIA },
  { "NR", "Nauru", COHORT_REGION_OCEANIA },
  { "NU", "Niue", COHORT_REGION_OCEANIA },
  { "NZ", "New Zealand", COHORT_REGION_OCEANIA },
  { "OM", "Oman", COHORT_REGION_ASIA },
  { "PA", "Panama", COHORT_REGION_AMERICAS },
  { "PE", "Peru", COHORT_REGION_AMERICAS },
  { "PF", "French Polynesia", COHORT_REGION_OCEANIA },
  { "PG", "Papua New Guinea", COHORT_REGION_OCEANIA },
  { "PH", "Philippines", COHORT_REGION_ASIA },
  { "PK", "Pakistan", COHORT_REGION_ASIA },
  { "PL", "Poland", COHORT_REGION_EUROPE },
  { "PM", "Saint Pierre and Miquelon", COHORT_REGION_AMERICAS },
  { "PN", "Pitcairn", COHORT_REGION_OCEANIA },
  { "PR", "Puerto Rico", COHORT_REGION_AMERICAS },
  { "PS", "Palestine, State of", COHORT_REGION_ASIA },
  { "PT", "Portugal", COHORT_REGION_EUROPE },
  { "PW", "Palau", COHORT_REGION_OCEANIA },
  { "PY", "Paraguay", COHORT_REGION_AMERICAS },
  { "QA", "Qatar", COHORT_REGION_ASIA },
  { "RE", "Réunion", COHORT_REGION_AFRICA },
  { "RO", "Romania", COHORT_REGION_EUROPE },
  { "RS", "Serbia", COHORT_REGION_EUROPE },
  { "RU", "Russian Federation", COHORT_REGION_EUROPE },
  { "RW", "Rwanda", COHORT_REGION_AFRICA },
  { "SA", "Saudi Arabia", COHORT_REGION_ASIA },
  { "SB", "Solomon Islands", COHORT_REGION_OCEANIA },
  { "SC", "Seychelles", COHORT_REGION_AFRICA },
  { "SD", "Sudan", COHORT_REGION_AFRICA },
  { "SE", "Sweden", COHORT_REGION_EUROPE },
  { "SG", "Singapore", COHORT_REGION_ASIA },
  { "SH", "Saint Helena, Ascension and Tristan da Cunha", COHORT_REGION_AFRICA },
  { "SI", "Slovenia", COHORT_REGION_EUROPE },
  { "SJ", "Svalbard and Jan Mayen", COHORT_REGION_EUROPE },
  { "SK", "Slovakia", COHORT_REGION_EUROPE },
  { "SL", "Sierra Leone", COHORT_REGION_AFRICA },
  { "SM", "San Marino", COHORT_REGION_EUROPE },
  { "SN", "Senegal", COHORT_REGION_AFRICA },
  { "SO", "Somalia", COHORT_REGION_AFRICA },
  { "SR", "Suriname", COHORT_REGION_AMERICAS },
  { "SS", "South Sudan", COHORT_REGION_AFRICA },
  { "ST", "Sao Tome and Principe", COHORT_REGION_AFRICA },
  { "SV", "El Salvador", COHORT_REGION_AMERICAS },
  { "SX", "Sint Maarten (Dutch part)", COHORT_REGION_AMERICAS },
  { "SY", "Syria", COHORT_REGION_ASIA },
  { "SZ", "Eswatini", COHORT_REGION_AFRICA },
  { "TC", "Turks and Caicos Islands", COHORT_REGION_AMERICAS },
  { "TD", "Chad", COHORT_REGION_AFRICA },
  { "TF", "French Southern Territories", COHORT_REGION_AFRICA },
  { "TG", "Togo", COHORT_REGION_AFRICA },
  { "TH", "Thailand", COHORT_REGION_ASIA },
  { "TJ", "Tajikistan", COHORT_REGION_ASIA },
  { "TK", "Tokelau", COHORT_REGION_OCEANIA },
  { "TL", "Timor-Leste", COHORT_REGION_ASIA },
  { "TM", "Turkmenistan", COHORT_REGION_ASIA },
  { "TN", "Tunisia", COHORT_REGION_AFRICA },
  { "TO", "Tonga", COHORT_REGION_OCEANIA },
  { "TR", "Türkiye", COHORT_REGION_ASIA },
  { "TT", "Trinidad and Tobago", COHORT_REGION_AMERICAS },
  { "TV", "Tuvalu", COHORT_REGION_OCEANIA },
  { "TW", "Taiwan", COHORT_REGION_ASIA },
  { "TZ", "Tanzania", COHORT_REGION_AFRICA },
  { "UA", "Ukraine", COHORT_REGION_EUROPE },
  { "UG", "Uganda", COHORT_REGION_AFRICA },
  { "UM", "United States Minor Outlying Islands", COHORT_REGION_AMERICAS },
  { "US", "United States", COHORT_REGION_AMERICAS },
  { "UY", "Uruguay", COHORT_REGION_AMERICAS },
  { "UZ", "Uzbekistan", COHORT_REGION_ASIA },
  { "VA", "Holy See (Vatican City State)", COHORT_REGION_EUROPE },
  { "VC", "Saint Vincent and the Grenadines", COHORT_REGION_AMERICAS },
  { "VE", "Venezuela", COHORT_REGION_AMERICAS },
  { "VG", "Virgin Islands, British", COHORT_REGION_AMERICAS },
  { "VI", "Virgin Islands, U.S.", COHORT_REGION_AMERICAS },
  { "VN", "Vietnam", COHORT_REGION_ASIA },
  { "VU", "Vanuatu", COHORT_REGION_OCEANIA },
  { "WF", "Wallis and Futuna", COHORT_REGION_OCEANIA },
  { "WS", "Samoa", COHORT_REGION_OCEANIA },
  { "YE", "Yemen", COHORT_REGION_ASIA },
  { "YT", "Mayotte", COHORT_REGION_AFRICA },
  { "ZA", "South Africa", COHORT_REGION_AFRICA },
  { "ZM", "Zambia", COHORT_REGION_AFRICA },
  { "ZW", "Zimbabwe", COHORT_REGION_AFRICA },
};

static int
compare_code (const void *key,
              const void *element)
{
  const Country *country = element;

  return strcmp (key, country->code);
}

static const Country *
find_country (const char *code)
{
  if (code == NULL || strlen (code) != 2)
    return NULL;

  return bsearch (code, countries, G_N_ELEMENTS (countries), sizeof countries[0], compare_code);
}

/**
 * cohort_country_get_name:
 * @code: (nullable): an ISO 3166-1 alpha-2 code
 *
 * Returns: (nullable): the country's name in the user's language, or %NULL when @code is not
 *   a country ISO 3166-1 knows
 */
const char *
cohort_country_get_name (const char *code)
{
  const Country *country = find_country (code);

  if (country == NULL)
    return NULL;

  return g_dgettext (ISO_3166_DOMAIN, country->name);
}

/**
 * cohort_country_get_region:
 * @code: (nullable): an ISO 3166-1 alpha-2 code
 *
 * Returns: the country's world region, or %COHORT_REGION_NONE when it has none or is unknown
 */
CohortRegion
cohort_country_get_region (const char *code)
{
  const Country *country = find_country (code);

  return country != NULL ? country->region : COHORT_REGION_NONE;
}

/**
 * cohort_region_get_name:
 * @region: a world region
 *
 * Returns: the region's name, translated
 */
const char *
cohort_region_get_name (CohortRegion region)
{
  switch (region)
    {
    case COHORT_REGION_AFRICA:
      return C_("world region", "Africa");
    case COHORT_REGION_AMERICAS:
      return C_("world region", "Americas");
    case COHORT_REGION_ASIA:
      return C_("world region", "Asia");
    case COHORT_REGION_EUROPE:
      return C_("world region", "Europe");
    case COHORT_REGION_OCEANIA:
      return C_("world region", "Oceania");
    case COHORT_REGION_NONE:
    default:
      return C_("world region", "Unknown region");
    }
}
