package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Country ids. A country's id is its ISO 3166-1 alpha-3 code in lower
// case (usa, rus, prk), as in the embedded datasets; states that no longer
// exist use their former ISO 3166-3 code where they had one (ddr, csk, ymd)
// and otherwise a short name (bavaria, austria-hungary, south-vietnam).
//
// The Correlates of War state codes map onto these ids with a few
// deliberate merges, all following COW's own continuity rules or the
// successor state's ISO code: 365 (Russia and the Soviet Union) is rus,
// 345 (Serbia, Yugoslavia, Serbia and Montenegro) is srb, 255 (Germany)
// and 260 (the German Federal Republic) are deu, 678 (the Yemen Arab
// Republic) and 679 (Yemen) are yem.

// country is one country or territory with its display name.
type country struct {
	id   string
	name string
	iso  string // ISO 3166-1 alpha-3 (or a former ISO 3166-3 code); "" for none
}

// iso lists ISO 3166-1 alpha-3 codes with short English names; the id is
// the code in lower case.
var isoCountries = [][2]string{
	{"ABW", "Aruba"}, {"AFG", "Afghanistan"}, {"AGO", "Angola"}, {"AIA", "Anguilla"}, {"ALA", "Åland Islands"},
	{"ALB", "Albania"}, {"AND", "Andorra"}, {"ARE", "United Arab Emirates"}, {"ARG", "Argentina"}, {"ARM", "Armenia"},
	{"ASM", "American Samoa"}, {"ATA", "Antarctica"}, {"ATF", "French Southern Territories"}, {"ATG", "Antigua and Barbuda"},
	{"AUS", "Australia"}, {"AUT", "Austria"}, {"AZE", "Azerbaijan"}, {"BDI", "Burundi"}, {"BEL", "Belgium"}, {"BEN", "Benin"},
	{"BES", "Caribbean Netherlands"}, {"BFA", "Burkina Faso"}, {"BGD", "Bangladesh"}, {"BGR", "Bulgaria"}, {"BHR", "Bahrain"},
	{"BHS", "Bahamas"}, {"BIH", "Bosnia and Herzegovina"}, {"BLM", "Saint Barthélemy"}, {"BLR", "Belarus"}, {"BLZ", "Belize"},
	{"BMU", "Bermuda"}, {"BOL", "Bolivia"}, {"BRA", "Brazil"}, {"BRB", "Barbados"}, {"BRN", "Brunei"}, {"BTN", "Bhutan"},
	{"BVT", "Bouvet Island"}, {"BWA", "Botswana"}, {"CAF", "Central African Republic"}, {"CAN", "Canada"},
	{"CCK", "Cocos (Keeling) Islands"}, {"CHE", "Switzerland"}, {"CHL", "Chile"}, {"CHN", "China"}, {"CIV", "Ivory Coast"},
	{"CMR", "Cameroon"}, {"COD", "DR Congo"}, {"COG", "Congo"}, {"COK", "Cook Islands"}, {"COL", "Colombia"}, {"COM", "Comoros"},
	{"CPV", "Cape Verde"}, {"CRI", "Costa Rica"}, {"CUB", "Cuba"}, {"CUW", "Curaçao"}, {"CXR", "Christmas Island"},
	{"CYM", "Cayman Islands"}, {"CYP", "Cyprus"}, {"CZE", "Czech Republic"}, {"DEU", "Germany"}, {"DJI", "Djibouti"},
	{"DMA", "Dominica"}, {"DNK", "Denmark"}, {"DOM", "Dominican Republic"}, {"DZA", "Algeria"}, {"ECU", "Ecuador"},
	{"EGY", "Egypt"}, {"ERI", "Eritrea"}, {"ESH", "Western Sahara"}, {"ESP", "Spain"}, {"EST", "Estonia"}, {"ETH", "Ethiopia"},
	{"FIN", "Finland"}, {"FJI", "Fiji"}, {"FLK", "Falkland Islands"}, {"FRA", "France"}, {"FRO", "Faroe Islands"},
	{"FSM", "Micronesia"}, {"GAB", "Gabon"}, {"GBR", "United Kingdom"}, {"GEO", "Georgia"}, {"GGY", "Guernsey"}, {"GHA", "Ghana"},
	{"GIB", "Gibraltar"}, {"GIN", "Guinea"}, {"GLP", "Guadeloupe"}, {"GMB", "Gambia"}, {"GNB", "Guinea-Bissau"},
	{"GNQ", "Equatorial Guinea"}, {"GRC", "Greece"}, {"GRD", "Grenada"}, {"GRL", "Greenland"}, {"GTM", "Guatemala"},
	{"GUF", "French Guiana"}, {"GUM", "Guam"}, {"GUY", "Guyana"}, {"HKG", "Hong Kong"}, {"HMD", "Heard Island and McDonald Islands"},
	{"HND", "Honduras"}, {"HRV", "Croatia"}, {"HTI", "Haiti"}, {"HUN", "Hungary"}, {"IDN", "Indonesia"}, {"IMN", "Isle of Man"},
	{"IND", "India"}, {"IOT", "British Indian Ocean Territory"}, {"IRL", "Ireland"}, {"IRN", "Iran"}, {"IRQ", "Iraq"},
	{"ISL", "Iceland"}, {"ISR", "Israel"}, {"ITA", "Italy"}, {"JAM", "Jamaica"}, {"JEY", "Jersey"}, {"JOR", "Jordan"},
	{"JPN", "Japan"}, {"KAZ", "Kazakhstan"}, {"KEN", "Kenya"}, {"KGZ", "Kyrgyzstan"}, {"KHM", "Cambodia"}, {"KIR", "Kiribati"},
	{"KNA", "Saint Kitts and Nevis"}, {"KOR", "South Korea"}, {"KWT", "Kuwait"}, {"LAO", "Laos"}, {"LBN", "Lebanon"},
	{"LBR", "Liberia"}, {"LBY", "Libya"}, {"LCA", "Saint Lucia"}, {"LIE", "Liechtenstein"}, {"LKA", "Sri Lanka"},
	{"LSO", "Lesotho"}, {"LTU", "Lithuania"}, {"LUX", "Luxembourg"}, {"LVA", "Latvia"}, {"MAC", "Macao"},
	{"MAF", "Saint Martin"}, {"MAR", "Morocco"}, {"MCO", "Monaco"}, {"MDA", "Moldova"}, {"MDG", "Madagascar"},
	{"MDV", "Maldives"}, {"MEX", "Mexico"}, {"MHL", "Marshall Islands"}, {"MKD", "North Macedonia"}, {"MLI", "Mali"},
	{"MLT", "Malta"}, {"MMR", "Myanmar"}, {"MNE", "Montenegro"}, {"MNG", "Mongolia"}, {"MNP", "Northern Mariana Islands"},
	{"MOZ", "Mozambique"}, {"MRT", "Mauritania"}, {"MSR", "Montserrat"}, {"MTQ", "Martinique"}, {"MUS", "Mauritius"},
	{"MWI", "Malawi"}, {"MYS", "Malaysia"}, {"MYT", "Mayotte"}, {"NAM", "Namibia"}, {"NCL", "New Caledonia"}, {"NER", "Niger"},
	{"NFK", "Norfolk Island"}, {"NGA", "Nigeria"}, {"NIC", "Nicaragua"}, {"NIU", "Niue"}, {"NLD", "Netherlands"},
	{"NOR", "Norway"}, {"NPL", "Nepal"}, {"NRU", "Nauru"}, {"NZL", "New Zealand"}, {"OMN", "Oman"}, {"PAK", "Pakistan"},
	{"PAN", "Panama"}, {"PCN", "Pitcairn Islands"}, {"PER", "Peru"}, {"PHL", "Philippines"}, {"PLW", "Palau"},
	{"PNG", "Papua New Guinea"}, {"POL", "Poland"}, {"PRI", "Puerto Rico"}, {"PRK", "North Korea"}, {"PRT", "Portugal"},
	{"PRY", "Paraguay"}, {"PSE", "Palestine"}, {"PYF", "French Polynesia"}, {"QAT", "Qatar"}, {"REU", "Réunion"},
	{"ROU", "Romania"}, {"RUS", "Russia"}, {"RWA", "Rwanda"}, {"SAU", "Saudi Arabia"}, {"SDN", "Sudan"}, {"SEN", "Senegal"},
	{"SGP", "Singapore"}, {"SGS", "South Georgia and the South Sandwich Islands"}, {"SHN", "Saint Helena"},
	{"SJM", "Svalbard and Jan Mayen"}, {"SLB", "Solomon Islands"}, {"SLE", "Sierra Leone"}, {"SLV", "El Salvador"},
	{"SMR", "San Marino"}, {"SOM", "Somalia"}, {"SPM", "Saint Pierre and Miquelon"}, {"SRB", "Serbia"}, {"SSD", "South Sudan"},
	{"STP", "São Tomé and Príncipe"}, {"SUR", "Suriname"}, {"SVK", "Slovakia"}, {"SVN", "Slovenia"}, {"SWE", "Sweden"},
	{"SWZ", "Eswatini"}, {"SXM", "Sint Maarten"}, {"SYC", "Seychelles"}, {"SYR", "Syria"}, {"TCA", "Turks and Caicos Islands"},
	{"TCD", "Chad"}, {"TGO", "Togo"}, {"THA", "Thailand"}, {"TJK", "Tajikistan"}, {"TKL", "Tokelau"}, {"TKM", "Turkmenistan"},
	{"TLS", "Timor-Leste"}, {"TON", "Tonga"}, {"TTO", "Trinidad and Tobago"}, {"TUN", "Tunisia"}, {"TUR", "Turkey"},
	{"TUV", "Tuvalu"}, {"TWN", "Taiwan"}, {"TZA", "Tanzania"}, {"UGA", "Uganda"}, {"UKR", "Ukraine"},
	{"UMI", "U.S. Minor Outlying Islands"}, {"URY", "Uruguay"}, {"USA", "United States"}, {"UZB", "Uzbekistan"},
	{"VAT", "Vatican City"}, {"VCT", "Saint Vincent and the Grenadines"}, {"VEN", "Venezuela"}, {"VGB", "British Virgin Islands"},
	{"VIR", "U.S. Virgin Islands"}, {"VNM", "Vietnam"}, {"VUT", "Vanuatu"}, {"WLF", "Wallis and Futuna"}, {"WSM", "Samoa"},
	{"YEM", "Yemen"}, {"ZAF", "South Africa"}, {"ZMB", "Zambia"}, {"ZWE", "Zimbabwe"},
	// Codes outside the official list: Kosovo's user-assigned code, and
	// the former codes (ISO 3166-3) of states that no longer exist.
	{"XKX", "Kosovo"}, {"DDR", "East Germany"}, {"CSK", "Czechoslovakia"}, {"YMD", "South Yemen"},
}

// historic are states of the COW and Gleditsch–Ward lists with no ISO code.
var historic = []country{
	{"hanover", "Hanover", ""}, {"bavaria", "Bavaria", ""}, {"baden", "Baden", ""}, {"saxony", "Saxony", ""},
	{"wuerttemberg", "Württemberg", ""}, {"hesse-electoral", "Hesse-Kassel", ""}, {"hesse-grand-ducal", "Hesse-Darmstadt", ""},
	{"mecklenburg-schwerin", "Mecklenburg-Schwerin", ""}, {"austria-hungary", "Austria-Hungary", ""},
	{"papal-states", "Papal States", ""}, {"two-sicilies", "Two Sicilies", ""}, {"modena", "Modena", ""}, {"parma", "Parma", ""},
	{"tuscany", "Tuscany", ""}, {"zanzibar", "Zanzibar", ""}, {"korea", "Korea", ""}, {"south-vietnam", "South Vietnam", ""},
	{"transvaal", "Transvaal", ""}, {"orange-free-state", "Orange Free State", ""}, {"tibet", "Tibet", ""},
	{"annam", "Annam (Vietnam)", ""},
}

// cowState is one Correlates of War state code.
type cowState struct {
	code int
	abbr string // COW's three-letter abbreviation (not ISO)
	name string // COW's name, as in states2016.csv
	id   string
	gw   bool // a Gleditsch–Ward code COW does not use (Archigos uses them)
}

// cowStates lists every code of COW's State System Membership List v2016,
// and the few Gleditsch–Ward codes Archigos uses beyond it.
var cowStates = []cowState{
	{2, "USA", "United States of America", "usa", false}, {20, "CAN", "Canada", "can", false},
	{31, "BHM", "Bahamas", "bhs", false}, {40, "CUB", "Cuba", "cub", false}, {41, "HAI", "Haiti", "hti", false},
	{42, "DOM", "Dominican Republic", "dom", false}, {51, "JAM", "Jamaica", "jam", false},
	{52, "TRI", "Trinidad and Tobago", "tto", false}, {53, "BAR", "Barbados", "brb", false},
	{54, "DMA", "Dominica", "dma", false}, {55, "GRN", "Grenada", "grd", false}, {56, "SLU", "St. Lucia", "lca", false},
	{57, "SVG", "St. Vincent and the Grenadines", "vct", false}, {58, "AAB", "Antigua & Barbuda", "atg", false},
	{60, "SKN", "St. Kitts and Nevis", "kna", false}, {70, "MEX", "Mexico", "mex", false}, {80, "BLZ", "Belize", "blz", false},
	{90, "GUA", "Guatemala", "gtm", false}, {91, "HON", "Honduras", "hnd", false}, {92, "SAL", "El Salvador", "slv", false},
	{93, "NIC", "Nicaragua", "nic", false}, {94, "COS", "Costa Rica", "cri", false}, {95, "PAN", "Panama", "pan", false},
	{100, "COL", "Colombia", "col", false}, {101, "VEN", "Venezuela", "ven", false}, {110, "GUY", "Guyana", "guy", false},
	{115, "SUR", "Suriname", "sur", false}, {130, "ECU", "Ecuador", "ecu", false}, {135, "PER", "Peru", "per", false},
	{140, "BRA", "Brazil", "bra", false}, {145, "BOL", "Bolivia", "bol", false}, {150, "PAR", "Paraguay", "pry", false},
	{155, "CHL", "Chile", "chl", false}, {160, "ARG", "Argentina", "arg", false}, {165, "URU", "Uruguay", "ury", false},
	{200, "UKG", "United Kingdom", "gbr", false}, {205, "IRE", "Ireland", "irl", false}, {210, "NTH", "Netherlands", "nld", false},
	{211, "BEL", "Belgium", "bel", false}, {212, "LUX", "Luxembourg", "lux", false}, {220, "FRN", "France", "fra", false},
	{221, "MNC", "Monaco", "mco", false}, {223, "LIE", "Liechtenstein", "lie", false}, {225, "SWZ", "Switzerland", "che", false},
	{230, "SPN", "Spain", "esp", false}, {232, "AND", "Andorra", "and", false}, {235, "POR", "Portugal", "prt", false},
	{240, "HAN", "Hanover", "hanover", false}, {245, "BAV", "Bavaria", "bavaria", false}, {255, "GMY", "Germany", "deu", false},
	{260, "GFR", "German Federal Republic", "deu", false}, {265, "GDR", "German Democratic Republic", "ddr", false},
	{267, "BAD", "Baden", "baden", false}, {269, "SAX", "Saxony", "saxony", false},
	{271, "WRT", "Wuerttemburg", "wuerttemberg", false}, {273, "HSE", "Hesse Electoral", "hesse-electoral", false},
	{275, "HSG", "Hesse Grand Ducal", "hesse-grand-ducal", false}, {280, "MEC", "Mecklenburg Schwerin", "mecklenburg-schwerin", false},
	{290, "POL", "Poland", "pol", false}, {300, "AUH", "Austria-Hungary", "austria-hungary", false},
	{305, "AUS", "Austria", "aut", false}, {310, "HUN", "Hungary", "hun", false}, {315, "CZE", "Czechoslovakia", "csk", false},
	{316, "CZR", "Czech Republic", "cze", false}, {317, "SLO", "Slovakia", "svk", false}, {325, "ITA", "Italy", "ita", false},
	{327, "PAP", "Papal States", "papal-states", false}, {329, "SIC", "Two Sicilies", "two-sicilies", false},
	{331, "SNM", "San Marino", "smr", false}, {332, "MOD", "Modena", "modena", false}, {335, "PMA", "Parma", "parma", false},
	{337, "TUS", "Tuscany", "tuscany", false}, {338, "MLT", "Malta", "mlt", false}, {339, "ALB", "Albania", "alb", false},
	{341, "MNG", "Montenegro", "mne", false}, {343, "MAC", "Macedonia", "mkd", false}, {344, "CRO", "Croatia", "hrv", false},
	{345, "YUG", "Yugoslavia", "srb", false}, {346, "BOS", "Bosnia and Herzegovina", "bih", false},
	{347, "KOS", "Kosovo", "xkx", false}, {349, "SLV", "Slovenia", "svn", false}, {350, "GRC", "Greece", "grc", false},
	{352, "CYP", "Cyprus", "cyp", false}, {355, "BUL", "Bulgaria", "bgr", false}, {359, "MLD", "Moldova", "mda", false},
	{360, "ROM", "Romania", "rou", false}, {365, "RUS", "Russia", "rus", false}, {366, "EST", "Estonia", "est", false},
	{367, "LAT", "Latvia", "lva", false}, {368, "LIT", "Lithuania", "ltu", false}, {369, "UKR", "Ukraine", "ukr", false},
	{370, "BLR", "Belarus", "blr", false}, {371, "ARM", "Armenia", "arm", false}, {372, "GRG", "Georgia", "geo", false},
	{373, "AZE", "Azerbaijan", "aze", false}, {375, "FIN", "Finland", "fin", false}, {380, "SWD", "Sweden", "swe", false},
	{385, "NOR", "Norway", "nor", false}, {390, "DEN", "Denmark", "dnk", false}, {395, "ICE", "Iceland", "isl", false},
	{402, "CAP", "Cape Verde", "cpv", false}, {403, "STP", "Sao Tome and Principe", "stp", false},
	{404, "GNB", "Guinea-Bissau", "gnb", false}, {411, "EQG", "Equatorial Guinea", "gnq", false},
	{420, "GAM", "Gambia", "gmb", false}, {432, "MLI", "Mali", "mli", false}, {433, "SEN", "Senegal", "sen", false},
	{434, "BEN", "Benin", "ben", false}, {435, "MAA", "Mauritania", "mrt", false}, {436, "NIR", "Niger", "ner", false},
	{437, "CDI", "Ivory Coast", "civ", false}, {438, "GUI", "Guinea", "gin", false}, {439, "BFO", "Burkina Faso", "bfa", false},
	{450, "LBR", "Liberia", "lbr", false}, {451, "SIE", "Sierra Leone", "sle", false}, {452, "GHA", "Ghana", "gha", false},
	{461, "TOG", "Togo", "tgo", false}, {471, "CAO", "Cameroon", "cmr", false}, {475, "NIG", "Nigeria", "nga", false},
	{481, "GAB", "Gabon", "gab", false}, {482, "CEN", "Central African Republic", "caf", false}, {483, "CHA", "Chad", "tcd", false},
	{484, "CON", "Congo", "cog", false}, {490, "DRC", "Democratic Republic of the Congo", "cod", false},
	{500, "UGA", "Uganda", "uga", false}, {501, "KEN", "Kenya", "ken", false}, {510, "TAZ", "Tanzania", "tza", false},
	{511, "ZAN", "Zanzibar", "zanzibar", false}, {516, "BUI", "Burundi", "bdi", false}, {517, "RWA", "Rwanda", "rwa", false},
	{520, "SOM", "Somalia", "som", false}, {522, "DJI", "Djibouti", "dji", false}, {530, "ETH", "Ethiopia", "eth", false},
	{531, "ERI", "Eritrea", "eri", false}, {540, "ANG", "Angola", "ago", false}, {541, "MZM", "Mozambique", "moz", false},
	{551, "ZAM", "Zambia", "zmb", false}, {552, "ZIM", "Zimbabwe", "zwe", false}, {553, "MAW", "Malawi", "mwi", false},
	{560, "SAF", "South Africa", "zaf", false}, {565, "NAM", "Namibia", "nam", false}, {570, "LES", "Lesotho", "lso", false},
	{571, "BOT", "Botswana", "bwa", false}, {572, "SWA", "Swaziland", "swz", false}, {580, "MAG", "Madagascar", "mdg", false},
	{581, "COM", "Comoros", "com", false}, {590, "MAS", "Mauritius", "mus", false}, {591, "SEY", "Seychelles", "syc", false},
	{600, "MOR", "Morocco", "mar", false}, {615, "ALG", "Algeria", "dza", false}, {616, "TUN", "Tunisia", "tun", false},
	{620, "LIB", "Libya", "lby", false}, {625, "SUD", "Sudan", "sdn", false}, {626, "SSD", "South Sudan", "ssd", false},
	{630, "IRN", "Iran", "irn", false}, {640, "TUR", "Turkey", "tur", false}, {645, "IRQ", "Iraq", "irq", false},
	{651, "EGY", "Egypt", "egy", false}, {652, "SYR", "Syria", "syr", false}, {660, "LEB", "Lebanon", "lbn", false},
	{663, "JOR", "Jordan", "jor", false}, {666, "ISR", "Israel", "isr", false}, {670, "SAU", "Saudi Arabia", "sau", false},
	{678, "YAR", "Yemen Arab Republic", "yem", false}, {679, "YEM", "Yemen", "yem", false},
	{680, "YPR", "Yemen People's Republic", "ymd", false}, {690, "KUW", "Kuwait", "kwt", false},
	{692, "BAH", "Bahrain", "bhr", false}, {694, "QAT", "Qatar", "qat", false}, {696, "UAE", "United Arab Emirates", "are", false},
	{698, "OMA", "Oman", "omn", false}, {700, "AFG", "Afghanistan", "afg", false}, {701, "TKM", "Turkmenistan", "tkm", false},
	{702, "TAJ", "Tajikistan", "tjk", false}, {703, "KYR", "Kyrgyzstan", "kgz", false}, {704, "UZB", "Uzbekistan", "uzb", false},
	{705, "KZK", "Kazakhstan", "kaz", false}, {710, "CHN", "China", "chn", false}, {712, "MON", "Mongolia", "mng", false},
	{713, "TAW", "Taiwan", "twn", false}, {730, "KOR", "Korea", "korea", false}, {731, "PRK", "North Korea", "prk", false},
	{732, "ROK", "South Korea", "kor", false}, {740, "JPN", "Japan", "jpn", false}, {750, "IND", "India", "ind", false},
	{760, "BHU", "Bhutan", "btn", false}, {770, "PAK", "Pakistan", "pak", false}, {771, "BNG", "Bangladesh", "bgd", false},
	{775, "MYA", "Myanmar", "mmr", false}, {780, "SRI", "Sri Lanka", "lka", false}, {781, "MAD", "Maldives", "mdv", false},
	{790, "NEP", "Nepal", "npl", false}, {800, "THI", "Thailand", "tha", false}, {811, "CAM", "Cambodia", "khm", false},
	{812, "LAO", "Laos", "lao", false}, {816, "DRV", "Vietnam", "vnm", false},
	{817, "RVN", "Republic of Vietnam", "south-vietnam", false}, {820, "MAL", "Malaysia", "mys", false},
	{830, "SIN", "Singapore", "sgp", false}, {835, "BRU", "Brunei", "brn", false}, {840, "PHI", "Philippines", "phl", false},
	{850, "INS", "Indonesia", "idn", false}, {860, "ETM", "East Timor", "tls", false}, {900, "AUL", "Australia", "aus", false},
	{910, "PNG", "Papua New Guinea", "png", false}, {920, "NEW", "New Zealand", "nzl", false}, {935, "VAN", "Vanuatu", "vut", false},
	{940, "SOL", "Solomon Islands", "slb", false}, {946, "KIR", "Kiribati", "kir", false}, {947, "TUV", "Tuvalu", "tuv", false},
	{950, "FIJ", "Fiji", "fji", false}, {955, "TON", "Tonga", "ton", false}, {970, "NAU", "Nauru", "nru", false},
	{983, "MSI", "Marshall Islands", "mhl", false}, {986, "PAL", "Palau", "plw", false},
	{987, "FSM", "Federated States of Micronesia", "fsm", false}, {990, "WSM", "Samoa", "wsm", false},
	// Gleditsch–Ward codes that COW does not use, as Archigos writes them.
	{340, "SER", "Serbia", "srb", true}, {563, "TRA", "Transvaal", "transvaal", true},
	{564, "OFS", "Orange Free State", "orange-free-state", true}, {711, "TBT", "Tibet", "tibet", true},
	{815, "VNM", "Vietnam (Annam/Cochin China)", "annam", true},
}

// cameoAliases are CAMEO country codes that differ from ISO 3166-1.
var cameoAliases = map[string]string{"ROM": "rou", "ZAR": "cod", "TMP": "tls", "KOS": "xkx", "YUG": "srb"}

// cameoRegions are CAMEO actor country codes for regions, not countries.
var cameoRegions = map[string]string{
	"AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CRB": "Caribbean", "CAU": "Caucasus", "CFR": "Central Africa",
	"CAS": "Central Asia", "CEU": "Central Europe", "EIN": "East Indies", "EAF": "East Africa", "EEU": "Eastern Europe",
	"EUR": "Europe", "LAM": "Latin America", "MEA": "Middle East", "MDT": "Mediterranean", "NAF": "North Africa",
	"NMR": "North America", "PGS": "Persian Gulf", "SCN": "Scandinavia", "SAM": "South America", "SAS": "South Asia",
	"SEA": "Southeast Asia", "SAF": "Southern Africa", "WAF": "West Africa", "WST": "the West",
}

var (
	countryByID  = map[string]country{}
	countryByISO = map[string]country{}
	cowByCode    = map[int]cowState{}
	cowByAbbr    = map[string]cowState{}
)

func init() {
	for _, c := range isoCountries {
		k := country{id: strings.ToLower(c[0]), name: c[1], iso: c[0]}
		countryByID[k.id], countryByISO[k.iso] = k, k
	}
	for _, k := range historic {
		countryByID[k.id] = k
	}
	for _, s := range cowStates {
		cowByCode[s.code] = s
		if !s.gw {
			cowByAbbr[s.abbr] = s
		}
	}
}

// countryEntity is the entity for a country id.
func countryEntity(id string) graph.Entity {
	c := countryByID[id]
	return graph.Entity{ID: id, Kind: graph.KindCountry, Name: c.name}
}

// cameoCountry maps a CAMEO country code to a country id. region is
// non-empty for the codes of regions.
func cameoCountry(code string) (id, region string, ok bool) {
	if r, isRegion := cameoRegions[code]; isRegion {
		return "", r, false
	}
	if id, ok := cameoAliases[code]; ok {
		return id, "", true
	}
	if c, ok := countryByISO[code]; ok {
		return c.id, "", true
	}
	return "", "", false
}

// ResolveCountries reads a --countries list: country ids (usa), ISO
// alpha-3 or CAMEO codes (USA, GBR), COW abbreviations (UKG, GMY) or COW
// numbers (2, 200), in any case. It returns the set of country ids.
func ResolveCountries(list []string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, item := range list {
		s := strings.TrimSpace(item)
		if s == "" {
			continue
		}
		id, ok := resolveCountry(s)
		if !ok {
			ids := make([]string, 0, len(countryByID))
			for id := range countryByID {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			return nil, fmt.Errorf("--countries: unknown country %q%s: give country ids such as usa or gbr (ISO 3166 alpha-3), COW abbreviations such as UKG, or COW numbers", s, graph.Suggest(strings.ToLower(s), ids))
		}
		set[id] = true
	}
	if len(set) == 0 {
		return nil, fmt.Errorf("--countries needs at least one country")
	}
	return set, nil
}

func resolveCountry(s string) (string, bool) {
	if _, ok := countryByID[strings.ToLower(s)]; ok {
		return strings.ToLower(s), true
	}
	if id, _, ok := cameoCountry(strings.ToUpper(s)); ok {
		return id, true
	}
	if st, ok := cowByAbbr[strings.ToUpper(s)]; ok {
		return st.id, true
	}
	if n, err := strconv.Atoi(s); err == nil {
		if st, ok := cowByCode[n]; ok {
			return st.id, true
		}
	}
	return "", false
}
