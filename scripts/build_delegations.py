"""Build statements/reference/delegations.json from the copied CSV sources and the tables below.

Usage (from the project root):
    .venv/bin/python scripts/build_delegations.py          # (re)write delegations.json
    .venv/bin/python scripts/build_delegations.py --check  # exit 1 if the shipped file is stale

Sources (see statements/reference/sources/SOURCES.md):
- unsd-m49-en.csv: M49 code, ISO alpha-2, region and sub-region, UN English short name;
- datasets-country-codes.csv: UNTERM short and formal names, ISO and CLDR names (used as variants
  and to cross-check the membership list below);
- unsd-m49-fr.csv: the UN French short names (variants, so French releases resolve through the
  same alias table).
Hand-kept here: UN membership, name overrides, the short/former forms press releases use, and the
organizations, negotiating groups and UN entities that take the floor.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a plain script from anywhere
    sys.path.insert(0, str(ROOT))

from statements.reference.names import (  # noqa: E402
    KINDS,
    build_alias_index,
    normalize_name,
    parse_delegations,
)

PACKAGE = ROOT / "statements" / "reference"
SOURCES = PACKAGE / "sources"
OUTPUT = PACKAGE / "delegations.json"
M49_CSV = SOURCES / "unsd-m49-en.csv"
CODES_CSV = SOURCES / "datasets-country-codes.csv"
M49_FR_CSV = SOURCES / "unsd-m49-fr.csv"

# The 193 UN Member States (ISO 3166 alpha-3), as of South Sudan's admission in 2011.
MEMBER_STATES: tuple[str, ...] = (
    "AFG", "AGO", "ALB", "AND", "ARE", "ARG", "ARM", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL",
    "BEN", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLR", "BLZ", "BOL", "BRA", "BRB", "BRN",
    "BTN", "BWA", "CAF", "CAN", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COL", "COM",
    "CPV", "CRI", "CUB", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM", "DZA", "ECU", "EGY",
    "ERI", "ESP", "EST", "ETH", "FIN", "FJI", "FRA", "FSM", "GAB", "GBR", "GEO", "GHA", "GIN",
    "GMB", "GNB", "GNQ", "GRC", "GRD", "GTM", "GUY", "HND", "HRV", "HTI", "HUN", "IDN", "IND",
    "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM",
    "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU",
    "LUX", "LVA", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR",
    "MNE", "MNG", "MOZ", "MRT", "MUS", "MWI", "MYS", "NAM", "NER", "NGA", "NIC", "NLD", "NOR",
    "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PER", "PHL", "PLW", "PNG", "POL", "PRK", "PRT",
    "PRY", "QAT", "ROU", "RUS", "RWA", "SAU", "SDN", "SEN", "SGP", "SLB", "SLE", "SLV", "SMR",
    "SOM", "SRB", "SSD", "STP", "SUR", "SVK", "SVN", "SWE", "SWZ", "SYC", "SYR", "TCD", "TGO",
    "THA", "TJK", "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TZA", "UGA", "UKR", "URY",
    "USA", "UZB", "VCT", "VEN", "VNM", "VUT", "WSM", "YEM", "ZAF", "ZMB", "ZWE",
)  # fmt: skip
OBSERVER_STATES: tuple[str, ...] = ("VAT", "PSE")
# Non-member States in free association with New Zealand; they speak at some UN conferences.
OTHER_STATES: tuple[str, ...] = ("COK", "NIU")

# Canonical names that differ from this copy of the M49 table.
NAME_OVERRIDES: dict[str, str] = {"CIV": "Côte d’Ivoire"}

# Short, former and spelling forms seen in press releases (normalization handles case,
# accents, apostrophes and "the").
STATE_VARIANTS: dict[str, tuple[str, ...]] = {
    "ARE": ("UAE",),
    "BHS": ("Bahamas",),
    "BOL": ("Bolivia",),
    "BRN": ("Brunei",),
    "CIV": ("Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"),
    "COD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"),
    "COG": ("Congo", "Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"),
    "CPV": ("Cape Verde",),
    "CZE": ("Czech Republic",),
    "FSM": ("Micronesia", "Federated States of Micronesia"),
    "GBR": ("United Kingdom", "UK", "U.K.", "Great Britain", "Britain"),
    "IRN": ("Iran", "Islamic Republic of Iran"),
    "KNA": ("St. Kitts and Nevis", "Saint Christopher and Nevis"),
    "KOR": ("South Korea",),
    "LAO": ("Laos", "Lao PDR"),
    "LBY": ("Libyan Arab Jamahiriya",),
    "LCA": ("St. Lucia",),
    "MDA": ("Moldova",),
    "MKD": ("The former Yugoslav Republic of Macedonia", "Republic of North Macedonia"),
    "MMR": ("Burma",),
    "NLD": ("Kingdom of the Netherlands", "Netherlands (Kingdom of the)"),
    "PRK": ("North Korea", "DPRK"),
    "PSE": ("Palestine",),
    "RUS": ("Russia",),
    "SWZ": ("Swaziland", "Kingdom of Eswatini"),
    "SYR": ("Syria",),
    "TLS": ("East Timor",),
    "TUR": ("Turkey", "Turkiye", "Republic of Türkiye", "Republic of Turkey"),
    "TZA": ("Tanzania",),
    "USA": ("United States", "US", "U.S.", "USA", "U.S.A."),
    "VAT": ("Vatican", "Vatican City", "Vatican City State"),
    "VCT": ("St. Vincent and the Grenadines",),
    "VEN": ("Venezuela", "Bolivarian Republic of Venezuela"),
    "VNM": ("Vietnam",),
    "WSM": ("Western Samoa",),
}

# French short forms French releases print besides the M49 French names (accents need no variant:
# normalization drops them, so "Etats-Unis" and "États-Unis" share a key).
FRENCH_STATE_VARIANTS: dict[str, tuple[str, ...]] = {
    "BOL": ("Bolivie", "État plurinational de Bolivie"),
    "CHE": ("Confédération suisse",),
    "CIV": ("Côte d’Ivoire",),
    "COD": ("RDC", "République démocratique du Congo"),
    "CZE": ("République tchèque", "Tchéquie"),
    "FSM": ("Micronésie",),
    "GBR": ("Royaume-Uni", "Grande-Bretagne"),
    "IRN": ("Iran", "République islamique d’Iran"),
    "KOR": ("Corée du Sud",),
    "LAO": ("Laos", "RDP lao"),
    "MDA": ("Moldova", "Moldavie"),
    "MKD": ("Macédoine du Nord", "ex-République yougoslave de Macédoine"),
    "NLD": ("Pays-Bas", "Royaume des Pays-Bas"),
    "PRK": ("Corée du Nord", "RPDC"),
    "PSE": ("Palestine", "État de Palestine"),
    "RUS": ("Russie",),
    "SYR": ("Syrie",),
    "TUR": ("Turquie",),
    "TZA": ("Tanzanie",),
    "USA": ("États-Unis",),
    "VAT": ("Saint-Siège",),
    "VCT": ("Saint-Vincent-et-Grenadines",),  # the 1990s spelling, without "les"
    "VEN": ("Venezuela", "République bolivarienne du Venezuela"),
}
FRENCH_ENTITY_VARIANTS: dict[str, tuple[str, ...]] = {
    "EU": ("Union européenne", "UE"),
    "AU": ("Union africaine", "UA"),
    "LAS": ("Ligue des États arabes",),
    "OIC": ("Organisation de la coopération islamique", "OCI"),
    "ICRC": ("Comité international de la Croix-Rouge", "CICR"),
    "SMOM": ("Ordre souverain de Malte", "Ordre de Malte"),
    "G77": (
        "Groupe des 77 et la Chine",
        "Groupe des 77 et de la Chine",
        "Groupe des 77",
        "G77 et la Chine",
        "G-77 et la Chine",
    ),
    "NONALIGNED": ("Mouvement des pays non alignés", "Mouvement des non-alignés"),
    "AFRICAN-GROUP": ("Groupe des États d’Afrique", "Groupe africain"),
    "ARAB-GROUP": ("Groupe des États arabes", "Groupe arabe"),
    "CARICOM": ("Communauté des Caraïbes",),
    "AOSIS": ("Alliance des petits États insulaires",),
    "LDC": ("Groupe des pays les moins avancés", "pays les moins avancés", "PMA"),
    "LLDC": ("Groupe des pays en développement sans littoral",),
    "ASEAN": ("Association des nations de l’Asie du Sud-Est", "ANASE"),
    "CELAC": ("Communauté des États d’Amérique latine et des Caraïbes",),
    "GRULAC": ("Groupe des États d’Amérique latine et des Caraïbes",),
    "WEOG": ("Groupe des États d’Europe occidentale et autres États",),
    "EEG": ("Groupe des États d’Europe orientale",),
    "ASIA-PACIFIC-GROUP": ("Groupe des États d’Asie et du Pacifique", "Groupe Asie-Pacifique"),
    "MERCOSUR": ("Marché commun du Sud",),
    "SICA": ("Système d’intégration de l’Amérique centrale",),
    "FRANCOPHONE-AMBASSADORS": ("Groupe des ambassadeurs francophones",),
}

# (code, canonical name, variants) per kind. Codes must not be ISO alpha-3 codes.
IGOS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("EU", "European Union", ("EU", "European Community")),
    ("AU", "African Union", ("AU", "Organization of African Unity", "OAU")),
    ("LAS", "League of Arab States", ("Arab League", "LAS")),
    (
        "OIC",
        "Organisation of Islamic Cooperation",
        (
            "Organization of Islamic Cooperation",
            "OIC",
            "Organization of the Islamic Conference",
            "Organisation of the Islamic Conference",
        ),
    ),
    ("GCC", "Gulf Cooperation Council", ("Cooperation Council for the Arab States of the Gulf",)),
    ("ICRC", "International Committee of the Red Cross", ("ICRC",)),
    (
        "IFRC",
        "International Federation of Red Cross and Red Crescent Societies",
        ("IFRC", "International Federation of Red Cross"),
    ),
    (
        "SMOM",
        "Sovereign Military Order of Malta",
        ("Sovereign Order of Malta", "Order of Malta"),
    ),
    ("IPU", "Inter-Parliamentary Union", ("IPU",)),
    ("IRENA", "International Renewable Energy Agency", ("IRENA",)),
    ("IOM", "International Organization for Migration", ("IOM",)),
    (
        "OSCE",
        "Organization for Security and Co-operation in Europe",
        ("Organization for Security and Cooperation in Europe", "OSCE"),
    ),
    ("COE", "Council of Europe", ()),
    ("PIF", "Pacific Islands Forum", ("Pacific Islands Forum Secretariat",)),
    ("CIS", "Commonwealth of Independent States", ()),
    ("CSTO", "Collective Security Treaty Organization", ("CSTO",)),
    (
        "SCO",
        "Shanghai Cooperation Organisation",
        ("Shanghai Cooperation Organization",),
    ),
    (
        "OIF",
        "International Organization of la Francophonie",
        (
            "Organisation internationale de la Francophonie",
            "International Organisation of la Francophonie",
            "Francophonie",
        ),
    ),
    ("COMSEC", "Commonwealth Secretariat", ("Commonwealth", "Commonwealth of Nations")),
    ("ECOWAS", "Economic Community of West African States", ("ECOWAS",)),
    ("ECCAS", "Economic Community of Central African States", ("ECCAS",)),
    ("SADC", "Southern African Development Community", ("SADC",)),
    ("IGAD", "Intergovernmental Authority on Development", ("IGAD",)),
    ("OAS", "Organization of American States", ("OAS",)),
    ("IDLO", "International Development Law Organization", ("IDLO",)),
    ("IUCN", "International Union for Conservation of Nature", ("IUCN",)),
    ("INTERPOL", "International Criminal Police Organization", ("INTERPOL",)),
    ("ICC", "International Criminal Court", ()),
    (
        "OPCW",
        "Organisation for the Prohibition of Chemical Weapons",
        ("Organization for the Prohibition of Chemical Weapons", "OPCW"),
    ),
    ("ISA", "International Seabed Authority", ()),
    (
        "CTBTO",
        "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization",
        ("CTBTO", "Comprehensive Nuclear-Test-Ban Treaty Organization"),
    ),
)

GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "G77",
        "Group of 77 and China",
        ("G77", "G-77", "G77 and China", "G-77 and China", "Group of 77"),
    ),
    (
        "NONALIGNED",
        "Non-Aligned Movement",
        ("NAM", "Movement of Non-Aligned Countries", "Non-Aligned Countries"),
    ),
    ("AFRICAN-GROUP", "African Group", ("Group of African States",)),
    ("ARAB-GROUP", "Arab Group", ("Group of Arab States",)),
    ("ASIA-PACIFIC-GROUP", "Asia-Pacific Group", ("Group of Asia-Pacific States",)),
    ("EEG", "Eastern European Group", ("Group of Eastern European States",)),
    (
        "GRULAC",
        "Group of Latin American and Caribbean States",
        ("GRULAC", "Latin American and Caribbean Group"),
    ),
    (
        "WEOG",
        "Western European and Other States Group",
        ("WEOG", "Group of Western European and Other States"),
    ),
    ("CARICOM", "Caribbean Community", ("CARICOM",)),
    ("AOSIS", "Alliance of Small Island States", ("AOSIS",)),
    (
        "LDC",
        "Least Developed Countries",
        ("Group of Least Developed Countries", "LDCs", "LDC Group"),
    ),
    (
        "LLDC",
        "Landlocked Developing Countries",
        ("Group of Landlocked Developing Countries", "LLDCs", "Land-locked Developing Countries"),
    ),
    ("SIDS", "Small Island Developing States", ("SIDS",)),
    ("PSIDS", "Pacific Small Island Developing States", ("PSIDS",)),
    ("NORDIC", "Nordic countries", ("Nordic States", "Nordic Group")),
    (
        "NORDIC-BALTIC",
        "Nordic and Baltic States",
        ("Nordic-Baltic countries", "Nordic and Baltic countries", "Nordic-Baltic Eight", "NB8"),
    ),
    ("CANZ", "Canada, Australia and New Zealand", ("CANZ",)),
    (
        "ASEAN",
        "Association of Southeast Asian Nations",
        ("ASEAN", "Association of South-East Asian Nations"),
    ),
    ("CELAC", "Community of Latin American and Caribbean States", ("CELAC",)),
    ("SICA", "Central American Integration System", ("SICA",)),
    ("MERCOSUR", "Southern Common Market", ("MERCOSUR",)),
    ("BENELUX", "Benelux countries", ("Benelux",)),
    (
        "FRANCOPHONE-AMBASSADORS",
        "Group of Francophone Ambassadors",
        ("Group of Francophone Ambassadors to the United Nations",),
    ),
)

UN_ENTITIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "UN-SG",
        "Secretary-General",
        (
            "UN Secretary-General",
            "United Nations Secretary-General",
            "Secretary-General of the United Nations",
        ),
    ),
    (
        "UN-DSG",
        "Deputy Secretary-General",
        (
            "UN Deputy Secretary-General",
            "United Nations Deputy Secretary-General",
        ),
    ),
    ("UN-PGA", "President of the General Assembly", ("General Assembly President",)),
    ("UN-PSC", "President of the Security Council", ("Security Council President",)),
    (
        "UN-PECOSOC",
        "President of the Economic and Social Council",
        ("ECOSOC President", "President of ECOSOC"),
    ),
    ("UN-PHRC", "President of the Human Rights Council", ("Human Rights Council President",)),
    (
        "UN-PBC",
        "Chair of the Peacebuilding Commission",
        ("Peacebuilding Commission Chair", "Chairperson of the Peacebuilding Commission"),
    ),
    (
        "ACABQ",
        "Advisory Committee on Administrative and Budgetary Questions",
        ("ACABQ", "Chair of the Advisory Committee on Administrative and Budgetary Questions"),
    ),
    ("UN-CONTROLLER", "Controller", ("United Nations Controller",)),
    (
        "OLA",
        "Office of Legal Affairs",
        ("Legal Counsel", "United Nations Legal Counsel", "UN Legal Counsel"),
    ),
    ("DESA", "Department of Economic and Social Affairs", ("DESA", "UN DESA")),
    (
        "DPPA",
        "Department of Political and Peacebuilding Affairs",
        ("DPPA", "Department of Political Affairs"),
    ),
    ("DPO", "Department of Peace Operations", ("DPO", "Department of Peacekeeping Operations")),
    (
        "OCHA",
        "Office for the Coordination of Humanitarian Affairs",
        (
            "OCHA",
            "United Nations Office for the Coordination of Humanitarian Affairs",
            "Emergency Relief Coordinator",
        ),
    ),
    (
        "UNODC",
        "United Nations Office on Drugs and Crime",
        ("UNODC", "UN Office on Drugs and Crime", "Office on Drugs and Crime"),
    ),
    (
        "OHCHR",
        "Office of the United Nations High Commissioner for Human Rights",
        (
            "OHCHR",
            "Office of the High Commissioner for Human Rights",
            "United Nations High Commissioner for Human Rights",
            "UN High Commissioner for Human Rights",
            "High Commissioner for Human Rights",
            "UN Human Rights Office",
        ),
    ),
    (
        "UNHCR",
        "Office of the United Nations High Commissioner for Refugees",
        (
            "UNHCR",
            "United Nations High Commissioner for Refugees",
            "UN High Commissioner for Refugees",
            "High Commissioner for Refugees",
            "UN Refugee Agency",
        ),
    ),
    ("UNICEF", "United Nations Children’s Fund", ("UNICEF", "UN Children’s Fund")),
    (
        "UN-WOMEN",
        "United Nations Entity for Gender Equality and the Empowerment of Women",
        ("UN Women",),
    ),
    (
        "UNDP",
        "United Nations Development Programme",
        ("UNDP", "UN Development Programme", "United Nations Development Program"),
    ),
    ("UNFPA", "United Nations Population Fund", ("UNFPA", "UN Population Fund")),
    (
        "UNEP",
        "United Nations Environment Programme",
        ("UNEP", "UN Environment Programme", "UN Environment"),
    ),
    ("UN-HABITAT", "United Nations Human Settlements Programme", ("UN-Habitat",)),
    (
        "WFP",
        "World Food Programme",
        ("WFP", "World Food Program", "United Nations World Food Programme"),
    ),
    (
        "UNRWA",
        "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
        ("UNRWA",),
    ),
    ("UNCTAD", "United Nations Conference on Trade and Development", ("UNCTAD",)),
    ("WHO", "World Health Organization", ("WHO",)),
    (
        "FAO",
        "Food and Agriculture Organization of the United Nations",
        ("FAO", "Food and Agriculture Organization"),
    ),
    ("UNESCO", "United Nations Educational, Scientific and Cultural Organization", ("UNESCO",)),
    ("ILO", "International Labour Organization", ("ILO", "International Labor Organization")),
    ("IAEA", "International Atomic Energy Agency", ("IAEA",)),
    ("UNAIDS", "Joint United Nations Programme on HIV/AIDS", ("UNAIDS",)),
    (
        "WBG",
        "World Bank",
        ("World Bank Group", "International Bank for Reconstruction and Development"),
    ),
    ("IMF", "International Monetary Fund", ("IMF",)),
    (
        "ICJ",
        "International Court of Justice",
        ("ICJ", "President of the International Court of Justice"),
    ),
    (
        "UNODA",
        "Office for Disarmament Affairs",
        (
            "UNODA",
            "United Nations Office for Disarmament Affairs",
            "High Representative for Disarmament Affairs",
        ),
    ),
    (
        "UNOCT",
        "Office of Counter-Terrorism",
        ("UNOCT", "United Nations Office of Counter-Terrorism"),
    ),
    (
        "SRSG-CAAC",
        "Special Representative of the Secretary-General for Children and Armed Conflict",
        ("Special Representative for Children and Armed Conflict",),
    ),
    (
        "SRSG-SVC",
        "Special Representative of the Secretary-General on Sexual Violence in Conflict",
        ("Special Representative on Sexual Violence in Conflict",),
    ),
    (
        "UN-SPECIAL-PROCEDURES",
        "Special Procedures of the Human Rights Council",
        ("Special Rapporteur", "Special Rapporteurs", "Independent Expert", "Special Procedures"),
    ),
)

NON_STATE_TABLES = (("igo", IGOS), ("group", GROUPS), ("un_entity", UN_ENTITIES))
FIELDS = ("code", "name", "kind", "iso2", "m49", "region", "subregion", "variants")


def read_rows(path: Path, key: str) -> dict[str, dict[str, str]]:
    """Read a CSV file (BOM tolerated) into rows keyed by the given column."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row[key]: row for row in csv.DictReader(handle) if row[key]}


def strip_marks(unterm: str) -> str:
    """Drop UNTERM footnote markers (" *", " **") and the leading article from a name."""
    name = unterm.replace("*", "").strip()
    return name[4:] if name.startswith("the ") else name


def unterm_members(codes_rows: dict[str, dict[str, str]]) -> set[str]:
    """Member States as implied by the UNTERM columns (see SOURCES.md), for a cross-check."""
    filled = {
        code
        for code, row in codes_rows.items()
        if row["UNTERM English Short"] and "*" not in row["UNTERM English Short"]
    }
    return filled | {"CIV", "TUR"}


def csv_variants(m49_row: dict[str, str], codes_row: dict[str, str]) -> list[str]:
    """Names of a State found in the CSV sources (M49, UNTERM short/formal, ISO, CLDR)."""
    names = [m49_row["Country or Area"]]
    for column in ("UNTERM English Short", "UNTERM English Formal"):
        names.append(strip_marks(codes_row[column]))
    names += [codes_row["official_name_en"], codes_row["CLDR display name"]]
    return [name for name in names if name]


def dedupe_variants(name: str, variants: list[str]) -> list[str]:
    """Keep the first variant per normalized key, dropping those equal to the name."""
    seen = {normalize_name(name)}
    kept = []
    for variant in variants:
        key = normalize_name(variant)
        if key not in seen:
            seen.add(key)
            kept.append(variant)
    return kept


def french_variants(code: str, m49_fr: dict[str, dict[str, str]]) -> list[str]:
    """The State's UN French short name (M49) and the French short forms kept above."""
    names = [m49_fr[code]["Country or Area"]] if code in m49_fr else []
    return names + list(FRENCH_STATE_VARIANTS.get(code, ()))


def state_record(code: str, kind: str, m49: dict, codes: dict, m49_fr: dict) -> dict:
    """One State's JSON object, from its M49 (English and French) and country-codes rows."""
    m49_row, codes_row = m49[code], codes[code]
    name = NAME_OVERRIDES.get(code, m49_row["Country or Area"])
    variants = list(STATE_VARIANTS.get(code, ())) + csv_variants(m49_row, codes_row)
    variants += french_variants(code, m49_fr)
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "iso2": m49_row["ISO-alpha2 Code"],
        "m49": m49_row["M49 Code"],
        "region": m49_row["Region Name"],
        "subregion": m49_row["Sub-region Name"],
        "variants": dedupe_variants(name, variants),
    }


def entity_record(code: str, name: str, kind: str, variants: tuple[str, ...]) -> dict:
    """One organization, group or UN entity's JSON object."""
    blank = dict.fromkeys(("iso2", "m49", "region", "subregion"), "")
    return {
        "code": code,
        "name": name,
        "kind": kind,
        **blank,
        "variants": dedupe_variants(name, [*variants, *FRENCH_ENTITY_VARIANTS.get(code, ())]),
    }


def state_records(m49: dict, codes: dict, m49_fr: dict) -> list[dict]:
    """JSON objects of the member, observer and other States."""
    groups = (
        ("member_state", MEMBER_STATES),
        ("observer_state", OBSERVER_STATES),
        ("other", OTHER_STATES),
    )
    return [
        state_record(code, kind, m49, codes, m49_fr) for kind, table in groups for code in table
    ]


def entity_records() -> list[dict]:
    """JSON objects of the organizations, groups and UN entities."""
    return [
        entity_record(code, name, kind, variants)
        for kind, table in NON_STATE_TABLES
        for code, name, variants in table
    ]


def check_tables(m49: dict, codes: dict) -> None:
    """Fail loudly if the hand tables disagree with the sources or with each other."""
    members = set(MEMBER_STATES)
    if len(MEMBER_STATES) != 193 or len(members) != 193:
        raise SystemExit(f"expected 193 distinct Member States, got {len(members)}")
    if members != unterm_members(codes):
        raise SystemExit(f"membership differs from UNTERM: {members ^ unterm_members(codes)}")
    states = members | set(OBSERVER_STATES) | set(OTHER_STATES)
    missing = sorted(code for code in states if code not in m49 or code not in codes)
    if missing:
        raise SystemExit(f"States missing from the sources: {missing}")
    clashes = {code for _, table in NON_STATE_TABLES for code, _, _ in table} & set(codes)
    if clashes:
        raise SystemExit(f"non-State codes clash with ISO alpha-3 codes: {sorted(clashes)}")


def sort_key(record: dict) -> tuple[int, str]:
    """Order by kind (as in KINDS), then by normalized name."""
    return KINDS.index(record["kind"]), normalize_name(record["name"])


def build_payload() -> dict:
    """Build the whole delegations.json document and prove its aliases are unambiguous."""
    m49 = read_rows(M49_CSV, "ISO-alpha3 Code")
    codes = read_rows(CODES_CSV, "ISO3166-1-Alpha-3")
    m49_fr = read_rows(M49_FR_CSV, "ISO-alpha3 Code")
    check_tables(m49, codes)
    entities = {code for _, table in NON_STATE_TABLES for code, _, _ in table}
    unknown = (set(FRENCH_STATE_VARIANTS) - set(m49)) | (set(FRENCH_ENTITY_VARIANTS) - entities)
    if unknown:
        raise SystemExit(f"French variants for unknown codes: {sorted(unknown)}")
    records = sorted(state_records(m49, codes, m49_fr) + entity_records(), key=sort_key)
    payload = {
        "generated_by": "scripts/build_delegations.py",
        "sources": "statements/reference/sources/SOURCES.md",
        "delegations": records,
    }
    build_alias_index(parse_delegations(payload))
    return payload


def render(payload: dict) -> str:
    """Serialize the document deterministically (UTF-8, one field per line)."""
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write delegations.json, or with --check report whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the shipped file")
    args = parser.parse_args(argv)
    payload = build_payload()
    text = render(payload)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        print("up to date" if current == text else f"{OUTPUT} is stale: rerun without --check")
        return 0 if current == text else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(payload['delegations'])} delegations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
