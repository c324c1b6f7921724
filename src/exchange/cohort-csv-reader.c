/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-csv"

#include "config.h"

#include "cohort-csv-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-utils.h"
#include "cohort-vocabulary.h"

/**
 * CohortCsvReader:
 *
 * Reads an RFC 4180 CSV file, as offices keep them in spreadsheets, from a stream: UTF-8 with or
 * without a byte order mark, cells separated by commas or (as Excel writes them in French or
 * Spanish) semicolons, decided from the header line; quoted cells that hold quotes, separators
 * and line breaks; CRLF or LF line ends.  A file in another encoding is refused with the line
 * where it stops being UTF-8 (a UTF-16 file at once, with what to do instead).
 *
 * Rows come back either as plain cells (cohort_csv_reader_next_row()) or, for one of the import
 * targets, as #CohortImportRecord (cohort_csv_reader_next()): the first row is then the header,
 * whose columns are found by name in English, French, Spanish or Japanese.  Each row becomes a
 * record, or a record marked rejected with the reason; what the reader had to interpret (a date
 * written day/month/year, an unknown gender word, a column it does not use) becomes a warning.
 * Every record and warning carries the line where its row starts.
 */

#define CHUNK_SIZE 65536
#define MAX_HEADER_PEEK (4 * 1024 * 1024)
#define MAX_ISSUES 10000 /* warnings kept; a file of 100,000 rows need not have 100,000 */

typedef enum
{
  VALUE_TEXT,
  VALUE_DATE,
  VALUE_COUNTRY,
  VALUE_GENDER,
  VALUE_EMAIL,
  VALUE_VOCABULARY,
} ValueKind;

typedef struct
{
  const char       *name;        /* the column name Cohort writes, also an alias */
  gsize             offset;      /* of the char * member in the record */
  ValueKind         kind;
  CohortVocabulary  vocabulary;  /* for VALUE_VOCABULARY */
  const char       *aliases;     /* separated by | */
} FieldSpec;

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} ParseState;

struct _CohortCsvReader
{
  GObject          parent_instance;

  GInputStream    *stream;
  char            *file_name;
  CohortCsvTarget  target;

  guint8          *buffer;
  gsize            buffer_size;
  gsize            buffer_len;
  gsize            buffer_pos;
  goffset          total_read;
  gboolean         eof;
  gboolean         started;
  gboolean         had_bom;
  char             delimiter;
  guint            line;       /* the line of the next byte */
  GError          *failure;    /* sticky: once the file is refused, it stays refused */

  gboolean         header_read;
  guint            n_columns;
  char           **column_names;
  int             *column_fields; /* column -> index in the target's FieldSpec table, or -1 */

  GPtrArray       *issues;
};

G_DEFINE_FINAL_TYPE (CohortCsvReader, cohort_csv_reader, G_TYPE_OBJECT)

#define PERSON_FIELD(member) G_STRUCT_OFFSET (CohortImportPerson, member)
#define ORGANISATION_FIELD(member) G_STRUCT_OFFSET (CohortImportOrganisation, member)
#define PLACEMENT_FIELD(member) G_STRUCT_OFFSET (CohortImportPlacement, member)

static const FieldSpec person_fields[] = {
  { "code", PERSON_FIELD (code), VALUE_TEXT, 0,
    "person code|trainee code|participant code|code stagiaire|código|codigo|コード|番号|"
    "研修員コード" },
  { "family_name", PERSON_FIELD (family_name), VALUE_TEXT, 0,
    "family name|surname|last name|lastname|nom|nom de famille|apellido|apellidos|姓|氏|名字|"
    "苗字" },
  { "given_name", PERSON_FIELD (given_name), VALUE_TEXT, 0,
    "given name|first name|firstname|forename|given names|prénom|prénoms|nombre|nombres|名" },
  { "family_name_local", PERSON_FIELD (family_name_local), VALUE_TEXT, 0,
    "family name local|local family name|family name (local script)|family name (original)|"
    "nom (écriture locale)|apellido (escritura local)|姓（漢字）|姓（現地語）|姓(原語)" },
  { "given_name_local", PERSON_FIELD (given_name_local), VALUE_TEXT, 0,
    "given name local|local given name|given name (local script)|given name (original)|"
    "prénom (écriture locale)|nombre (escritura local)|名（漢字）|名（現地語）|名(原語)" },
  { "name_order", PERSON_FIELD (name_order), VALUE_VOCABULARY, COHORT_VOCABULARY_NAME_ORDER,
    "name order|ordre du nom|orden del nombre|氏名の順" },
  { "gender", PERSON_FIELD (gender), VALUE_GENDER, 0,
    "sex|sexe|genre|sexo|género|genero|性別" },
  { "gender_self", PERSON_FIELD (gender_self), VALUE_TEXT, 0,
    "gender self|self-described gender|gender (self-described)|genre (auto-décrit)|"
    "género (autodescrito)|性自認" },
  { "birth_date", PERSON_FIELD (birth_date), VALUE_DATE, 0,
    "birth date|date of birth|dob|birthdate|birthday|born|date de naissance|né le|née le|"
    "fecha de nacimiento|fecha nacimiento|nacimiento|生年月日|誕生日" },
  { "nationality", PERSON_FIELD (nationality), VALUE_COUNTRY, 0,
    "citizenship|nationalité|nacionalidad|国籍" },
  { "email", PERSON_FIELD (email), VALUE_EMAIL, 0,
    "e-mail|email address|e-mail address|mail|courriel|adresse électronique|adresse e-mail|"
    "correo|correo electrónico|メール|メールアドレス|電子メール" },
  { "phone", PERSON_FIELD (phone), VALUE_TEXT, 0,
    "telephone|phone number|mobile|téléphone|teléfono|telefono|móvil|電話|電話番号|携帯電話" },
  { "affiliation", PERSON_FIELD (affiliation), VALUE_TEXT, 0,
    "organisation|organization|employer|organisme|employeur|organización|organizacion|"
    "empleador|所属|所属機関|所属先" },
  { "notes", PERSON_FIELD (notes), VALUE_TEXT, 0,
    "note|comments|comment|remarks|remarques|commentaires|notas|observaciones|備考|メモ" },
};

static const FieldSpec organisation_fields[] = {
  { "code", ORGANISATION_FIELD (code), VALUE_TEXT, 0,
    "organisation code|organization code|código|codigo|コード" },
  { "name", ORGANISATION_FIELD (name), VALUE_TEXT, 0,
    "organisation|organization|organisation name|organization name|nom|nom de l'organisation|"
    "organisme|nombre|organización|organizacion|名称|組織名|機関名" },
  { "acronym", ORGANISATION_FIELD (acronym), VALUE_TEXT, 0,
    "abbreviation|short name|sigle|acronyme|acrónimo|siglas|略称" },
  { "kind", ORGANISATION_FIELD (kind), VALUE_VOCABULARY, COHORT_VOCABULARY_ORGANISATION_KIND,
    "type|organisation kind|organisation type|organization type|catégorie|genre|tipo|種別|"
    "種類" },
  { "parent", ORGANISATION_FIELD (parent), VALUE_TEXT, 0,
    "parent organisation|parent organization|agency|belongs to|organisation mère|"
    "organización matriz|親組織|上部組織" },
  { "country", ORGANISATION_FIELD (country), VALUE_COUNTRY, 0,
    "pays|país|pais|国|国名|所在国" },
  { "city", ORGANISATION_FIELD (city), VALUE_TEXT, 0,
    "town|ville|ciudad|都市|市|所在地" },
  { "postcode", ORGANISATION_FIELD (postcode), VALUE_TEXT, 0,
    "postal code|zip|zip code|code postal|código postal|郵便番号" },
  { "url", ORGANISATION_FIELD (url), VALUE_TEXT, 0,
    "website|web site|web|site web|site internet|sitio web|ウェブサイト|ホームページ" },
};

static const FieldSpec placement_fields[] = {
  { "person_code", PLACEMENT_FIELD (person_code), VALUE_TEXT, 0,
    "person code|trainee code|participant code|code|person|trainee|code stagiaire|"
    "code du stagiaire|código|codigo|código del participante|コード|研修員コード" },
  { "person_email", PLACEMENT_FIELD (person_email), VALUE_EMAIL, 0,
    "email|e-mail|email address|courriel|correo|correo electrónico|メール|メールアドレス" },
  { "host", PLACEMENT_FIELD (host), VALUE_TEXT, 0,
    "host organisation|host organization|agency|host agency|organisation|organization|"
    "organisme d'accueil|organisation d'accueil|organismo|organización|organismo de acogida|"
    "派遣先|受入機関|受入先|派遣先機関" },
  { "office", PLACEMENT_FIELD (office), VALUE_TEXT, 0,
    "field office|duty office|bureau|bureau de terrain|oficina|oficina local|事務所|派遣先事務所" },
  { "duty_station", PLACEMENT_FIELD (duty_station), VALUE_TEXT, 0,
    "duty station|station|lieu d'affectation|lugar de destino|destino|勤務地" },
  { "country", PLACEMENT_FIELD (country), VALUE_COUNTRY, 0,
    "pays|país|pais|国|派遣国|国名" },
  { "position_title", PLACEMENT_FIELD (position_title), VALUE_TEXT, 0,
    "position|title|job title|poste|intitulé du poste|puesto|cargo|役職|職名|ポスト" },
  { "modality", PLACEMENT_FIELD (modality), VALUE_VOCABULARY,
    COHORT_VOCABULARY_PLACEMENT_MODALITY,
    "contract|contract type|type|modalité|modalidad|tipo de contrato|派遣形態|形態" },
  { "funded_by", PLACEMENT_FIELD (funded_by), VALUE_TEXT, 0,
    "funding|funder|financement|financé par|financiado por|financiación|資金|財源" },
  { "start_date", PLACEMENT_FIELD (start_date), VALUE_DATE, 0,
    "start|from|begins|date de début|début|fecha de inicio|inicio|開始日|派遣開始日" },
  { "end_date", PLACEMENT_FIELD (end_date), VALUE_DATE, 0,
    "end|to|until|ends|date de fin|fin|fecha de fin|fecha de término|fin previsto|終了日|"
    "終了予定日|派遣終了日" },
  { "actual_end_date", PLACEMENT_FIELD (actual_end_date), VALUE_DATE, 0,
    "actual end|ended on|date de fin effective|fecha de fin real|実際の終了日|実終了日" },
  { "status", PLACEMENT_FIELD (status), VALUE_VOCABULARY, COHORT_VOCABULARY_PLACEMENT_STATUS,
    "state|statut|état|estado|situación|状況|ステータス|状態" },
};

/* The other names of some terms, beyond their codes and English labels. */
static const struct {
  CohortVocabulary  vocabulary;
  const char       *code;
  const char       *aliases;
} term_aliases[] = {
  { COHORT_VOCABULARY_PLACEMENT_MODALITY, "un_volunteer",
    "unv|un volunteers|volunteer|volontaire des nations unies|voluntario de las naciones unidas|"
    "国連ボランティア" },
  { COHORT_VOCABULARY_PLACEMENT_MODALITY, "junior_professional_officer",
    "jpo|administrateur auxiliaire|profesional asociado" },
  { COHORT_VOCABULARY_PLACEMENT_MODALITY, "secondment", "détachement|comisión de servicio|出向" },
  { COHORT_VOCABULARY_PLACEMENT_MODALITY, "internship", "intern|stage|pasantía|prácticas|"
    "インターン|インターンシップ" },
  { COHORT_VOCABULARY_PLACEMENT_STATUS, "on_assignment", "active|current|en poste|en curso|"
    "en misión|派遣中" },
  { COHORT_VOCABULARY_PLACEMENT_STATUS, "completed", "finished|done|terminé|terminado|"
    "completado|終了|修了" },
  { COHORT_VOCABULARY_PLACEMENT_STATUS, "cancelled", "canceled|annulé|cancelado|中止" },
  { COHORT_VOCABULARY_PLACEMENT_STATUS, "confirmed", "confirmé|confirmado|確定" },
  { COHORT_VOCABULARY_PLACEMENT_STATUS, "proposed", "proposé|propuesto|提案" },
  { COHORT_VOCABULARY_PLACEMENT_STATUS, "extended", "prolongé|prorrogado|延長" },
  { COHORT_VOCABULARY_NAME_ORDER, "family_first", "family|surname first|姓名" },
  { COHORT_VOCABULARY_NAME_ORDER, "given_first", "given|first name first|名姓" },
};

static const struct {
  const char *code;
  const char *words;
} gender_words[] = {
  { "female", "f|female|woman|women|w|girl|femme|féminin|feminin|f.|mujer|femenino|femenina|"
    "女|女性|おんな|じょせい|أنثى|ženski" },
  { "male", "m|male|man|men|h|homme|masculin|hombre|masculino|男|男性|おとこ|だんせい|ذكر" },
  { "other", "other|x|non-binary|nonbinary|non binary|diverse|autre|non binaire|otro|otra|"
    "no binario|その他|ノンバイナリー" },
  { "undisclosed", "undisclosed|not disclosed|prefer not to say|unknown|n/a|non communiqué|"
    "non précisé|inconnu|no declarado|prefiero no decirlo|desconocido|回答しない|不明|無回答" },
};

/* Names people write for countries besides the ISO ones. */
static const struct {
  const char *code;
  const char *names;
} country_aliases[] = {
  { "US", "usa|u.s.a.|u.s.|america|united states|états-unis|etats-unis|estados unidos|アメリカ|"
    "米国|アメリカ合衆国" },
  { "GB", "uk|u.k.|great britain|britain|england|scotland|wales|northern ireland|"
    "royaume-uni|reino unido|イギリス|英国" },
  { "RU", "russia|russie|rusia|ロシア" },
  { "KR", "korea|republic of korea|corée du sud|corea del sur|韓国|大韓民国" },
  { "KP", "dprk|corée du nord|corea del norte|北朝鮮" },
  { "CD", "drc|dr congo|democratic republic of the congo|democratic republic of congo|"
    "congo-kinshasa|rdc|république démocratique du congo|república democrática del congo|"
    "コンゴ民主共和国" },
  { "CG", "congo-brazzaville|republic of congo" },
  { "CI", "ivory coast|cote d'ivoire|コートジボワール" },
  { "LA", "laos" },
  { "SY", "syria|syrie|siria|シリア" },
  { "VN", "vietnam|viet nam|ベトナム" },
  { "BO", "bolivia" },
  { "VE", "venezuela" },
  { "MD", "moldova" },
  { "CZ", "czech republic|czechia" },
  { "TR", "turkey|türkiye|turkiye|turquie|turquía|トルコ" },
  { "SZ", "swaziland" },
  { "MM", "burma|myanmar|ミャンマー" },
  { "PS", "palestine|state of palestine|palestinian territories|パレスチナ" },
  { "TZ", "tanzania|タンザニア" },
  { "IR", "iran|イラン" },
  { "MK", "macedonia|north macedonia" },
  { "FM", "micronesia" },
  { "TW", "taiwan|台湾" },
  { "JP", "japan|japon|japón|日本|nippon" },
  { "FR", "france|francia|フランス" },
  { "IT", "italy|italie|italia|イタリア" },
  { "ES", "spain|espagne|españa|スペイン" },
  { "DE", "germany|allemagne|alemania|ドイツ" },
  { "CN", "china|chine|中国" },
  { "AF", "afghanistan|afganistán|アフガニスタン" },
  { "KE", "kenya|kenia|ケニア" },
  { "SS", "south sudan|soudan du sud|sudán del sur|南スーダン" },
  { "SD", "sudan|soudan|sudán|スーダン" },
  { "TL", "east timor|timor leste|timor-leste|東ティモール" },
  { "PH", "philippines|filipinas|フィリピン" },
  { "ID", "indonesia|indonésie|インドネシア" },
  { "IN", "india|inde|インド" },
  { "EG", "egypt|égypte|egipto|エジプト" },
  { "JO", "jordan|jordanie|jordania|ヨルダン" },
  { "LB", "lebanon|liban|líbano|レバノン" },
  { "UG", "uganda|ouganda|ウガンダ" },
  { "ET", "ethiopia|éthiopie|etiopía|エチオピア" },
  { "NG", "nigeria|nigéria|ナイジェリア" },
  { "BD", "bangladesh|バングラデシュ" },
  { "LK", "sri lanka|スリランカ" },
  { "NP", "nepal|népal|ネパール" },
  { "KH", "cambodia|cambodge|camboya|カンボジア" },
  { "TH", "thailand|thaïlande|tailandia|タイ" },
  { "MN", "mongolia|mongolie|モンゴル" },
  { "PK", "pakistan|パキスタン" },
  { "IQ", "iraq|irak|イラク" },
  { "YE", "yemen|yémen|イエメン" },
  { "SO", "somalia|somalie|ソマリア" },
  { "RW", "rwanda|ruanda|ルワンダ" },
};

typedef struct
{
  const char *alpha2;
  const char *alpha3;
  const char *names[3];
} Country;

/* ISO 3166-1, from Debian's iso-codes: code, alpha-3 code, name, common and official names. */
static const Country countries[] = {
  { "AD", "AND", { "Andorra", "Principality of Andorra" } },
  { "AE", "ARE", { "United Arab Emirates" } },
  { "AF", "AFG", { "Afghanistan", "Islamic Republic of Afghanistan" } },
  { "AG", "ATG", { "Antigua and Barbuda" } },
  { "AI", "AIA", { "Anguilla" } },
  { "AL", "ALB", { "Albania", "Republic of Albania" } },
  { "AM", "ARM", { "Armenia", "Republic of Armenia" } },
  { "AO", "AGO", { "Angola", "Republic of Angola" } },
  { "AQ", "ATA", { "Antarctica" } },
  { "AR", "ARG", { "Argentina", "Argentine Republic" } },
  { "AS", "ASM", { "American Samoa" } },
  { "AT", "AUT", { "Austria", "Republic of Austria" } },
  { "AU", "AUS", { "Australia" } },
  { "AW", "ABW", { "Aruba" } },
  { "AX", "ALA", { "Åland Islands" } },
  { "AZ", "AZE", { "Azerbaijan", "Republic of Azerbaijan" } },
  { "BA", "BIH", { "Bosnia and Herzegovina", "Republic of Bosnia and Herzegovina" } },
  { "BB", "BRB", { "Barbados" } },
  { "BD", "BGD", { "Bangladesh", "People's Republic of Bangladesh" } },
  { "BE", "BEL", { "Belgium", "Kingdom of Belgium" } },
  { "BF", "BFA", { "Burkina Faso" } },
  { "BG", "BGR", { "Bulgaria", "Republic of Bulgaria" } },
  { "BH", "BHR", { "Bahrain", "Kingdom of Bahrain" } },
  { "BI", "BDI", { "Burundi", "Republic of Burundi" } },
  { "BJ", "BEN", { "Benin", "Republic of Benin" } },
  { "BL", "BLM", { "Saint Barthélemy" } },
  { "BM", "BMU", { "Bermuda" } },
  { "BN", "BRN", { "Brunei Darussalam" } },
  { "BO", "BOL",
    { "Bolivia, Plurinational State of", "Bolivia", "Plurinational State of Bolivia" } },
  { "BQ", "BES", { "Bonaire, Sint Eustatius and Saba" } },
  { "BR", "BRA", { "Brazil", "Federative Republic of Brazil" } },
  { "BS", "BHS", { "Bahamas", "Commonwealth of the Bahamas" } },
  { "BT", "BTN", { "Bhutan", "Kingdom of Bhutan" } },
  { "BV", "BVT", { "Bouvet Island" } },
  { "BW", "BWA", { "Botswana", "Republic of Botswana" } },
  { "BY", "BLR", { "Belarus", "Republic of Belarus" } },
  { "BZ", "BLZ", { "Belize" } },
  { "CA", "CAN", { "Canada" } },
  { "CC", "CCK", { "Cocos (Keeling) Islands" } },
  { "CD", "COD", { "Congo, The Democratic Republic of the" } },
  { "CF", "CAF", { "Central African Republic" } },
  { "CG", "COG", { "Congo", "Republic of the Congo" } },
  { "CH", "CHE", { "Switzerland", "Swiss Confederation" } },
  { "CI", "CIV", { "Côte d'Ivoire", "Republic of Côte d'Ivoire" } },
  { "CK", "COK", { "Cook Islands" } },
  { "CL", "CHL", { "Chile", "Republic of Chile" } },
  { "CM", "CMR", { "Cameroon", "Republic of Cameroon" } },
  { "CN", "CHN", { "China", "People's Republic of China" } },
  { "CO", "COL", { "Colombia", "Republic of Colombia" } },
  { "CR", "CRI", { "Costa Rica", "Republic of Costa Rica" } },
  { "CU", "CUB", { "Cuba", "Republic of Cuba" } },
  { "CV", "CPV", { "Cabo Verde", "Republic of Cabo Verde" } },
  { "CW", "CUW", { "Curaçao" } },
  { "CX", "CXR", { "Christmas Island" } },
  { "CY", "CYP", { "Cyprus", "Republic of Cyprus" } },
  { "CZ", "CZE", { "Czechia", "Czech Republic" } },
  { "DE", "DEU", { "Germany", "Federal Republic of Germany" } },
  { "DJ", "DJI", { "Djibouti", "Republic of Djibouti" } },
  { "DK", "DNK", { "Denmark", "Kingdom of Denmark" } },
  { "DM", "DMA", { "Dominica", "Commonwealth of Dominica" } },
  { "DO", "DOM", { "Dominican Republic" } },
  { "DZ", "DZA", { "Algeria", "People's Democratic Republic of Algeria" } },
  { "EC", "ECU", { "Ecuador", "Republic of Ecuador" } },
  { "EE", "EST", { "Estonia", "Republic of Estonia" } },
  { "EG", "EGY", { "Egypt", "Arab Republic of Egypt" } },
  { "EH", "ESH", { "Western Sahara" } },
  { "ER", "ERI", { "Eritrea", "the State of Eritrea" } },
  { "ES", "ESP", { "Spain", "Kingdom of Spain" } },
  { "ET", "ETH", { "Ethiopia", "Federal Democratic Republic of Ethiopia" } },
  { "FI", "FIN", { "Finland", "Republic of Finland" } },
  { "FJ", "FJI", { "Fiji", "Republic of Fiji" } },
  { "FK", "FLK", { "Falkland Islands (Malvinas)" } },
  { "FM", "FSM", { "Micronesia, Federated States of", "Federated States of Micronesia" } },
  { "FO", "FRO", { "Faroe Islands" } },
  { "FR", "FRA", { "France", "French Republic" } },
  { "GA", "GAB", { "Gabon", "Gabonese Republic" } },
  { "GB", "GBR", { "United Kingdom", "United Kingdom of Great Britain and Northern Ireland" } },
  { "GD", "GRD", { "Grenada" } },
  { "GE", "GEO", { "Georgia" } },
  { "GF", "GUF", { "French Guiana" } },
  { "GG", "GGY", { "Guernsey" } },
  { "GH", "GHA", { "Ghana", "Republic of Ghana" } },
  { "GI", "GIB", { "Gibraltar" } },
  { "GL", "GRL", { "Greenland" } },
  { "GM", "GMB", { "Gambia", "Republic of the Gambia" } },
  { "GN", "GIN", { "Guinea", "Republic of Guinea" } },
  { "GP", "GLP", { "Guadeloupe" } },
  { "GQ", "GNQ", { "Equatorial Guinea", "Republic of Equatorial Guinea" } },
  { "GR", "GRC", { "Greece", "Hellenic Republic" } },
  { "GS", "SGS", { "South Georgia and the South Sandwich Islands" } },
  { "GT", "GTM", { "Guatemala", "Republic of Guatemala" } },
  { "GU", "GUM", { "Guam" } },
  { "GW", "GNB", { "Guinea-Bissau", "Republic of Guinea-Bissau" } },
  { "GY", "GUY", { "Guyana", "Republic of Guyana" } },
  { "HK", "HKG", { "Hong Kong", "Hong Kong Special Administrative Region of China" } },
  { "HM", "HMD", { "Heard Island and McDonald Islands" } },
  { "HN", "HND", { "Honduras", "Republic of Honduras" } },
  { "HR", "HRV", { "Croatia", "Republic of Croatia" } },
  { "HT", "HTI", { "Haiti", "Republic of Haiti" } },
  { "HU", "HUN", { "Hungary" } },
  { "ID", "IDN", { "Indonesia", "Republic of Indonesia" } },
  { "IE", "IRL", { "Ireland" } },
  { "IL", "ISR", { "Israel", "State of Israel" } },
  { "IM", "IMN", { "Isle of Man" } },
  { "IN", "IND", { "India", "Republic of India" } },
  { "IO", "IOT", { "British Indian Ocean Territory" } },
  { "IQ", "IRQ", { "Iraq", "Republic of Iraq" } },
  { "IR", "IRN", { "Iran, Islamic Republic of", "Iran", "Islamic Republic of Iran" } },
  { "IS", "ISL", { "Iceland", "Republic of Iceland" } },
  { "IT", "ITA", { "Italy", "Italian Republic" } },
  { "JE", "JEY", { "Jersey" } },
  { "JM", "JAM", { "Jamaica" } },
  { "JO", "JOR", { "Jordan", "Hashemite Kingdom of Jordan" } },
  { "JP", "JPN", { "Japan" } },
  { "KE", "KEN", { "Kenya", "Republic of Kenya" } },
  { "KG", "KGZ", { "Kyrgyzstan", "Kyrgyz Republic" } },
  { "KH", "KHM", { "Cambodia", "Kingdom of Cambodia" } },
  { "KI", "KIR", { "Kiribati", "Republic of Kiribati" } },
  { "KM", "COM", { "Comoros", "Union of the Comoros" } },
  { "KN", "KNA", { "Saint Kitts and Nevis" } },
  { "KP", "PRK",
    { "Korea, Democratic People's Republic of",
      "North Korea",
      "Democratic People's Republic of Korea" } },
  { "KR", "KOR", { "Korea, Republic of", "South Korea" } },
  { "KW", "KWT", { "Kuwait", "State of Kuwait" } },
  { "KY", "CYM", { "Cayman Islands" } },
  { "KZ", "KAZ", { "Kazakhstan", "Republic of Kazakhstan" } },
  { "LA", "LAO", { "Lao People's Democratic Republic", "Laos" } },
  { "LB", "LBN", { "Lebanon", "Lebanese Republic" } },
  { "LC", "LCA", { "Saint Lucia" } },
  { "LI", "LIE", { "Liechtenstein", "Principality of Liechtenstein" } },
  { "LK", "LKA", { "Sri Lanka", "Democratic Socialist Republic of Sri Lanka" } },
  { "LR", "LBR", { "Liberia", "Republic of Liberia" } },
  { "LS", "LSO", { "Lesotho", "Kingdom of Lesotho" } },
  { "LT", "LTU", { "Lithuania", "Republic of Lithuania" } },
  { "LU", "LUX", { "Luxembourg", "Grand Duchy of Luxembourg" } },
  { "LV", "LVA", { "Latvia", "Republic of Latvia" } },
  { "LY", "LBY", { "Libya" } },
  { "MA", "MAR", { "Morocco", "Kingdom of Morocco" } },
  { "MC", "MCO", { "Monaco", "Principality of Monaco" } },
  { "MD", "MDA", { "Moldova, Republic of", "Moldova", "Republic of Moldova" } },
  { "ME", "MNE", { "Montenegro" } },
  { "MF", "MAF", { "Saint Martin (French part)" } },
  { "MG", "MDG", { "Madagascar", "Republic of Madagascar" } },
  { "MH", "MHL", { "Marshall Islands", "Republic of the Marshall Islands" } },
  { "MK", "MKD", { "North Macedonia", "Republic of North Macedonia" } },
  { "ML", "MLI", { "Mali", "Republic of Mali" } },
  { "MM", "MMR", { "Myanmar", "Republic of Myanmar" } },
  { "MN", "MNG", { "Mongolia" } },
  { "MO", "MAC", { "Macao", "Macao Special Administrative Region of China" } },
  { "MP", "MNP", { "Northern Mariana Islands", "Commonwealth of the Northern Mariana Islands" } },
  { "MQ", "MTQ", { "Martinique" } },
  { "MR", "MRT", { "Mauritania", "Islamic Republic of Mauritania" } },
  { "MS", "MSR", { "Montserrat" } },
  { "MT", "MLT", { "Malta", "Republic of Malta" } },
  { "MU", "MUS", { "Mauritius", "Republic of Mauritius" } },
  { "MV", "MDV", { "Maldives", "Republic of Maldives" } },
  { "MW", "MWI", { "Malawi", "Republic of Malawi" } },
  { "MX", "MEX", { "Mexico", "United Mexican States" } },
  { "MY", "MYS", { "Malaysia" } },
  { "MZ", "MOZ", { "Mozambique", "Republic of Mozambique" } },
  { "NA", "NAM", { "Namibia", "Republic of Namibia" } },
  { "NC", "NCL", { "New Caledonia" } },
  { "NE", "NER", { "Niger", "Republic of the Niger" } },
  { "NF", "NFK", { "Norfolk Island" } },
  { "NG", "NGA", { "Nigeria", "Federal Republic of Nigeria" } },
  { "NI", "NIC", { "Nicaragua", "Republic of Nicaragua" } },
  { "NL", "NLD", { "Netherlands", "Kingdom of the Netherlands" } },
  { "NO", "NOR", { "Norway", "Kingdom of Norway" } },
  { "NP", "NPL", { "Nepal", "Federal Democratic Republic of Nepal" } },
  { "NR", "NRU", { "Nauru", "Republic of Nauru" } },
  { "NU", "NIU", { "Niue" } },
  { "NZ", "NZL", { "New Zealand" } },
  { "OM", "OMN", { "Oman", "Sultanate of Oman" } },
  { "PA", "PAN", { "Panama", "Republic of Panama" } },
  { "PE", "PER", { "Peru", "Republic of Peru" } },
  { "PF", "PYF", { "French Polynesia" } },
  { "PG", "PNG", { "Papua New Guinea", "Independent State of Papua New Guinea" } },
  { "PH", "PHL", { "Philippines", "Republic of the Philippines" } },
  { "PK", "PAK", { "Pakistan", "Islamic Republic of Pakistan" } },
  { "PL", "POL", { "Poland", "Republic of Poland" } },
  { "PM", "SPM", { "Saint Pierre and Miquelon" } },
  { "PN", "PCN", { "Pitcairn" } },
  { "PR", "PRI", { "Puerto Rico" } },
  { "PS", "PSE", { "Palestine, State of", "the State of Palestine" } },
  { "PT", "PRT", { "Portugal", "Portuguese Republic" } },
  { "PW", "PLW", { "Palau", "Republic of Palau" } },
  { "PY", "PRY", { "Paraguay", "Republic of Paraguay" } },
  { "QA", "QAT", { "Qatar", "State of Qatar" } },
  { "RE", "REU", { "Réunion" } },
  { "RO", "ROU", { "Romania" } },
  { "RS", "SRB", { "Serbia", "Republic of Serbia" } },
  { "RU", "RUS", { "Russian Federation" } },
  { "RW", "RWA", { "Rwanda", "Rwandese Republic" } },
  { "SA", "SAU", { "Saudi Arabia", "Kingdom of Saudi Arabia" } },
  { "SB", "SLB", { "Solomon Islands" } },
  { "SC", "SYC", { "Seychelles", "Republic of Seychelles" } },
  { "SD", "SDN", { "Sudan", "Republic of the Sudan" } },
  { "SE", "SWE", { "Sweden", "Kingdom of Sweden" } },
  { "SG", "SGP", { "Singapore", "Republic of Singapore" } },
  { "SH", "SHN", { "Saint Helena, Ascension and Tristan da Cunha" } },
  { "SI", "SVN", { "Slovenia", "Republic of Slovenia" } },
  { "SJ", "SJM", { "Svalbard and Jan Mayen" } },
  { "SK", "SVK", { "Slovakia", "Slovak Republic" } },
  { "SL", "SLE", { "Sierra Leone", "Republic of Sierra Leone" } },
  { "SM", "SMR", { "San Marino", "Republic of San Marino" } },
  { "SN", "SEN", { "Senegal", "Republic of Senegal" } },
  { "SO", "SOM", { "Somalia", "Federal Republic of Somalia" } },
  { "SR", "SUR", { "Suriname", "Republic of Suriname" } },
  { "SS", "SSD", { "South Sudan", "Republic of South Sudan" } },
  { "ST", "STP", { "Sao Tome and Principe", "Democratic Republic of Sao Tome and Principe" } },
  { "SV", "SLV", { "El Salvador", "Republic of El Salvador" } },
  { "SX", "SXM", { "Sint Maarten (Dutch part)" } },
  { "SY", "SYR", { "Syrian Arab Republic", "Syria" } },
  { "SZ", "SWZ", { "Eswatini", "Kingdom of Eswatini" } },
  { "TC", "TCA", { "Turks and Caicos Islands" } },
  { "TD", "TCD", { "Chad", "Republic of Chad" } },
  { "TF", "ATF", { "French Southern Territories" } },
  { "TG", "TGO", { "Togo", "Togolese Republic" } },
  { "TH", "THA", { "Thailand", "Kingdom of Thailand" } },
  { "TJ", "TJK", { "Tajikistan", "Republic of Tajikistan" } },
  { "TK", "TKL", { "Tokelau" } },
  { "TL", "TLS", { "Timor-Leste", "Democratic Republic of Timor-Leste" } },
  { "TM", "TKM", { "Turkmenistan" } },
  { "TN", "TUN", { "Tunisia", "Republic of Tunisia" } },
  { "TO", "TON", { "Tonga", "Kingdom of Tonga" } },
  { "TR", "TUR", { "Türkiye", "Republic of Türkiye" } },
  { "TT", "TTO", { "Trinidad and Tobago", "Republic of Trinidad and Tobago" } },
  { "TV", "TUV", { "Tuvalu" } },
  { "TW", "TWN", { "Taiwan, Province of China", "Taiwan" } },
  { "TZ", "TZA", { "Tanzania, United Republic of", "Tanzania", "United Republic of Tanzania" } },
  { "UA", "UKR", { "Ukraine" } },
  { "UG", "UGA", { "Uganda", "Republic of Uganda" } },
  { "UM", "UMI", { "United States Minor Outlying Islands" } },
  { "US", "USA", { "United States", "United States of America" } },
  { "UY", "URY", { "Uruguay", "Eastern Republic of Uruguay" } },
  { "UZ", "UZB", { "Uzbekistan", "Republic of Uzbekistan" } },
  { "VA", "VAT", { "Holy See (Vatican City State)" } },
  { "VC", "VCT", { "Saint Vincent and the Grenadines" } },
  { "VE", "VEN",
    { "Venezuela, Bolivarian Republic of", "Venezuela", "Bolivarian Republic of Venezuela" } },
  { "VG", "VGB", { "Virgin Islands, British", "British Virgin Islands" } },
  { "VI", "VIR", { "Virgin Islands, U.S.", "Virgin Islands of the United States" } },
  { "VN", "VNM", { "Viet Nam", "Vietnam", "Socialist Republic of Viet Nam" } },
  { "VU", "VUT", { "Vanuatu", "Republic of Vanuatu" } },
  { "WF", "WLF", { "Wallis and Futuna" } },
  { "WS", "WSM", { "Samoa", "Independent State of Samoa" } },
  { "YE", "YEM", { "Yemen", "Republic of Yemen" } },
  { "YT", "MYT", { "Mayotte" } },
  { "ZA", "ZAF", { "South Africa", "Republic of South Africa" } },
  { "ZM", "ZMB", { "Zambia", "Republic of Zambia" } },
  { "ZW", "ZWE", { "Zimbabwe", "Republic of Zimbabwe" } },
};

static void
cohort_csv_reader_finalize (GObject *object)
{
  CohortCsvReader *self = (CohortCsvReader *)object;

  g_clear_object (&self->stream);
  g_free (self->file_name);
  g_free (self->buffer);
  g_clear_error (&self->failure);
  g_strfreev (self->column_names);
  g_free (self->column_fields);
  g_ptr_array_unref (self->issues);

  G_OBJECT_CLASS (cohort_csv_reader_parent_class)->finalize (object);
}

static void
cohort_csv_reader_class_init (CohortCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_csv_reader_finalize;
}

static void
cohort_csv_reader_init (CohortCsvReader *self)
{
  self->buffer_size = CHUNK_SIZE;
  self->buffer = g_malloc (self->buffer_size);
  self->line = 1;
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_issue_free);
}

/* Normalises a header name, a term or a country name for comparison: compatibility
 * decomposition, case folding, and only letters and digits kept, so that "E-mail", "email" and
 * "EMAIL", "Prénom" and "prenom", "姓（漢字）" and "姓(漢字)" compare equal. */
static char *
dup_key (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);
  key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* The normalised names of fields, terms, genders and countries, built once.  A field found by
 * one of its aliases rather than its own name has ALIAS_FLAG in its value. */
#define ALIAS_FLAG (1u << 16)

typedef struct
{
  GHashTable *fields[COHORT_CSV_TARGET_PLACEMENTS + 1]; /* key -> field index + 1 */
  GHashTable *terms;      /* "VOCABULARY:key" -> code */
  GHashTable *genders;    /* key -> code */
  GHashTable *countries;  /* key -> alpha-2 code */
} Index;

static const FieldSpec *get_fields (CohortCsvTarget  target,
                                    guint           *n_fields);

/* Adds each of the |-separated @words under its key, unless an earlier entry has that key. */
static void
index_words (GHashTable *table,
             const char *prefix,
             const char *words,
             gpointer    value)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *key = dup_key (list[i]);

      if (key[0] == '\0')
        continue;
      if (prefix != NULL)
        {
          char *prefixed = g_strconcat (prefix, key, NULL);

          g_free (key);
          key = prefixed;
        }
      if (!g_hash_table_contains (table, key))
        g_hash_table_insert (table, g_steal_pointer (&key), value);
    }
}

static char *
dup_vocabulary_prefix (CohortVocabulary vocabulary)
{
  return g_strdup_printf ("%d:", (int) vocabulary);
}

static gpointer
build_index (gpointer data)
{
  static const CohortVocabulary vocabularies[] = {
    COHORT_VOCABULARY_NAME_ORDER,
    COHORT_VOCABULARY_ORGANISATION_KIND,
    COHORT_VOCABULARY_PLACEMENT_MODALITY,
    COHORT_VOCABULARY_PLACEMENT_STATUS,
  };
  Index *index = g_new0 (Index, 1);

  for (guint t = 0; t < G_N_ELEMENTS (index->fields); t++)
    {
      const FieldSpec *fields;
      guint n_fields;

      index->fields[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      fields = get_fields ((CohortCsvTarget) t, &n_fields);
      for (guint f = 0; f < n_fields; f++)
        index_words (index->fields[t], NULL, fields[f].name, GUINT_TO_POINTER (f + 1));
      for (guint f = 0; f < n_fields; f++)
        index_words (index->fields[t], NULL, fields[f].aliases,
                     GUINT_TO_POINTER ((f + 1) | ALIAS_FLAG));
    }

  index->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      g_autofree char *prefix = dup_vocabulary_prefix (vocabularies[v]);
      const CohortVocabularyTerm *terms;
      guint n_terms;

      terms = cohort_vocabulary_get_terms (vocabularies[v], &n_terms);
      for (guint i = 0; i < n_terms; i++)
        {
          index_words (index->terms, prefix, terms[i].code, (gpointer) terms[i].code);
          index_words (index->terms, prefix, terms[i].label, (gpointer) terms[i].code);
          index_words (index->terms, prefix, cohort_vocabulary_term_get_label (&terms[i]),
                       (gpointer) terms[i].code);
        }
      for (guint i = 0; i < G_N_ELEMENTS (term_aliases); i++)
        if (term_aliases[i].vocabulary == vocabularies[v])
          index_words (index->terms, prefix, term_aliases[i].aliases,
                       (gpointer) term_aliases[i].code);
    }

  index->genders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (gender_words); i++)
    index_words (index->genders, NULL, gender_words[i].words, (gpointer) gender_words[i].code);

  /* What people write first, then ISO's names. */
  index->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (country_aliases); i++)
    index_words (index->countries, NULL, country_aliases[i].names,
                 (gpointer) country_aliases[i].code);
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    for (guint n = 0; n < G_N_ELEMENTS (countries[i].names); n++)
      if (countries[i].names[n] != NULL)
        index_words (index->countries, NULL, countries[i].names[n],
                     (gpointer) countries[i].alpha2);

  return index;
}

static const Index *
get_index (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_index, NULL);
}

/**
 * cohort_csv_dup_country_code:
 * @text: (nullable): a country as written in a file: an ISO 3166-1 alpha-2 or alpha-3 code,
 *   or a name (English, as ISO writes it or as people do; a few in French, Spanish, Japanese)
 *
 * Returns: (transfer full) (nullable): the ISO 3166-1 alpha-2 code, or %NULL if @text names no
 *   country Cohort knows
 */
char *
cohort_csv_dup_country_code (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *key = NULL;
  const char *code;
  gsize len;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  len = strlen (stripped);

  if (len == 2 || len == 3)
    {
      g_autofree char *upper = g_ascii_strup (stripped, -1);

      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        if (strcmp (upper, len == 2 ? countries[i].alpha2 : countries[i].alpha3) == 0)
          return g_strdup (countries[i].alpha2);
    }

  key = dup_key (stripped);
  code = g_hash_table_lookup (get_index ()->countries, key);

  return g_strdup (code);
}

static const FieldSpec *
get_fields (CohortCsvTarget  target,
            guint           *n_fields)
{
  switch (target)
    {
    case COHORT_CSV_TARGET_TRAINEES:
      *n_fields = G_N_ELEMENTS (person_fields);
      return person_fields;
    case COHORT_CSV_TARGET_ORGANISATIONS:
      *n_fields = G_N_ELEMENTS (organisation_fields);
      return organisation_fields;
    case COHORT_CSV_TARGET_PLACEMENTS:
      *n_fields = G_N_ELEMENTS (placement_fields);
      return placement_fields;
    default:
      g_assert_not_reached ();
    }
}

static void
add_issue (CohortCsvReader       *self,
           CohortImportIssueKind  kind,
           guint                  line,
           const char            *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
add_issue (CohortCsvReader       *self,
           CohortImportIssueKind  kind,
           guint                  line,
           const char            *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->issues->len > MAX_ISSUES)
    return;
  if (self->issues->len == MAX_ISSUES)
    {
      g_ptr_array_add (self->issues,
                       cohort_import_issue_new (COHORT_IMPORT_ISSUE_VALUE, line, 0,
                                                _("There are more warnings from here on; fix "
                                                  "those above and read the file again to see "
                                                  "them.")));
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->issues, cohort_import_issue_new (kind, line, 0, message));
}

/* Refuses the file: the error, "FILE:LINE: message", is kept and given again to every later
 * call. */
static void
fail (CohortCsvReader  *self,
      GError          **error,
      int               code,
      guint             line,
      const char       *format,
      ...) G_GNUC_PRINTF (5, 6);

static void
fail (CohortCsvReader  *self,
      GError          **error,
      int               code,
      guint             line,
      const char       *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_error (&self->failure);
  if (line > 0)
    self->failure = g_error_new (COHORT_IMPORT_ERROR, code, "%s:%u: %s", self->file_name, line,
                                 message);
  else
    self->failure = g_error_new (COHORT_IMPORT_ERROR, code, "%s: %s", self->file_name, message);

  g_propagate_error (error, g_error_copy (self->failure));
}

/* Reads more of the stream, after what the buffer holds.  Returns FALSE on error. */
static gboolean
fill (CohortCsvReader  *self,
      GCancellable     *cancellable,
      GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (self->eof)
    return TRUE;

  if (self->buffer_pos == self->buffer_len)
    self->buffer_pos = self->buffer_len = 0;

  if (self->buffer_len == self->buffer_size)
    {
      self->buffer_size *= 2;
      self->buffer = g_realloc (self->buffer, self->buffer_size);
    }

  n = g_input_stream_read (self->stream, self->buffer + self->buffer_len,
                           self->buffer_size - self->buffer_len, cancellable, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      fail (self, error, COHORT_IMPORT_ERROR_NOT_WELL_FORMED, 0,
            _("The file could not be read: %s"), local_error->message);
      return FALSE;
    }

  if (n == 0)
    self->eof = TRUE;

  self->buffer_len += (gsize) n;
  self->total_read += n;

  if (self->total_read > COHORT_CSV_MAX_FILE_SIZE)
    {
      fail (self, error, COHORT_IMPORT_ERROR_TOO_LARGE, 0,
            _("The file is larger than %d MB, more than Cohort imports at once. Split it into "
              "smaller files."), (int) (COHORT_CSV_MAX_FILE_SIZE / (1024 * 1024)));
      return FALSE;
    }

  return TRUE;
}

/* The next byte without taking it: 0..255, -1 at the end of the file, -2 on error. */
static int
peek_byte (CohortCsvReader  *self,
           GCancellable     *cancellable,
           GError          **error)
{
  while (self->buffer_pos == self->buffer_len)
    {
      if (self->eof)
        return -1;
      if (!fill (self, cancellable, error))
        return -2;
    }

  return self->buffer[self->buffer_pos];
}

/* The next character, with CR LF and a lone CR given as '\n', counting lines. */
static int
next_char (CohortCsvReader  *self,
           GCancellable     *cancellable,
           GError          **error)
{
  int c = peek_byte (self, cancellable, error);

  if (c < 0)
    return c;
  self->buffer_pos++;

  if (c == '\r')
    {
      int next = peek_byte (self, cancellable, error);

      if (next == -2)
        return -2;
      if (next == '\n')
        self->buffer_pos++;
      c = '\n';
    }

  if (c == '\n')
    self->line++;

  return c;
}

/* Looks at the start of the file: a byte order mark, UTF-16, and the header line's separator. */
static gboolean
start (CohortCsvReader  *self,
       GCancellable     *cancellable,
       GError          **error)
{
  const guint8 *p;
  gsize len;
  gsize commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  self->started = TRUE;

  while (self->buffer_len < 4 && !self->eof)
    if (!fill (self, cancellable, error))
      return FALSE;

  p = self->buffer;
  len = self->buffer_len;

  if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
    {
      fail (self, error, COHORT_IMPORT_ERROR_NOT_WELL_FORMED, 1,
            _("The file is in UTF-16 (“Unicode text”), which Cohort does not read. Save it as "
              "“CSV UTF-8” and import it again."));
      return FALSE;
    }
  if (len >= 2 && (p[0] == 0 || p[1] == 0))
    {
      fail (self, error, COHORT_IMPORT_ERROR_NOT_WELL_FORMED, 1,
            _("The file holds zero bytes, as UTF-16 text does; Cohort reads only UTF-8. Save "
              "it as “CSV UTF-8” and import it again."));
      return FALSE;
    }
  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    {
      self->had_bom = TRUE;
      self->buffer_pos = 3;
    }

  /* Have the whole header line in the buffer to count its separators outside quotes. */
  for (;;)
    {
      gboolean have_line = FALSE;

      quoted = FALSE;
      commas = semicolons = 0;
      for (gsize i = self->buffer_pos; i < self->buffer_len; i++)
        {
          guint8 c = self->buffer[i];

          if (c == '"')
            quoted = !quoted;
          else if (!quoted && c == ',')
            commas++;
          else if (!quoted && c == ';')
            semicolons++;
          else if (!quoted && (c == '\n' || c == '\r'))
            {
              have_line = TRUE;
              break;
            }
        }

      if (have_line || self->eof || self->buffer_len >= MAX_HEADER_PEEK)
        break;
      if (!fill (self, cancellable, error))
        return FALSE;
    }

  self->delimiter = semicolons > commas ? ';' : ',';

  return TRUE;
}

static gboolean
push_field (CohortCsvReader  *self,
            GPtrArray        *fields,
            GString          *field,
            guint             field_line,
            GError          **error)
{
  const char *end = NULL;

  if (!g_utf8_validate (field->str, (gssize) field->len, &end))
    {
      guint line = field_line;

      for (const char *p = field->str; p < end; p++)
        if (*p == '\n')
          line++;

      fail (self, error, COHORT_IMPORT_ERROR_NOT_WELL_FORMED, line,
            _("This line is not UTF-8 text: the file was saved in another encoding. Save it as "
              "“CSV UTF-8” and import it again."));
      return FALSE;
    }

  if (fields->len >= COHORT_CSV_MAX_COLUMNS)
    {
      fail (self, error, COHORT_IMPORT_ERROR_TOO_LARGE, field_line,
            _("This row has more than %d cells, more than Cohort reads."),
            COHORT_CSV_MAX_COLUMNS);
      return FALSE;
    }

  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
  return TRUE;
}

/* Reads one record: its cells, or NULL at the end of the file (without error) or on error.
 * Lines with nothing on them are skipped. */
static GPtrArray *
read_record (CohortCsvReader  *self,
             guint            *out_line,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  ParseState state = STATE_FIELD_START;
  guint record_line = self->line;
  guint field_line = self->line;
  guint quote_line = 0;
  gboolean any = FALSE;

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return NULL;
    }

  if (!self->started && !start (self, cancellable, error))
    return NULL;

  for (;;)
    {
      int c = next_char (self, cancellable, error);

      if (c == -2)
        return NULL;

      if (c == -1)
        {
          if (state == STATE_QUOTED)
            {
              fail (self, error, COHORT_IMPORT_ERROR_NOT_WELL_FORMED, quote_line,
                    _("A quoted cell starts on this line but its closing quote never comes."));
              return NULL;
            }
          if (!any)
            return NULL;
          if (!push_field (self, fields, field, field_line, error))
            return NULL;
          break;
        }

      if (!any)
        {
          if (c == '\n')
            {
              /* An empty line. */
              record_line = field_line = self->line;
              continue;
            }
          any = TRUE;
        }

      if (state == STATE_QUOTED)
        {
          if (c == '"')
            state = STATE_QUOTE_IN_QUOTED;
          else
            g_string_append_c (field, (char) c);
        }
      else if (state == STATE_QUOTE_IN_QUOTED && c == '"')
        {
          g_string_append_c (field, '"');
          state = STATE_QUOTED;
        }
      else if (c == self->delimiter)
        {
          if (!push_field (self, fields, field, field_line, error))
            return NULL;
          field_line = self->line;
          state = STATE_FIELD_START;
        }
      else if (c == '\n')
        {
          if (!push_field (self, fields, field, field_line, error))
            return NULL;
          break;
        }
      else if (state == STATE_FIELD_START && c == '"')
        {
          state = STATE_QUOTED;
          quote_line = self->line;
        }
      else
        {
          if (state == STATE_QUOTE_IN_QUOTED)
            add_issue (self, COHORT_IMPORT_ISSUE_VALUE, self->line,
                       _("Text follows the closing quote of a cell; it was kept as part of the "
                         "cell."));
          g_string_append_c (field, (char) c);
          state = STATE_UNQUOTED;
        }

      if (field->len > COHORT_CSV_MAX_FIELD_SIZE)
        {
          fail (self, error, COHORT_IMPORT_ERROR_TOO_LARGE, field_line,
                _("A cell is larger than %d MB, more than Cohort reads."),
                COHORT_CSV_MAX_FIELD_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  if (out_line != NULL)
    *out_line = record_line;

  return g_steal_pointer (&fields);
}

/**
 * cohort_csv_reader_new:
 * @stream: the file's contents
 * @file_name: the file's name as the user knows it, for messages
 * @target: what the rows are
 *
 * Returns: (transfer full): a reader of @stream
 */
CohortCsvReader *
cohort_csv_reader_new (GInputStream    *stream,
                       const char      *file_name,
                       CohortCsvTarget  target)
{
  CohortCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (target <= COHORT_CSV_TARGET_PLACEMENTS, NULL);

  self = g_object_new (COHORT_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->file_name = g_strdup (file_name);
  self->target = target;

  return self;
}

/**
 * cohort_csv_reader_new_for_file:
 * @file: a CSV file
 * @target: what the rows are
 *
 * Returns: (transfer full) (nullable): a reader of @file, or %NULL if it cannot be opened
 */
CohortCsvReader *
cohort_csv_reader_new_for_file (GFile            *file,
                                CohortCsvTarget   target,
                                GError          **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  return cohort_csv_reader_new (G_INPUT_STREAM (stream), name, target);
}

const char *
cohort_csv_reader_get_file_name (CohortCsvReader *self)
{
  g_return_val_if_fail (COHORT_IS_CSV_READER (self), NULL);

  return self->file_name;
}

CohortCsvTarget
cohort_csv_reader_get_target (CohortCsvReader *self)
{
  g_return_val_if_fail (COHORT_IS_CSV_READER (self), COHORT_CSV_TARGET_TRAINEES);

  return self->target;
}

/**
 * cohort_csv_reader_get_delimiter:
 *
 * Returns: `,` or `;`, as found on the header line, or 0 before anything was read
 */
char
cohort_csv_reader_get_delimiter (CohortCsvReader *self)
{
  g_return_val_if_fail (COHORT_IS_CSV_READER (self), 0);

  return self->delimiter;
}

/**
 * cohort_csv_reader_get_had_bom:
 *
 * Returns: whether the file started with a UTF-8 byte order mark (as Excel's “CSV UTF-8” does)
 */
gboolean
cohort_csv_reader_get_had_bom (CohortCsvReader *self)
{
  g_return_val_if_fail (COHORT_IS_CSV_READER (self), FALSE);

  return self->had_bom;
}

/**
 * cohort_csv_reader_next_row:
 * @out_line: (out) (optional): the line where the row starts
 *
 * Reads the next row as it is, the header like any other.  Lines with nothing on them are
 * skipped.
 *
 * Returns: (transfer full) (nullable): the row's cells (never %NULL themselves), or %NULL at the
 *   end of the file (@error not set) or when the file is refused (@error set)
 */
char **
cohort_csv_reader_next_row (CohortCsvReader  *self,
                            guint            *out_line,
                            GCancellable     *cancellable,
                            GError          **error)
{
  GPtrArray *fields;

  g_return_val_if_fail (COHORT_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fields = read_record (self, out_line, cancellable, error);
  if (fields == NULL)
    return NULL;

  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (fields, FALSE);
}

/* The field a header names, or -1; *@out_alias says whether by an alias of the field. */
static int
find_field (CohortCsvTarget  target,
            const char      *key,
            gboolean        *out_alias)
{
  guint value = GPOINTER_TO_UINT (g_hash_table_lookup (get_index ()->fields[target], key));

  *out_alias = (value & ALIAS_FLAG) != 0;
  return (int) (value & ~ALIAS_FLAG) - 1;
}

static const char *
describe_target (CohortCsvTarget target)
{
  switch (target)
    {
    case COHORT_CSV_TARGET_TRAINEES:
      return _("trainees");
    case COHORT_CSV_TARGET_ORGANISATIONS:
      return _("organisations");
    case COHORT_CSV_TARGET_PLACEMENTS:
      return _("placements");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_header_internal (CohortCsvReader  *self,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autoptr(GPtrArray) names = NULL;
  const FieldSpec *fields;
  guint n_fields;
  guint line = 0;
  gboolean has_required = FALSE;

  fields = get_fields (self->target, &n_fields);

  names = read_record (self, &line, cancellable, error);
  if (names == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      fail (self, error, COHORT_IMPORT_ERROR_WRONG_FORMAT, 0,
            _("The file is empty: it should start with a header line that names its columns."));
      return FALSE;
    }

  self->header_read = TRUE;
  self->n_columns = names->len;
  self->column_fields = g_new (int, names->len);

  for (guint i = 0; i < names->len; i++)
    self->column_fields[i] = -1;

  /* Columns named exactly as Cohort names its fields first, then those named by an alias, so
   * that a file Cohort exported reads back whatever the order of its columns. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < names->len; i++)
      {
        const char *name = g_ptr_array_index (names, i);
        g_autofree char *key = dup_key (name);
        gboolean alias = FALSE;
        int field = key[0] != '\0' ? find_field (self->target, key, &alias) : -1;

        if (field >= 0 && alias != (pass == 1))
          continue;

        if (field < 0)
          {
            if (pass == 1 && strspn (name, " \t") != strlen (name))
              add_issue (self, COHORT_IMPORT_ISSUE_UNUSED, line,
                         _("Column %u (“%s”) is not used: Cohort has no column of that name."),
                         i + 1, name);
            continue;
          }

        for (guint j = 0; j < names->len; j++)
          if (self->column_fields[j] == field)
            {
              add_issue (self, COHORT_IMPORT_ISSUE_UNUSED, line,
                         _("Column %u (“%s”) is not used: column %u already gives the %s."),
                         i + 1, name, j + 1, fields[field].name);
              field = -1;
              break;
            }

        self->column_fields[i] = field;
      }

  g_ptr_array_sort (self->issues, cohort_import_issue_compare);

  g_ptr_array_add (names, NULL);
  self->column_names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);

  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *name;

      if (self->column_fields[i] < 0)
        continue;
      name = fields[self->column_fields[i]].name;
      if ((self->target == COHORT_CSV_TARGET_TRAINEES &&
           (strcmp (name, "family_name") == 0 || strcmp (name, "given_name") == 0 ||
            strcmp (name, "family_name_local") == 0 ||
            strcmp (name, "given_name_local") == 0)) ||
          (self->target == COHORT_CSV_TARGET_ORGANISATIONS && strcmp (name, "name") == 0) ||
          (self->target == COHORT_CSV_TARGET_PLACEMENTS &&
           (strcmp (name, "person_code") == 0 || strcmp (name, "person_email") == 0)))
        has_required = TRUE;
    }

  if (!has_required)
    {
      const char *needed = NULL;

      switch (self->target)
        {
        case COHORT_CSV_TARGET_TRAINEES:
          needed = _("a family name or a given name (“family_name”, “surname”, “nom”, "
                     "“apellido”, “姓” …)");
          break;
        case COHORT_CSV_TARGET_ORGANISATIONS:
          needed = _("the name (“name”, “organisation”, “nom”, “nombre”, “名称” …)");
          break;
        case COHORT_CSV_TARGET_PLACEMENTS:
          needed = _("the person’s code or e-mail address (“person_code”, “email” …)");
          break;
        default:
          g_assert_not_reached ();
        }

      /* Translators: the first %s is "trainees", "organisations" or "placements", the second
       * names the columns that are missing */
      fail (self, error, COHORT_IMPORT_ERROR_WRONG_FORMAT, line,
            _("This header does not look like a list of %s: no column gives %s."),
            describe_target (self->target), needed);
      return FALSE;
    }

  return TRUE;
}

/**
 * cohort_csv_reader_read_header:
 *
 * Reads the header line and finds the columns of the reader's target by their names.  Called
 * by the first cohort_csv_reader_next() when not before.  A column Cohort does not use becomes
 * a warning; a header without the columns a record needs refuses the file.
 *
 * Returns: %TRUE if the header was read
 */
gboolean
cohort_csv_reader_read_header (CohortCsvReader  *self,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_return_val_if_fail (COHORT_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->header_read, FALSE);

  return read_header_internal (self, cancellable, error);
}

/**
 * cohort_csv_reader_get_column_field:
 * @column: a column of the header, from 0
 *
 * Returns: (nullable): the name of the field the column gives (`family_name`, `country`, …), or
 *   %NULL when Cohort does not use it or the header was not read yet
 */
const char *
cohort_csv_reader_get_column_field (CohortCsvReader *self,
                                    guint            column)
{
  const FieldSpec *fields;
  guint n_fields;

  g_return_val_if_fail (COHORT_IS_CSV_READER (self), NULL);

  if (!self->header_read || column >= self->n_columns || self->column_fields[column] < 0)
    return NULL;

  fields = get_fields (self->target, &n_fields);
  return fields[self->column_fields[column]].name;
}

static gboolean
parse_number (const char *str,
              gsize       len,
              guint      *out_value)
{
  guint value = 0;

  if (len == 0 || len > 4)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      value = value * 10 + (guint) (str[i] - '0');
    }

  *out_value = value;
  return TRUE;
}

static char *
format_date (guint year,
             guint month,
             guint day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Reads a date: ISO (with or without a time after it), YYYY/MM/DD, 1990年4月3日, or
 * DD/MM/YYYY (MM/DD/YYYY where the second number cannot be a month), which is read with a
 * warning in *@out_warning.  Returns NULL if @text is no date. */
static char *
parse_date (const char  *text,
            char       **out_warning)
{
  g_autofree char *normal = NULL;
  g_auto(GStrv) parts = NULL;
  guint a, b, c;
  char *date;

  *out_warning = NULL;

  if (strlen (text) >= 10 && cohort_date_is_valid ((normal = g_strndup (text, 10))) &&
      (text[10] == '\0' || text[10] == ' ' || text[10] == 'T'))
    return g_steal_pointer (&normal);
  g_clear_pointer (&normal, g_free);

  /* 1990年4月3日 */
  if (g_str_has_suffix (text, "日") && strstr (text, "年") != NULL && strstr (text, "月") != NULL)
    {
      g_autoptr(GString) slashed = g_string_new (text);

      g_string_truncate (slashed, slashed->len - strlen ("日"));
      g_string_replace (slashed, "年", "/", 0);
      g_string_replace (slashed, "月", "/", 0);
      parts = g_strsplit (slashed->str, "/", -1);
      if (g_strv_length (parts) == 3 &&
          parse_number (parts[0], strlen (parts[0]), &a) &&
          parse_number (parts[1], strlen (parts[1]), &b) &&
          parse_number (parts[2], strlen (parts[2]), &c))
        return format_date (a, b, c);
      return NULL;
    }

  parts = g_strsplit_set (text, "/.-", -1);
  if (g_strv_length (parts) != 3 ||
      !parse_number (parts[0], strlen (parts[0]), &a) ||
      !parse_number (parts[1], strlen (parts[1]), &b) ||
      !parse_number (parts[2], strlen (parts[2]), &c))
    return NULL;

  if (strlen (parts[0]) == 4)
    return format_date (a, b, c);
  if (strlen (parts[2]) != 4)
    return NULL;

  if (b > 12 && a <= 12)
    {
      date = format_date (c, a, b);
      if (date != NULL)
        *out_warning = g_strdup_printf (_("“%s” was read as month/day/year: %s."), text, date);
      return date;
    }

  date = format_date (c, b, a);
  if (date != NULL)
    *out_warning = g_strdup_printf (_("“%s” was read as day/month/year: %s."), text, date);
  return date;
}

static const char *
find_gender (const char *key)
{
  return g_hash_table_lookup (get_index ()->genders, key);
}

static const char *
find_term (CohortVocabulary  vocabulary,
           const char       *key)
{
  g_autofree char *prefix = dup_vocabulary_prefix (vocabulary);
  g_autofree char *prefixed = g_strconcat (prefix, key, NULL);

  return g_hash_table_lookup (get_index ()->terms, prefixed);
}

static char *
dup_term_list (CohortVocabulary vocabulary)
{
  const CohortVocabularyTerm *terms;
  GString *list = g_string_new (NULL);
  guint n_terms;

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", terms[i].code);

  return g_string_free (list, FALSE);
}

/* Stores one cell's value in the record, or rejects the record. */
static void
read_value (CohortCsvReader    *self,
            CohortImportRecord *record,
            const FieldSpec    *spec,
            const char         *column_name,
            const char         *cell)
{
  char **slot = G_STRUCT_MEMBER_P (record, spec->offset);
  g_autofree char *value = NULL;
  g_autofree char *key = NULL;
  g_autofree char *reason = NULL;

  /* The quote Cohort's writer (and careful people) put before what a spreadsheet would take
   * for a formula is not part of the value. */
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r", cell[1]) != NULL)
    cell++;

  value = g_strstrip (g_strdup (cell));
  if (value[0] == '\0')
    return;

  switch (spec->kind)
    {
    case VALUE_TEXT:
      cohort_set_str (slot, value);
      break;

    case VALUE_EMAIL:
      if (strchr (value, '@') == NULL)
        add_issue (self, COHORT_IMPORT_ISSUE_VALUE, record->line,
                   _("Column “%s”: “%s” does not look like an e-mail address."),
                   column_name, value);
      cohort_set_str (slot, value);
      break;

    case VALUE_DATE:
      {
        g_autofree char *warning = NULL;
        g_autofree char *date = parse_date (value, &warning);

        if (date == NULL)
          {
            reason = g_strdup_printf (_("Column “%s”: “%s” is not a date (write dates as "
                                        "YYYY-MM-DD)."), column_name, value);
            break;
          }
        if (warning != NULL)
          add_issue (self, COHORT_IMPORT_ISSUE_VALUE, record->line, _("Column “%s”: %s"),
                     column_name, warning);
        cohort_set_str (slot, date);
      }
      break;

    case VALUE_COUNTRY:
      {
        g_autofree char *code = cohort_csv_dup_country_code (value);

        if (code == NULL)
          {
            reason = g_strdup_printf (_("Column “%s”: “%s” is not a country Cohort knows "
                                        "(write its ISO 3166 code, such as JP or KE, or its "
                                        "English name)."), column_name, value);
            break;
          }
        cohort_set_str (slot, code);
      }
      break;

    case VALUE_GENDER:
      {
        CohortImportPerson *person = COHORT_IMPORT_PERSON (record);
        const char *code;

        key = dup_key (value);
        code = find_gender (key);
        if (code == NULL)
          {
            add_issue (self, COHORT_IMPORT_ISSUE_VALUE, record->line,
                       _("Column “%s”: “%s” is not one of the reporting categories (female, "
                         "male, other, not disclosed); it was kept as the person’s own words."),
                       column_name, value);
            if (person->gender_self == NULL)
              cohort_set_str (&person->gender_self, value);
            break;
          }
        cohort_set_str (slot, code);
      }
      break;

    case VALUE_VOCABULARY:
      {
        const char *code;

        key = dup_key (value);
        code = find_term (spec->vocabulary, key);
        if (code == NULL)
          {
            g_autofree char *list = dup_term_list (spec->vocabulary);

            /* Translators: the first %s is a column's name, the second the value, the third
             * what the column is about ("Placement status"), the fourth the allowed codes */
            reason = g_strdup_printf (_("Column “%s”: “%s” is not a %s Cohort knows (use one "
                                        "of %s)."), column_name, value,
                                      cohort_vocabulary_get_title (spec->vocabulary), list);
            break;
          }
        cohort_set_str (slot, code);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (reason != NULL)
    cohort_import_record_reject (record, reason);
}

static CohortImportRecordKind
get_record_kind (CohortCsvTarget target)
{
  switch (target)
    {
    case COHORT_CSV_TARGET_TRAINEES:
      return COHORT_IMPORT_RECORD_PERSON;
    case COHORT_CSV_TARGET_ORGANISATIONS:
      return COHORT_IMPORT_RECORD_ORGANISATION;
    case COHORT_CSV_TARGET_PLACEMENTS:
      return COHORT_IMPORT_RECORD_PLACEMENT;
    default:
      g_assert_not_reached ();
    }
}

static void
check_record (CohortImportRecord *record)
{
  switch (record->kind)
    {
    case COHORT_IMPORT_RECORD_PERSON:
      {
        CohortImportPerson *person = COHORT_IMPORT_PERSON (record);

        if (person->family_name == NULL && person->given_name == NULL &&
            person->family_name_local == NULL && person->given_name_local == NULL)
          cohort_import_record_reject (record, _("This row gives no name."));
      }
      break;

    case COHORT_IMPORT_RECORD_ORGANISATION:
      if (COHORT_IMPORT_ORGANISATION (record)->name == NULL)
        cohort_import_record_reject (record, _("This row gives no organisation name."));
      break;

    case COHORT_IMPORT_RECORD_PLACEMENT:
      {
        CohortImportPlacement *placement = COHORT_IMPORT_PLACEMENT (record);

        if (placement->person_code == NULL && placement->person_email == NULL)
          cohort_import_record_reject (record, _("This row does not say whose placement it "
                                                 "is (no person code or e-mail address)."));
        else if (placement->start_date != NULL && placement->end_date != NULL &&
                 strcmp (placement->end_date, placement->start_date) < 0)
          cohort_import_record_reject (record, _("The placement ends before it starts."));
      }
      break;

    case COHORT_IMPORT_RECORD_COURSE:
    case COHORT_IMPORT_RECORD_COURSE_RUN:
    default:
      g_assert_not_reached ();
    }
}

/**
 * cohort_csv_reader_next:
 *
 * Reads the next row as a record of the reader's target (reading the header first if needed).
 * A row that cannot be imported comes back with #CohortImportRecord.rejected set; a row whose
 * number of cells differs from the header's is one of them.
 *
 * Returns: (transfer full) (nullable): the next record, or %NULL at the end of the file
 *   (@error not set) or when the file is refused (@error set)
 */
CohortImportRecord *
cohort_csv_reader_next (CohortCsvReader  *self,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(CohortImportRecord) record = NULL;
  const FieldSpec *fields;
  guint n_fields;
  guint line = 0;

  g_return_val_if_fail (COHORT_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return NULL;
    }

  if (!self->header_read && !read_header_internal (self, cancellable, error))
    return NULL;

  cells = read_record (self, &line, cancellable, error);
  if (cells == NULL)
    return NULL;

  /* Rows of nothing but separators, as spreadsheets leave below a table. */
  while (cells != NULL)
    {
      gboolean empty = TRUE;

      for (guint i = 0; i < cells->len && empty; i++)
        empty = ((const char *) g_ptr_array_index (cells, i))[0] == '\0';
      if (!empty)
        break;

      g_clear_pointer (&cells, g_ptr_array_unref);
      cells = read_record (self, &line, cancellable, error);
    }
  if (cells == NULL)
    return NULL;

  fields = get_fields (self->target, &n_fields);
  record = cohort_import_record_new (get_record_kind (self->target), line, 0);

  if (cells->len != self->n_columns)
    {
      gboolean extra_empty = cells->len > self->n_columns;

      for (guint i = self->n_columns; i < cells->len && extra_empty; i++)
        extra_empty = ((const char *) g_ptr_array_index (cells, i))[0] == '\0';

      if (!extra_empty)
        {
          g_autofree char *reason =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "This row has %u cell, but the header has %u "
                                          "columns.",
                                          "This row has %u cells, but the header has %u "
                                          "columns.", cells->len),
                             cells->len, self->n_columns);

          cohort_import_record_reject (record, reason);
          return g_steal_pointer (&record);
        }
    }

  for (guint i = 0; i < self->n_columns && i < cells->len; i++)
    if (self->column_fields[i] >= 0)
      read_value (self, record, &fields[self->column_fields[i]], self->column_names[i],
                  g_ptr_array_index (cells, i));

  check_record (record);

  return g_steal_pointer (&record);
}

static CohortImportRecord *
next_record (gpointer       reader,
             GCancellable  *cancellable,
             GError       **error)
{
  return cohort_csv_reader_next (reader, cancellable, error);
}

/**
 * cohort_csv_reader_read_all:
 * @out_records: (out) (transfer container) (element-type CohortImportRecord): every record
 *
 * Reads the rest of the file.
 *
 * Returns: %TRUE if the whole file was read
 */
gboolean
cohort_csv_reader_read_all (CohortCsvReader  *self,
                            GPtrArray       **out_records,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_return_val_if_fail (COHORT_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (out_records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return cohort_import_read_all (self, next_record, out_records, cancellable, error);
}

/**
 * cohort_csv_reader_get_issues:
 *
 * Returns: (transfer none) (element-type CohortImportIssue): the warnings so far, in the order
 *   they were found
 */
GPtrArray *
cohort_csv_reader_get_issues (CohortCsvReader *self)
{
  g_return_val_if_fail (COHORT_IS_CSV_READER (self), NULL);

  return self->issues;
}
