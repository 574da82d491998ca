#!/usr/bin/env python3
"""Generate rasid's dictionaries (data/*.tsv) from Debian packages plus the
hand-curated tables in data/curated/.  Python 3 standard library only.

    python3 scripts/gen_data.py           regenerate places, nationalities, actors
    python3 scripts/gen_data.py --check   validate every dictionary in data/ (no packages needed)

Inputs (see data/SOURCES.md):
  libgeonames0 / libgeonames-common  cities (>=15000 inhabitants) with coordinates, and their
                                     Arabic names (geonames.mo, keyed by geonameid / CC.admin1 / CC)
  iso-codes                          ISO 3166-1 / 3166-2 codes and their Arabic translations
  unicode-cldr-core                  Arabic territory and subdivision names
  data/curated/*.tsv                 hand-curated additions (committed)
Outputs: data/places.tsv, data/nationalities.tsv, data/actors.tsv.
data/titles.tsv and data/stop.tsv are hand-written and only checked.
"""
import csv
import glob
import json
import os
import re
import struct
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, 'data')
CUR = os.path.join(DATA, 'curated')

ISO_JSON = '/usr/share/iso-codes/json'
CLDR = '/usr/share/unicode/cldr/common'
LOCALE = '/usr/share/locale'

# Countries whose every Arabic-named GeoNames town goes into places.tsv:
# Sahel, North, West and Central Africa, the Horn, and the Arab states.
REGION = set('''MLI NER BFA TCD MRT DZA LBY MAR TUN EGY SDN SSD NGA SEN GMB GIN GNB SLE LBR CIV
GHA TGO BEN CMR CAF CPV ESH GAB GNQ COG COD ETH ERI DJI SOM
SAU ARE QAT KWT BHR OMN YEM IRQ SYR JOR LBN PSE ISR'''.split())
# elsewhere: capitals, curated places and cities of at least this population
WORLD_MIN_POP = 1000000

HEADERS = {
    'places.tsv': ['id', 'name', 'kind', 'country', 'admin1', 'lat', 'lon', 'geonameid', 'ar', 'capital'],
    'nationalities.tsv': ['country', 'name', 'ar'],
    'actors.tsv': ['id', 'name', 'kind', 'sector', 'country', 'from', 'to', 'role', 'ar'],
    'titles.tsv': ['ar', 'role', 'sector', 'kind'],
    'stop.tsv': ['ar', 'cat', 'before', 'after', 'note'],
    'names.tsv': ['latin', 'ar'],
}
PLACE_KINDS = {'country', 'admin1', 'city', 'town', 'region', 'site'}
ACTOR_KINDS = {'state', 'force', 'group', 'org', 'person', 'unknown'}
STOP_CATS = {'place', 'actor', 'nisba', 'title', 'trigger', 'any'}

# ---------------------------------------------------------------- Arabic text

_TASHKEEL = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]')


def norm(s):
    """The loader's normalisation (used here only to detect duplicates)."""
    s = unicodedata.normalize('NFC', s)
    s = _TASHKEEL.sub('', s)
    s = re.sub('[أإآٱ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه')
    return ' '.join(s.split())


def clean_ar(s):
    """Tidy a raw Arabic name: drop brackets, dashes between words, stray spaces."""
    s = s.replace('\u200f', '').replace('\u200e', '').replace('\u200c', ' ')
    s = re.sub(r'\s+-\s+', ' ', s)
    s = s.replace('،', ' ').replace(',', ' ')
    return ' '.join(s.split())


def split_forms(s):
    """'ميانمار (بورما)' -> ['ميانمار', 'بورما']"""
    out = []
    m = re.match(r'^(.*?)\s*\((.*?)\)\s*$', s)
    if m:
        out += [m.group(1), m.group(2)]
    else:
        out.append(s)
    return [clean_ar(x) for x in out if clean_ar(x)]


def is_arabic(s):
    """Arabic words; digits may stand among them in a name written with a number
    ("اللواء 444", "كتيبة 166"), never alone."""
    return (bool(s) and all(('\u0600' <= c <= '\u06ff') or c in ' -' or '0' <= c <= '9' for c in s)
            and any('\u0621' <= c <= '\u064a' for c in s))


class Forms:
    """Ordered set of Arabic forms, deduplicated by normalised value."""

    def __init__(self, items=()):
        self.items, self.keys = [], set()
        self.add(items)

    def add(self, items):
        if isinstance(items, str):
            items = items.split('|')
        for x in items:
            x = clean_ar(x)
            if not x or not is_arabic(x):
                continue
            k = norm(x)
            if k not in self.keys:
                self.keys.add(k)
                self.items.append(x)

    def remove(self, key):
        self.items = [x for x in self.items if norm(x) != key]
        self.keys.discard(key)

    def __str__(self):
        return '|'.join(self.items)

    def __bool__(self):
        return bool(self.items)


# ---------------------------------------------------------------- readers

def read_tsv(path):
    """Rows (dicts) of a rasid TSV file: header line, '#' comments."""
    rows, header = [], None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n').rstrip('\r')
            if not line or line.startswith('#'):
                continue
            cells = line.split('\t')
            if header is None:
                header = cells
                continue
            cells += [''] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows


def write_tsv(path, header, rows, comment):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        for c in comment.strip().splitlines():
            f.write('# ' + c + '\n')
        f.write('\t'.join(header) + '\n')
        for r in rows:
            f.write('\t'.join(str(r.get(h, '') or '').replace('\t', ' ') for h in header) + '\n')


def read_mo(path):
    """GNU gettext .mo -> {msgid: msgstr}"""
    with open(path, 'rb') as f:
        d = f.read()
    magic = struct.unpack('<I', d[:4])[0]
    e = '<' if magic == 0x950412de else '>'
    _, n, oo, to = struct.unpack(e + '4I', d[4:20])
    out = {}
    for i in range(n):
        l1, o1 = struct.unpack(e + '2I', d[oo + 8 * i: oo + 8 * i + 8])
        l2, o2 = struct.unpack(e + '2I', d[to + 8 * i: to + 8 * i + 8])
        k = d[o1:o1 + l1].decode('utf-8', 'replace')
        if k:
            out[k.split('\x00')[0]] = d[o2:o2 + l2].decode('utf-8', 'replace').split('\x00')[0]
    return out


def _parse_cities_blob(d):
    """cities.compiled: GVariant array of (s geonameid, s name, s admin1 code, s admin1 name,
    s country code, s country name, s timezone, u population, d lat, d lon)."""
    last = struct.unpack('<I', d[-4:])[0]
    if last >= len(d) or (len(d) - last) % 4:
        raise ValueError('bad framing')
    offs = struct.unpack('<%dI' % ((len(d) - last) // 4), d[last:])
    start, out = 0, []
    for end in offs:
        r = d[start:end]
        p, ss = 0, []
        for _ in range(7):
            q = r.index(b'\0', p)
            ss.append(r[p:q].decode('utf-8'))
            p = q + 1
        p = (p + 3) & ~3
        pop = struct.unpack('<I', r[p:p + 4])[0]
        p = (p + 4 + 7) & ~7
        lat, lon = struct.unpack('<dd', r[p:p + 16])
        out.append(dict(gid=ss[0], name=ss[1], a1code=ss[2], a1name=ss[3], cc=ss[4],
                        country=ss[5], pop=pop, lat=lat, lon=lon))
        start = (end + 7) & ~7
    return out


def read_geonames_cities():
    """Find the cities resource compiled into libgeonames.so and parse it.  GResource stores each
    file as a GVariant (u size, u flags, ay data); flags 1 = zlib-compressed."""
    libs = sorted(glob.glob('/usr/lib/*/libgeonames.so.0*') + glob.glob('/usr/lib/libgeonames.so.0*'))
    for lib in libs:
        with open(lib, 'rb') as f:
            so = f.read()
        for m in re.finditer(rb'(?s)(.{4})([\x00\x01])\x00\x00\x00', so):
            size = struct.unpack('<I', m.group(1))[0]
            if not 100000 < size < 50000000:
                continue
            i = m.end()
            if m.group(2) == b'\x01':
                if so[i:i + 1] != b'\x78':
                    continue
                try:
                    blob = zlib.decompressobj().decompress(so[i:], size + 1)
                except zlib.error:
                    continue
            else:
                blob = so[i:i + size]
            if len(blob) != size or not re.match(rb'\d+\x00', blob):
                continue
            try:
                recs = _parse_cities_blob(blob)
            except Exception:
                continue
            if len(recs) > 1000:
                return recs
    sys.exit('gen_data: libgeonames0 not found or unreadable (apt-get install -y libgeonames0)')


def fold(s):
    """ASCII-fold + lowercase an English/French name for matching."""
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace('’', "'").replace('‘', "'")
    return re.sub(r'[^a-z0-9]+', ' ', s).strip()


def fold_admin(s):
    s = fold(s)
    s = re.sub(r'\b(region|province|state|governorate|wilaya|prefecture|department|district|'
               r'capital|territory|of|the|federal|muhafazat|shabiyat|sha biyat)\b', ' ', s)
    s = re.sub(r'^(al|el|ad|ash|as|at|az|an|ar)\s+', '', s.strip())
    return ' '.join(s.split())


# ---------------------------------------------------------------- places

def load_countries():
    iso = json.load(open(os.path.join(ISO_JSON, 'iso_3166-1.json'), encoding='utf-8'))['3166-1']
    iso_ar = read_mo(os.path.join(LOCALE, 'ar/LC_MESSAGES/iso_3166-1.mo'))
    root = ET.parse(os.path.join(CLDR, 'main/ar.xml')).getroot()
    cldr = {}
    for t in root.iter('territory'):
        cldr.setdefault(t.get('type'), []).append((t.get('alt') or '', t.text or ''))
    root_en = ET.parse(os.path.join(CLDR, 'main/en.xml')).getroot()
    cldr_en = {t.get('type'): t.text for t in root_en.iter('territory') if not t.get('alt')}
    out = []
    for c in iso:
        a2, a3 = c['alpha_2'], c['alpha_3']
        forms = Forms()
        for alt, txt in sorted(cldr.get(a2, []), key=lambda x: x[0] != ''):
            forms.add(split_forms(txt))
        for k in ('common_name', 'name', 'official_name'):
            if c.get(k) and c[k] in iso_ar:
                forms.add(split_forms(iso_ar[c[k]]))
        en = c.get('common_name') or cldr_en.get(a2) or c['name']
        en = {'Russian Federation': 'Russia', 'Iran, Islamic Republic of': 'Iran',
              'Syrian Arab Republic': 'Syria', 'Korea, Republic of': 'South Korea',
              "Korea, Democratic People's Republic of": 'North Korea',
              'Congo, The Democratic Republic of the': 'Democratic Republic of Congo',
              'Congo': 'Republic of Congo', 'Viet Nam': 'Vietnam', "Côte d'Ivoire": 'Ivory Coast',
              'Tanzania, United Republic of': 'Tanzania', 'Moldova, Republic of': 'Moldova',
              'Palestine, State of': 'Palestine', 'Bolivia, Plurinational State of': 'Bolivia',
              'Venezuela, Bolivarian Republic of': 'Venezuela',
              "Lao People's Democratic Republic": 'Laos', 'Türkiye': 'Turkey',
              'Holy See (Vatican City State)': 'Vatican'}.get(en, en)
        out.append(dict(a2=a2, a3=a3, en=en, forms=forms))
    return out


# single words that must never be a region name on their own
GENERIC = {norm(x) for x in '''الشرقي الشمالي الجنوبي الغربي الوسط الشمال الجنوب الشرق الغرب الساحل الوسطى
العاصمة المركز الوسطي الشرقية الشمالية الجنوبية الغربية الوسطى الداخلية الساحلية البحيرة العليا السفلى
الجزيرة الصحراء الهضبة الشلالات الشالالات المنطقة دلتا الدلتا
جنوب شمال شرق غرب وسط الشمالية الجنوبية الشرقية الغربية المركز الوسطى'''.split()} | {norm(x) for x in '''جنوب غرب|جنوب شرق|شمال غرب|شمال شرق|الجنوب الغربي|الجنوب الشرقي|الشمال الغربي|الشمال الشرقي|الوسط الغربي|الوسط الشرقي|الوسط الشمالي|الوسط الجنوبي|الجنوب الأوسط|الشمال الأوسط|الشرق الأوسط|الغرب الأوسط|أقصى الشمال|أقصى الجنوب|المنطقة الشمالية|المنطقة الجنوبية|المنطقة الشرقية|المنطقة الغربية|المنطقة الوسطى|المنطقة المركزية|الساحل|العاصمة'''.split('|')}

ADMIN_PREFIX = re.compile(r'^(منطقة|ولاية|محافظة|إقليم|اقليم|مقاطعة|جهة|شعبية|بلدية|عمالة|ولايه|مديرية|الإقليم)\s+')


def build_places(cities, gmo, nisba_keys=frozenset(), nis=None):
    countries = load_countries()
    by_a2 = {c['a2']: c for c in countries}
    a3_of = {c['a2']: c['a3'] for c in countries}
    cur_c = {r['iso3']: r for r in read_tsv(os.path.join(CUR, 'countries.tsv'))}
    extra = read_tsv(os.path.join(CUR, 'places_extra.tsv'))
    admin_extra = {r['id']: r for r in read_tsv(os.path.join(CUR, 'admin1_extra.tsv'))}

    rows = []
    country_keys = {}   # normalised form -> a3
    for c in countries:
        cc = cur_c.get(c['a3'], {})
        c['forms'].add(cc.get('ar', ''))
        gm = gmo.get(c['a2'])
        if gm:
            c['forms'].add(split_forms(gm))
        for k in c['forms'].keys:
            country_keys.setdefault(k, c['a3'])
    # each form belongs to one country only (first claim: curated, CLDR main name)
    for c in countries:
        for k in list(c['forms'].keys):
            if country_keys.get(k) != c['a3']:
                c['forms'].remove(k)

    # cities by country
    by_cc = {}
    for r in cities:
        by_cc.setdefault(r['cc'], []).append(r)

    def city_lookup(a3, name):
        a2 = next((k for k, v in a3_of.items() if v == a3), None)
        f = fold(name)
        cands = [r for r in by_cc.get(a2, []) if fold(r['name']) == f]
        return max(cands, key=lambda r: r['pop']) if cands else None

    capitals = {}
    for a3, cc in cur_c.items():
        if cc.get('capital'):
            r = city_lookup(a3, cc['capital'])
            if r:
                capitals[r['gid']] = a3
            else:
                print('gen_data: capital not found:', a3, cc['capital'], file=sys.stderr)

    for c in countries:
        cc = cur_c.get(c['a3'], {})
        lat, lon = cc.get('lat', ''), cc.get('lon', '')
        if not lat:
            cs = by_cc.get(c['a2'], [])
            cap = [r for r in cs if capitals.get(r['gid']) == c['a3']]
            if cs:
                # population-weighted mean of towns, snapped to the nearest town (stays inside the country)
                w = sum(r['pop'] for r in cs) or 1
                mlat = sum(r['lat'] * r['pop'] for r in cs) / w
                mlon = sum(r['lon'] * r['pop'] for r in cs) / w
                best = min(cs, key=lambda r: (r['lat'] - mlat) ** 2 + (r['lon'] - mlon) ** 2)
                lat, lon = '%.4f' % best['lat'], '%.4f' % best['lon']
            elif cap:
                lat, lon = '%.4f' % cap[0]['lat'], '%.4f' % cap[0]['lon']
        if not c['forms']:
            continue
        rows.append(dict(id='iso:' + c['a3'], name=c['en'], kind='country', country=c['a3'], admin1='',
                         lat=lat, lon=lon, geonameid='', ar=c['forms']))

    # cities and towns
    city_rows = {}
    for r in cities:
        a3 = a3_of.get(r['cc'])
        if not a3:
            continue
        ar = gmo.get(r['gid'])
        if not ar:
            continue
        if not (a3 in REGION or r['gid'] in capitals or r['pop'] >= WORLD_MIN_POP):
            continue
        forms = Forms(split_forms(ar))
        a1 = re.sub(r' (Region|Province|Governorate|Prefecture)$', '', r['a1name'])
        kind = 'city' if (r['pop'] >= 100000 or r['gid'] in capitals) else 'town'
        city_rows[r['gid']] = dict(id='gn:' + r['gid'], name=r['name'], kind=kind, country=a3, admin1=a1,
                                   lat='%.5f' % r['lat'], lon='%.5f' % r['lon'], geonameid=r['gid'],
                                   ar=forms, _pop=r['pop'], _cap=r['gid'] in capitals)

    # "العاصمة الجزائرية", "العاصمة التشادية": a capital named by its country's adjective
    for row in city_rows.values():
        if not row['_cap']:
            continue
        for m in (nis or {}).get(row['country'], []):
            if ' ' not in m:
                row['ar'].add('العاصمة ال' + m + 'ة')

    # hand-curated places
    extra_rows = []
    for e in extra:
        if not e['id']:
            r = city_lookup(e['country'], e['name'])
            if not r:
                print('gen_data: curated place not found in GeoNames:', e['country'], e['name'], file=sys.stderr)
                continue
            row = city_rows.get(r['gid'])
            if row is None:
                a1 = re.sub(r' (Region|Province|Governorate|Prefecture)$', '', r['a1name'])
                row = dict(id='gn:' + r['gid'], name=r['name'], kind='city' if r['pop'] >= 100000 else 'town',
                           country=e['country'], admin1=a1, lat='%.5f' % r['lat'], lon='%.5f' % r['lon'],
                           geonameid=r['gid'], ar=Forms(split_forms(gmo.get(r['gid'], ''))),
                           _pop=r['pop'], _cap=r['gid'] in capitals)
                city_rows[r['gid']] = row
            row['ar'].add(e['ar'])
            continue
        gid = e['geonameid']
        if gid and gid in city_rows:
            row = city_rows[gid]
            row['ar'].add(e['ar'])
            for k in ('name', 'kind', 'admin1', 'lat', 'lon'):
                if e[k]:
                    row[k] = e[k]
            continue
        row = {k: e.get(k, '') for k in HEADERS['places.tsv']}
        row['ar'] = Forms(e['ar'])
        extra_rows.append(row)

    # common Arabic words and nationality forms are not town names (curated rows are exempt)
    block = set()
    for b in read_tsv(os.path.join(CUR, 'place_blocklist.tsv')):
        block |= {norm(x) for x in b['ar'].split('|') if x}
    block |= nisba_keys
    curated_ids = {r['id'] for r in extra_rows}
    curated_keys = {norm(x) for e in extra for x in e['ar'].split('|') if x}
    for gid, row in list(city_rows.items()):
        for k in list(row['ar'].keys):
            if k in block and k not in curated_keys:
                row['ar'].remove(k)
        if not row['ar']:
            del city_rows[gid]

    # a city may not take a country's bare name (الجزائر, تونس, الكويت, جيبوتي ...)
    for row in list(city_rows.values()) + extra_rows:
        for k in list(row['ar'].keys):
            if k in country_keys:
                form = next(x for x in row['ar'].items if norm(x) == k)
                row['ar'].remove(k)
                if row.get('_cap'):
                    row['ar'].add([form + ' العاصمة', 'مدينة ' + form])

    region_keys = {k for row in extra_rows if row['kind'] == 'region' for k in row['ar'].keys}
    town_keys = {}
    for row in list(city_rows.values()) + extra_rows:
        for k in row['ar'].keys:
            town_keys.setdefault((row['country'], k), row['id'])

    # admin1: iso-codes 3166-2 + CLDR subdivisions + GeoNames admin1 names, coordinates from towns
    iso2 = json.load(open(os.path.join(ISO_JSON, 'iso_3166-2.json'), encoding='utf-8'))['3166-2']
    sroot = ET.parse(os.path.join(CLDR, 'subdivisions/ar.xml')).getroot()
    sub_ar = {s.get('type'): s.text for s in sroot.iter('subdivision') if s.text}
    gn_adm = {}
    for r in cities:
        gn_adm.setdefault((r['cc'], r['a1code']), dict(name=r['a1name'], towns=[]))['towns'].append(r)
    admin_rows = []
    for s in iso2:
        if s.get('parent'):
            continue
        a2 = s['code'].split('-')[0]
        a3 = a3_of.get(a2)
        if a3 not in REGION:
            continue
        rid = 'rasid:iso3166-2:' + s['code']
        forms = Forms()
        ar = sub_ar.get(s['code'].lower().replace('-', ''))
        if ar:
            forms.add(split_forms(ar))
        # match a GeoNames admin1: by folded English name, then by containment, then by Arabic name
        fa = fold_admin(s['name'])
        mine = [(code, g) for (cc, code), g in gn_adm.items() if cc == a2]
        match = next(((c_, g) for c_, g in mine if fold_admin(g['name']) == fa), None)
        if not match and len(fa) >= 4:
            match = next(((c_, g) for c_, g in mine if fa in fold_admin(g['name'])
                          or (len(fold_admin(g['name'])) >= 4 and fold_admin(g['name']) in fa)), None)
        bare_ar = {norm(ADMIN_PREFIX.sub('', x)) for x in forms.items}
        if not match and bare_ar:
            match = next(((c_, g) for c_, g in mine
                          if norm(ADMIN_PREFIX.sub('', gmo.get('%s.%s' % (a2, c_), '') or '-')) in bare_ar), None)
        lat = lon = ''
        name = s['name']
        if match:
            g = match[1]
            name = re.sub(r' (Region|Province|Governorate|Prefecture|State|Wilaya|Department)$', '', g['name'])
            gar = gmo.get('%s.%s' % (a2, match[0]))
            if gar:
                forms.add(split_forms(gar))
            towns = g['towns']
            w = sum(t['pop'] for t in towns) or 1
            lat = '%.4f' % (sum(t['lat'] * t['pop'] for t in towns) / w)
            lon = '%.4f' % (sum(t['lon'] * t['pop'] for t in towns) / w)
        else:
            # a town of the same name (Dumyat governorate -> Dumyat town)
            t = next((r for r in by_cc.get(a2, []) if fold(r['name']) == fold(s['name'])
                      or norm(gmo.get(r['gid'], '-')) in bare_ar), None)
            if t:
                lat, lon = '%.4f' % t['lat'], '%.4f' % t['lon']
        ex = admin_extra.get(rid)
        if ex:
            forms.add(ex['ar'])
            lat, lon = ex['lat'] or lat, ex['lon'] or lon
            for x in ex.get('drop', '').split('|'):
                if x:
                    forms.remove(norm(x))
        # bare form without منطقة/ولاية..., unless a town or a country already uses it
        for x in list(forms.items):
            m = ADMIN_PREFIX.match(x)
            if m:
                bare = x[m.end():]
                k = norm(bare)
                if (a3, k) not in town_keys and k not in country_keys:
                    forms.add(bare)
        for k in list(forms.keys):
            if (k in country_keys or (a3, k) in town_keys or k in region_keys or k in GENERIC or k in block) \
                    and not (ex and k in {norm(x) for x in ex['ar'].split('|')}):
                forms.remove(k)
        if not forms or not lat:
            if forms:
                print('gen_data: admin1 without coordinates, left out:', s['code'], s['name'], file=sys.stderr)
            continue
        if ex and ex.get('name'):
            name = ex['name']
        admin_rows.append(dict(id=rid, name=name, kind='admin1', country=a3, admin1=name, lat=lat, lon=lon,
                               geonameid='', ar=forms))

    # the capital of each country row, by the first Arabic form its city row keeps once the
    # forms are settled (a city loses its country's bare name: الجزائر -> العاصمة الجزائرية;
    # عمّان is عمان, Oman): what "العاصمة" alone names in a text about that country. A
    # capital GeoNames does not give by name (Nouakchott) is the curated row of that name.
    cap_form = {}
    for gid, a3 in capitals.items():
        crow = city_rows.get(gid)
        if crow and str(crow['ar']):
            cap_form[a3] = str(crow['ar']).split('|')[0]
    for row in rows:
        if row['kind'] != 'country':
            continue
        row['capital'] = cap_form.get(row['country'], '')
        cap = cur_c.get(row['country'], {}).get('capital')
        if cap and not row['capital']:
            crow = next((r for r in list(city_rows.values()) + extra_rows
                         if r['country'] == row['country'] and r['name'] == cap and str(r['ar'])), None)
            if crow:
                row['capital'] = str(crow['ar']).split('|')[0]

    # a capital that is its own province (Conakry, Bangui) is named by that province's form
    for row in rows:
        cap = cur_c.get(row['country'], {}).get('capital') if row['kind'] == 'country' else None
        if cap and not row.get('capital'):
            arow = next((a for a in admin_rows if a['country'] == row['country'] and a['name'] == cap), None)
            if arow and str(arow['ar']):
                row['capital'] = str(arow['ar']).split('|')[0]
    out = rows + admin_rows
    out += sorted(city_rows.values(), key=lambda r: (r['country'], -r['_pop']))
    out += extra_rows
    for r in out:
        r['ar'] = str(r['ar'])
    return [r for r in out if r['ar']], countries


# ---------------------------------------------------------------- nationalities

def nisba_forms(m):
    """All inflected forms of a masculine singular nisba adjective (one or two words)."""
    words = m.split()
    variants = {
        'ms': [''], 'fs': ['ة'], 'md': ['ان', 'ين'], 'fd': ['تان', 'تين'],
        'mp': ['ون', 'ين'], 'fp': ['ات'],
    }
    out = Forms()
    for _, sufs in variants.items():
        for suf in sufs:
            for defi in (False, True):
                ws = []
                for w in words:
                    # ..يّ + suffix: the doubled ya is written once
                    ws.append(('ال' if defi else '') + w + suf)
                out.add(' '.join(ws))
    return out


def build_nationalities():
    rows = []
    nis = {}
    for r in read_tsv(os.path.join(CUR, 'nisba.tsv')):
        masc = [x for x in r['masc'].split('|') if x]
        forms = Forms()
        for m in masc:
            forms.add(nisba_forms(m).items)
        for b in [x for x in r['broken'].split('|') if x]:
            forms.add([b, 'ال' + b])
        rows.append(dict(country=r['country'], name=r['name'], ar=str(forms)))
        nis[r['country']] = masc
    return rows, nis


# ---------------------------------------------------------------- actors

# Institution templates.  {m} masculine definite nisba (الجيش المالي), {f} feminine definite
# (القوات المالية), {mp} masculine plural definite (الجنود الماليون / الماليين), {fi} feminine indefinite (دورية مالية), {mpi} indefinite
# plural (جنود ماليون), {c} country name (جيش مالي, الجيش في مالي).
INSTITUTIONS = [
    ('mil', 'Military Forces of {C}', 'force', 'MIL', '', [
        'الجيش {m}', 'القوات المسلحة {f}', 'القوات {f}', 'العسكريون {mp}', 'العسكريين {mp}',
        'الجنود {mp}', 'جنود {mpi}', 'عسكريون {mpi}', 'عسكريين {mpi}', 'القوات العسكرية {f}',
        'جيش {c}', 'الجيش في {c}', 'القوات المسلحة في {c}', 'قوات {c}', 'القوات المسلحة {c}',
        'القوات الخاصة {f}', 'الجيش الوطني {m}', 'جنود {c}', 'دورية {fi}', 'دورية عسكرية {fi}']),
    ('af', 'Air Force of {C}', 'force', 'MIL', 'Air Force', [
        'سلاح الجو {m}', 'القوات الجوية {f}', 'الطيران {m}', 'الطيران الحربي {m}',
        'المقاتلات {f}', 'الطائرات الحربية {f}', 'سلاح الجو في {c}', 'القوات الجوية في {c}',
        'طائرات حربية {fi}', 'طائرة حربية {fi}', 'مقاتلات {fi}', 'طائرات عسكرية {fi}', 'طائرة عسكرية {fi}',
        'الطائرات العسكرية {f}']),
    ('navy', 'Navy of {C}', 'force', 'MIL', 'Navy', [
        'البحرية {f}', 'القوات البحرية {f}', 'سلاح البحرية {m}']),
    ('gend', 'Gendarmerie of {C}', 'force', 'COP', 'Gendarmerie', [
        'الدرك {m}', 'الدرك الوطني {m}', 'قوات الدرك {f}', 'الدرك في {c}']),
    ('ng', 'National Guard of {C}', 'force', 'MIL', 'National Guard', [
        'الحرس الوطني {m}', 'الحرس الوطني في {c}']),
    ('pol', 'Police Forces of {C}', 'force', 'COP', '', [
        'الشرطة {f}', 'الشرطة في {c}', 'شرطة {c}', 'رجال الشرطة {mp}', 'قوات الشرطة {f}']),
    ('sec', 'Security Forces of {C}', 'force', 'COP', '', [
        'قوات الأمن {f}', 'الأجهزة الأمنية {f}', 'الأمن {m}', 'السلطات الأمنية {f}', 'القوات الأمنية {f}',
        'قوات الأمن في {c}', 'الأجهزة الأمنية في {c}', 'أجهزة الأمن {f}', 'المصالح الأمنية {f}',
        'الوحدات الأمنية {f}', 'عناصر الأمن {f}']),
    ('intel', 'Intelligence Services of {C}', 'org', 'SPY', '', [
        'المخابرات {f}', 'الاستخبارات {f}', 'أجهزة المخابرات {f}', 'الاستخبارات العسكرية {f}']),
    ('gov', 'Government of {C}', 'state', 'GOV', '', [
        'الحكومة {f}', 'حكومة {c}', 'السلطات {f}', 'السلطات في {c}', 'سلطات {c}', 'النظام {m}',
        'السلطات الرسمية {f}', 'الدولة {f}']),
    ('pres', 'Presidency of {C}', 'state', 'GOV', 'Presidency', [
        'الرئاسة {f}', 'رئاسة الجمهورية {f}', 'الرئاسة في {c}']),
    ('mod', 'Ministry of Defence of {C}', 'state', 'GOV', 'Ministry of Defence', [
        'وزارة الدفاع {f}', 'وزارة الدفاع في {c}', 'وزارة الجيوش {f}']),
    ('moi', 'Ministry of Interior of {C}', 'state', 'GOV', 'Ministry of Interior', [
        'وزارة الداخلية {f}', 'الداخلية {f}', 'وزارة الداخلية في {c}', 'وزارة الأمن {f}']),
    ('mfa', 'Ministry of Foreign Affairs of {C}', 'state', 'GOV', 'Ministry of Foreign Affairs', [
        'وزارة الخارجية {f}', 'الخارجية {f}', 'وزارة الشؤون الخارجية {f}', 'الدبلوماسية {f}',
        'وزارة الخارجية في {c}']),
    ('parl', 'Parliament of {C}', 'state', 'LEG', '', [
        'البرلمان {m}', 'مجلس النواب {m}', 'الجمعية الوطنية {f}', 'المجلس الوطني {m}',
        'مجلس الشيوخ {m}', 'برلمان {c}', 'البرلمان في {c}']),
    ('jud', 'Judiciary of {C}', 'state', 'JUD', '', [
        'القضاء {m}', 'المحكمة العليا {f}', 'النيابة العامة {f}', 'العدالة {f}']),
    ('emb', 'Embassy of {C}', 'state', 'GOV', 'Embassy', [
        'السفارة {f}', 'سفارة {c}']),
]

ENGLISH_THE = {'United States', 'United Kingdom', 'Central African Republic', 'Netherlands',
               'Philippines', 'Gambia', 'Democratic Republic of Congo', 'Republic of Congo',
               'United Arab Emirates', 'Comoros', 'Bahamas'}


def build_actors(countries, nis):
    rows = []
    for c in countries:
        a3 = c['a3']
        if not c['forms']:
            continue
        masc = nis.get(a3, [])
        # country names usable in construct/prepositional phrases: short forms only
        cnames = [x for x in c['forms'].items if len(x.split()) <= 3]
        C = ('the ' + c['en']) if c['en'] in ENGLISH_THE else c['en']
        for key, en, kind, sector, role, pats in INSTITUTIONS:
            forms = Forms()
            for p in pats:
                if '{c}' in p:
                    for cn in cnames:
                        forms.add(p.replace('{c}', cn))
                    continue
                for m in masc:
                    ws = m.split()
                    def defn(suf):
                        return ' '.join('ال' + w + suf for w in ws)
                    def indf(suf):
                        return ' '.join(w + suf for w in ws)
                    if '{mp}' in p:
                        suf = 'ون' if p.split()[0].endswith('ون') else 'ين'
                        for s in ('ون', 'ين') if p.startswith('الجنود') else (suf,):
                            forms.add(p.replace('{mp}', defn(s)))
                    elif '{mpi}' in p:
                        head = p.split()[0]
                        for s in ('ون', 'ين'):
                            if head.endswith(('ون', 'ين')) and not head.endswith(s):
                                continue
                            forms.add(p.replace('{mpi}', indf(s)))
                    elif '{m}' in p:
                        forms.add(p.replace('{m}', defn('')))
                    elif '{f}' in p:
                        forms.add(p.replace('{f}', defn('ة')))
                    elif '{fi}' in p:  # "دورية مالية": a unit, indefinite
                        forms.add(p.replace('{fi}', indf('ة')))
            if not forms:
                continue
            rows.append(dict(id='rasid:%s-%s' % (key, a3), name=en.replace('{C}', C), kind=kind,
                             sector=sector, country=a3, role=role, ar=str(forms)))
    return rows


# ---------------------------------------------------------------- main

def generate():
    print('gen_data: reading packages ...', file=sys.stderr)
    gmo = read_mo(os.path.join(LOCALE, 'ar/LC_MESSAGES/geonames.mo'))
    cities = read_geonames_cities()
    nats, nis = build_nationalities()
    nisba_keys = {norm(x) for r in nats for x in r['ar'].split('|')}
    places, countries = build_places(cities, gmo, nisba_keys, nis)
    actors = build_actors(countries, nis)
    cur_actors = read_tsv(os.path.join(CUR, 'actors_extra.tsv'))
    ids = {r['id'] for r in actors}
    for r in cur_actors:
        if r['id'] in ids:   # curated row extends a generated one
            g = next(a for a in actors if a['id'] == r['id'])
            f = Forms(g['ar'])
            f.add(r['ar'])
            g['ar'] = str(f)
            for k in ('name', 'kind', 'sector', 'role', 'from', 'to'):
                if r.get(k):
                    g[k] = r[k]
        else:
            actors.append({k: r.get(k, '') for k in HEADERS['actors.tsv']})
            ids.add(r['id'])
    # a form a curated actor of its own lists is that actor's, not a generated institution's
    # ("الجيش الوطني الليبي" is Haftar's Libyan National Army, not Libya's army)
    gen_ids = {r['id'] for r in build_actors(countries, nis)}
    own = {norm(x) for r in cur_actors if r['id'] not in gen_ids for x in r['ar'].split('|') if x}
    for a in actors:
        if a['id'] in gen_ids:
            f = Forms(a['ar'])
            for k in list(f.keys):
                if k in own:
                    f.remove(k)
            a['ar'] = str(f)
    gen = 'GENERATED by scripts/gen_data.py - do not edit; change data/curated/*.tsv or add a *.local.tsv file.'
    write_tsv(os.path.join(DATA, 'places.tsv'), HEADERS['places.tsv'], places,
              gen + '\nPlaces: countries, admin1 regions, towns, natural/political regions. See data/README.md.')
    write_tsv(os.path.join(DATA, 'nationalities.tsv'), HEADERS['nationalities.tsv'], nats,
              gen + '\nNisba adjectives with all inflected forms (masc/fem, sg/dual/pl, +/- article).')
    write_tsv(os.path.join(DATA, 'actors.tsv'), HEADERS['actors.tsv'], actors,
              gen + '\nActors: state institutions (templates x nisba), armed groups, organisations, people.')
    print('gen_data: places %d, nationalities %d, actors %d' % (len(places), len(nats), len(actors)),
          file=sys.stderr)


def check():
    """Validate every dictionary in data/ (and data/*.local.tsv). Needs no packages."""
    errors, warnings = [], []
    iso3 = set()
    try:
        iso3 = {c['alpha_3'] for c in json.load(open(os.path.join(ISO_JSON, 'iso_3166-1.json')))['3166-1']}
    except OSError:
        pass
    pl = os.path.join(DATA, 'places.tsv')
    if not iso3 and os.path.exists(pl):
        iso3 = {r['country'] for r in read_tsv(pl) if r.get('kind') == 'country'}
    files = sorted(glob.glob(os.path.join(DATA, '*.tsv')))
    for path in files:
        base = os.path.basename(path)
        kind = re.sub(r'\.local\.tsv$', '.tsv', base)
        if kind.split('.')[0] in ('places', 'nationalities', 'actors', 'titles', 'stop', 'names'):
            kind = kind.split('.')[0] + '.tsv'
        want = HEADERS.get(kind)
        if want is None:
            warnings.append('%s: unknown dictionary, not checked' % base)
            continue
        header, seen = None, {}
        with open(path, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip('\n')
                if line.endswith('\r'):
                    errors.append('%s:%d: CR line ending' % (base, n))
                    line = line.rstrip('\r')
                if not line or line.startswith('#'):
                    continue
                cells = line.split('\t')
                if header is None:
                    header = cells
                    if header != want:
                        errors.append('%s:%d: header %r, want %r' % (base, n, header, want))
                    continue
                if len(cells) != len(want):
                    errors.append('%s:%d: %d columns, want %d' % (base, n, len(cells), len(want)))
                    continue
                r = dict(zip(want, cells))
                ar = r['ar']
                if not ar.strip():
                    errors.append('%s:%d: empty ar' % (base, n))
                for x in ar.split('|'):
                    if not x.strip():
                        errors.append('%s:%d: empty form in ar' % (base, n))
                    elif x != x.strip() or '  ' in x:
                        errors.append('%s:%d: stray spaces in form %r' % (base, n, x))
                    elif not is_arabic(x):
                        errors.append('%s:%d: non-Arabic form %r' % (base, n, x))
                if 'id' in r:
                    if not re.match(r'^(gn:\d+|Q\d+|iso:[A-Z]{3}|rasid:\S+)$', r['id']):
                        errors.append('%s:%d: bad id %r' % (base, n, r['id']))
                    if r['id'] in seen:
                        errors.append('%s:%d: duplicate id %s (line %d)' % (base, n, r['id'], seen[r['id']]))
                    seen[r['id']] = n
                if kind == 'places.tsv':
                    if r['kind'] not in PLACE_KINDS:
                        errors.append('%s:%d: bad kind %r' % (base, n, r['kind']))
                    if r['country'] and iso3 and r['country'] not in iso3:
                        errors.append('%s:%d: bad country %r' % (base, n, r['country']))
                    if r['kind'] != 'region' and not r['country']:
                        errors.append('%s:%d: country required for kind %s' % (base, n, r['kind']))
                    if bool(r['lat']) != bool(r['lon']):
                        errors.append('%s:%d: lat without lon' % (base, n))
                    if r['lat']:
                        try:
                            la, lo = float(r['lat']), float(r['lon'])
                            if not (-90 <= la <= 90 and -180 <= lo <= 180):
                                errors.append('%s:%d: lat/lon out of range' % (base, n))
                        except ValueError:
                            errors.append('%s:%d: lat/lon not numeric' % (base, n))
                    elif r['kind'] != 'country':
                        errors.append('%s:%d: no coordinates' % (base, n))
                    if r['geonameid'] and not r['geonameid'].isdigit():
                        errors.append('%s:%d: bad geonameid' % (base, n))
                elif kind == 'nationalities.tsv':
                    if iso3 and r['country'] not in iso3:
                        errors.append('%s:%d: bad country %r' % (base, n, r['country']))
                elif kind == 'actors.tsv':
                    if r['kind'] not in ACTOR_KINDS:
                        errors.append('%s:%d: bad kind %r' % (base, n, r['kind']))
                    if r['country'] not in ('', '?', 'IMG', 'IGO') and iso3 and r['country'] not in iso3:
                        errors.append('%s:%d: bad country %r' % (base, n, r['country']))
                    for k in ('from', 'to'):
                        if r[k] and not re.match(r'^\d{4}-\d\d-\d\d$', r[k]):
                            errors.append('%s:%d: bad date %s=%r' % (base, n, k, r[k]))
                    if r['from'] and r['to'] and r['from'] > r['to']:
                        errors.append('%s:%d: from after to' % (base, n))
                    if r['sector'] and not re.match(r'^[A-Z]{3}$', r['sector']):
                        errors.append('%s:%d: bad sector %r' % (base, n, r['sector']))
                elif kind == 'stop.tsv':
                    if r['cat'] not in STOP_CATS:
                        errors.append('%s:%d: bad cat %r' % (base, n, r['cat']))
        if header is None:
            errors.append('%s: no header' % base)
    for w in warnings:
        print('warning:', w, file=sys.stderr)
    for e in errors[:200]:
        print('error:', e, file=sys.stderr)
    print('gen_data --check: %d files, %d errors' % (len(files), len(errors)), file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    if '--check' in sys.argv[1:]:
        sys.exit(check())
    generate()
    sys.exit(check())
