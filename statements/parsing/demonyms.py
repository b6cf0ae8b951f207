"""Words that name a delegation without its name: nationality adjectives ("the Israeli delegate",
"la délégation suédoise") and capitals as subjects ("Moscou et Beijing demandent").

One line per State: code, English adjective(s) ("_" between the words of one), French masculine
adjective(s) ("|" between variants). French feminine and plural forms are derived (israélien,
israélienne, israéliens ...).
Only adjectives that name one State unambiguously are listed ("American" is left out: a continent).
"""

from __future__ import annotations

from functools import cache

_TABLE = """
AFG Afghan afghan
ALB Albanian albanais
DZA Algerian algérien
AGO Angolan angolais
ARG Argentine|Argentinian argentin
ARM Armenian arménien
AUS Australian australien
AUT Austrian autrichien
AZE Azerbaijani azerbaïdjanais
BHS Bahamian bahamien
BHR Bahraini bahreïnite|bahreïni
BGD Bangladeshi bangladais
BRB Barbadian barbadien
BLR Belarusian bélarussien
BEL Belgian belge
BLZ Belizean bélizien
BEN Beninese béninois
BTN Bhutanese bhoutanais
BOL Bolivian bolivien
BIH Bosnian bosnien
BWA Botswanan botswanais
BRA Brazilian brésilien
BRN Bruneian brunéien
BGR Bulgarian bulgare
BFA Burkinabe burkinabé
BDI Burundian burundais
CPV Cabo_Verdean cap-verdien
KHM Cambodian cambodgien
CMR Cameroonian camerounais
CAN Canadian canadien
TCD Chadian tchadien
CHL Chilean chilien
CHN Chinese chinois
COL Colombian colombien
COM Comorian comorien
CRI Costa_Rican costaricien|costa-ricien
CIV Ivorian ivoirien
HRV Croatian croate
CUB Cuban cubain
CYP Cypriot chypriote
CZE Czech tchèque
DNK Danish danois
DJI Djiboutian djiboutien
DMA Dominican dominiquais
DOM Dominican dominicain
ECU Ecuadorian équatorien
EGY Egyptian égyptien
SLV Salvadoran salvadorien
ERI Eritrean érythréen
EST Estonian estonien
ETH Ethiopian éthiopien
FJI Fijian fidjien
FIN Finnish finlandais
FRA French français
GAB Gabonese gabonais
GMB Gambian gambien
GEO Georgian géorgien
DEU German allemand
GHA Ghanaian ghanéen
GRC Greek grec
GRD Grenadian grenadien
GTM Guatemalan guatémaltèque
GIN Guinean guinéen
GUY Guyanese guyanien
HTI Haitian haïtien
HND Honduran hondurien
HUN Hungarian hongrois
ISL Icelandic islandais
IND Indian indien
IDN Indonesian indonésien
IRN Iranian iranien
IRQ Iraqi iraquien|irakien
IRL Irish irlandais
ISR Israeli israélien
ITA Italian italien
JAM Jamaican jamaïcain
JPN Japanese japonais
JOR Jordanian jordanien
KAZ Kazakh|Kazakhstani kazakh|kazakhstanais
KEN Kenyan kényan|kenyan
KWT Kuwaiti koweïtien
KGZ Kyrgyz kirghize
LAO Lao|Laotian laotien
LVA Latvian letton
LBN Lebanese libanais
LSO Basotho lesothan
LBR Liberian libérien
LBY Libyan libyen
LTU Lithuanian lituanien
LUX Luxembourgish luxembourgeois
MDG Malagasy malgache
MWI Malawian malawien
MYS Malaysian malaisien|malais
MDV Maldivian maldivien
MLI Malian malien
MLT Maltese maltais
MRT Mauritanian mauritanien
MUS Mauritian mauricien
MEX Mexican mexicain
MNG Mongolian mongol
MNE Montenegrin monténégrin
MAR Moroccan marocain
MOZ Mozambican mozambicain
MMR Myanmar birman|myanmarais
NAM Namibian namibien
NPL Nepalese|Nepali népalais
NLD Dutch néerlandais
NZL New_Zealand néo-zélandais
NIC Nicaraguan nicaraguayen
NER Nigerien nigérien
NGA Nigerian nigérian
NOR Norwegian norvégien
OMN Omani omanais
PAK Pakistani pakistanais
PAN Panamanian panaméen
PNG Papua_New_Guinean papouan-néo-guinéen
PRY Paraguayan paraguayen
PER Peruvian péruvien
PHL Philippine|Filipino philippin
POL Polish polonais
PRT Portuguese portugais
QAT Qatari qatarien|qatari
ROU Romanian roumain
RUS Russian russe
RWA Rwandan rwandais
WSM Samoan samoan
SAU Saudi saoudien
SEN Senegalese sénégalais
SRB Serbian serbe
SYC Seychellois seychellois
SLE Sierra_Leonean sierra-léonais
SGP Singaporean singapourien
SVK Slovak slovaque
SVN Slovenian|Slovene slovène
SOM Somali somalien
ZAF South_African sud-africain
SSD South_Sudanese sud-soudanais
ESP Spanish espagnol
LKA Sri_Lankan sri-lankais
SDN Sudanese soudanais
SUR Surinamese surinamais
SWE Swedish suédois
CHE Swiss suisse
SYR Syrian syrien
TJK Tajik tadjik
THA Thai thaïlandais
TGO Togolese togolais
TON Tongan tongien
TUN Tunisian tunisien
TUR Turkish turc
TKM Turkmen turkmène
UGA Ugandan ougandais
UKR Ukrainian ukrainien
GBR British britannique
TZA Tanzanian tanzanien
URY Uruguayan uruguayen
UZB Uzbek ouzbek
VUT Vanuatuan vanuatuan
VEN Venezuelan vénézuélien
VNM Vietnamese vietnamien
YEM Yemeni yéménite
ZMB Zambian zambien
ZWE Zimbabwean zimbabwéen
PSE Palestinian palestinien
"""

# "Dominican" names two States. "_" joins the words of a two-word adjective ("Costa Rican").
_AMBIGUOUS_EN = frozenset({"Dominican"})
_IRREGULAR_FR = {"grec": ("grecque", "grecs", "grecques"), "turc": ("turque", "turcs", "turques")}


def _french_forms(adjective: str) -> tuple[str, ...]:
    """Masculine, feminine and plural forms of a French adjective of nationality."""
    if adjective in _IRREGULAR_FR:
        return (adjective, *_IRREGULAR_FR[adjective])
    if adjective.endswith("e"):
        return (adjective, adjective + "s")
    feminine = adjective + ("ne" if adjective.endswith(("ien", "éen")) else "e")
    plural = adjective if adjective.endswith("s") else adjective + "s"
    return (adjective, feminine, plural, feminine + "s")


@cache
def english_demonyms() -> dict[str, str]:
    """English adjective -> delegation code."""
    found: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        code, english, _ = line.split()
        for word in english.split("|"):
            if word not in _AMBIGUOUS_EN:
                found[word.replace("_", " ")] = code
    return found


@cache
def french_demonyms() -> dict[str, str]:
    """French adjective (any gender or number) -> delegation code."""
    found: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        code, _, french = line.split()
        for word in french.split("|"):
            for form in _french_forms(word):
                found[form] = code
    return found


# Capitals that stand for their Government as the subject of a verb of saying ("Moscou et Beijing
# demandent", "Washington said"). Only read as subjects of such verbs: "in Moscow" is a place.
_CAPITALS = """
USA Washington
RUS Moscow|Moscou
CHN Beijing|Pékin
GBR London|Londres
FRA Paris
DEU Berlin
JPN Tokyo
IRN Tehran|Téhéran
UKR Kyiv|Kiev
ISR Jerusalem|Jérusalem
SYR Damascus|Damas
TUR Ankara
SAU Riyadh|Riyad
PRK Pyongyang
KOR Seoul|Séoul
"""


@cache
def capitals() -> dict[str, str]:
    """Capital as printed -> delegation code."""
    found: dict[str, str] = {}
    for line in _CAPITALS.strip().splitlines():
        code, names = line.split()
        for name in names.split("|"):
            found[name] = code
    return found
