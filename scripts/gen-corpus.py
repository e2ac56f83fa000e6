#!/usr/bin/env python3
"""Generate a deterministic corpus of synthetic English news articles for benchmarks.

Each article is about 4 KB of prose on budgets, aid, trade and markets, with figures in the
forms crosscheck extracts ("$65.9 billion", "€64bn", "about 50 per cent", "between $119 billion
and $183 billion", "hundreds of billions of dollars", "2,500 people"), plus the text that must
not become claims (dates, years, times, ordinals) and attributed quotes ("X said",
"according to Y").

Articles are written as DIR/00000/000000.txt, 1000 files per subfolder, until the total size
reaches --size. The same --seed and --size always give byte-identical files.

Each article has TOML front matter (`published`, a date in 2024-2025) and, by default, the
figure density of real wire copy: --prose 0.88 makes seven sentences in eight plain prose, which
gives about one claim per 400 bytes, as in the sample articles in seeds/ (26 claims in 11 KB).
--prose 0.12 gives the figure-dense text of a stress test (one claim per 60 bytes).

About one article in twelve also reports on one of 20 recurring stories (STORIES below: a
project and its cost), stating the story's figure as written elsewhere (exact, rounded,
hedged, or in euros) and, one time in ten, a wrong figure. `--rules FILE` writes the
20-metric rules.toml that `check` benchmarks use to follow those stories.

    scripts/gen-corpus.py --size 100M --out /tmp/crosscheck-corpus-100M --rules /tmp/rules.toml
"""

import argparse
import os
import random
import sys

FILES_PER_DIR = 1000
ARTICLE_BYTES = 4096

COUNTRIES = [
    "Ukraine", "Germany", "France", "Japan", "Brazil", "India", "Canada", "Poland", "Kenya",
    "Indonesia", "Mexico", "Italy", "Spain", "Nigeria", "Australia", "South Korea", "Egypt",
    "Turkey", "Argentina", "Vietnam", "the United States", "the United Kingdom", "China",
]
INSTITUTIONS = [
    "the Kiel Institute", "the International Monetary Fund", "the World Bank",
    "the European Commission", "the Treasury", "the finance ministry", "the central bank",
    "the Congressional Budget Office", "the OECD", "the Pentagon", "Eurostat",
    "the Office for Budget Responsibility", "the Bundesbank", "the statistics office",
    "the European Central Bank", "the Federal Reserve", "Moody's", "S&P Global",
]
PEOPLE = [
    ("Volodymyr Zelensky", "Ukraine's president"), ("Christine Lagarde", "the ECB president"),
    ("Janet Yellen", "the former Treasury secretary"), ("Olaf Scholz", "the former chancellor"),
    ("Rachel Reeves", "the chancellor"), ("Kristalina Georgieva", "the IMF managing director"),
    ("Ajay Banga", "the World Bank president"), ("Mark Rutte", "NATO's secretary general"),
    ("Maria Lopez", "an economist at ING"), ("David Chen", "a strategist at Barclays"),
    ("Anna Kowalska", "a senior analyst at Pekao"), ("James Okafor", "a fund manager in Lagos"),
    ("Sophie Martin", "a trade official"), ("Kenji Watanabe", "a finance ministry spokesman"),
]
SECTORS = [
    "defence", "health care", "infrastructure", "energy subsidies", "pensions", "education",
    "housing", "agriculture", "debt service", "climate adaptation", "public transport",
    "research", "border security", "social welfare",
]
GOODS = [
    "steel", "semiconductors", "soybeans", "liquefied natural gas", "crude oil", "cars",
    "wheat", "rare earths", "pharmaceuticals", "solar panels", "aluminium", "coffee",
]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEDGES = ["about", "around", "roughly", "nearly", "almost", "more than", "over", "at least",
          "up to", "less than", "an estimated", "some", "close to"]
VAGUE = ["hundreds of billions of dollars", "tens of billions of euros", "billions of dollars",
         "several trillion dollars", "dozens of", "millions of pounds", "half a trillion dollars",
         "tens of thousands of"]
SAY = ["said", "told reporters", "said in a statement", "told AFP", "wrote on X",
       "told parliament", "said on " + "{weekday}"]


PROSE = [
    "The talks in {country} ended without agreement, and officials gave no date for a new round.",
    "Critics said the plan for {sector} lacked detail and relied on optimistic assumptions about growth.",
    "{who} declined to comment on the negotiations.",
    "Markets were closed for a public holiday in {country}.",
    "Opposition lawmakers called the proposal a giveaway to large companies and vowed to block it.",
    "The government in {country} has faced mounting pressure from unions over {sector}.",
    "Analysts said the announcement had been widely expected and was already priced in.",
    "The ministry did not respond to a request for comment on Friday.",
    "Officials in {country} said they would study the proposal before taking a position.",
    "The decision is likely to strain relations with neighbouring countries, diplomats said.",
    "Business groups welcomed the move but warned that details of the {sector} plan remained unclear.",
    "The central bank has repeatedly said it will act if price pressures persist.",
    "Protesters gathered outside parliament as lawmakers debated the bill late into the night.",
    "The plan still needs the approval of the upper house, where the coalition lacks a majority.",
    "{who} said the figures would be revised once more complete data became available.",
    "Economists cautioned that the outlook for {sector} depended heavily on energy prices.",
]

# Recurring stories: (id, the words a metric links on, the thing, its cost in USD billions).
STORIES = [
    ("nordwind-farm", "Nordwind", "the Nordwind offshore wind farm", 4.2),
    ("baltic-cable", "Baltcable", "the Baltcable power interconnector", 2.7),
    ("danube-bridge", "Danubia", "the Danubia road bridge", 1.15),
    ("andes-railway", "Andesrail", "the Andesrail freight line", 12.5),
    ("sahel-solar", "Sahelio", "the Sahelio solar park", 3.3),
    ("arctic-port", "Polarhaven", "the Polarhaven deep-water port", 0.85),
    ("mekong-dam", "Mekara", "the Mekara hydropower dam", 6.8),
    ("alpine-tunnel", "Alptunnel", "the Alptunnel rail tunnel", 9.4),
    ("gulf-desal", "Aquagulf", "the Aquagulf desalination plant", 1.9),
    ("pampas-grid", "Pampagrid", "the Pampagrid transmission network", 5.6),
    ("nile-canal", "Nilecanal", "the Nilecanal irrigation scheme", 2.25),
    ("taiga-mine", "Taigamet", "the Taigamet nickel mine", 7.1),
    ("coral-airport", "Coralport", "the Coralport airport expansion", 3.05),
    ("steppe-pipeline", "Steppeline", "the Steppeline gas pipeline", 11.2),
    ("fjord-battery", "Fjordcell", "the Fjordcell battery factory", 4.75),
    ("sierra-metro", "Sierrametro", "the Sierrametro underground line", 8.3),
    ("delta-levee", "Deltaguard", "the Deltaguard flood barrier", 2.95),
    ("highland-hospital", "Highcare", "the Highcare hospital network", 1.4),
    ("ocean-cable", "Oceanlink", "the Oceanlink data cable", 0.6),
    ("savanna-rail", "Savarail", "the Savarail commuter rail", 5.05),
]

def load_rates():
    """USD and GBP per euro by date, from the ECB table in data/ (as crosscheck embeds it), so
    the conversions the articles state agree with the rate of their publication date."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                        "ecb-eurofxref-hist.csv")
    rates = {}
    with open(path) as f:
        header = f.readline().strip().split(",")
        usd, gbp = header.index("USD"), header.index("GBP")
        for line in f:
            cols = line.strip().split(",")
            if cols[usd] not in ("", "N/A") and cols[gbp] not in ("", "N/A"):
                rates[cols[0]] = (float(cols[usd]), float(cols[gbp]))
    return rates


RATES = load_rates()


def sig(v):
    """`v` with enough decimals that rounding moves it by under 0.1%."""
    places = max(1, 3 - len(str(int(abs(v)))) + 1) if abs(v) >= 1 else 3
    return f"{v:.{places}f}"


class Gen:
    def __init__(self, rng, prose=0.88):
        self.r = rng
        self.prose = prose

    def pick(self, xs):
        return self.r.choice(xs)

    def weekday(self):
        return self.pick(WEEKDAYS)

    def date(self):
        r = self.r
        forms = [
            lambda: f"{self.pick(MONTHS)} {r.randint(1, 28)}, {r.randint(2015, 2025)}",
            lambda: f"{r.randint(1, 28)} {self.pick(MONTHS)} {r.randint(2015, 2025)}",
            lambda: f"{r.randint(2015, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            lambda: f"{r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(2015, 2025)}",
            lambda: f"the {self.ordinal(r.randint(1, 28))} of {self.pick(MONTHS)}",
            lambda: self.weekday(),
        ]
        return self.pick(forms)()

    @staticmethod
    def ordinal(n):
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def decimal(self, lo, hi, places=None):
        if places is None:
            places = self.pick([0, 0, 1, 1, 1, 2])
        v = self.r.uniform(lo, hi)
        return f"{v:.{places}f}"

    def grouped(self, n):
        return f"{n:,}"

    def money(self):
        """A monetary figure in one of the forms news text uses."""
        r = self.r
        amt = self.decimal(1, 999)
        forms = [
            lambda: f"${amt} billion",
            lambda: f"${amt}bn",
            lambda: f"€{amt}bn",
            lambda: f"£{amt}m",
            lambda: f"${amt} million",
            lambda: f"{amt} billion euros",
            lambda: f"{amt} billion dollars",
            lambda: f"US${amt} billion",
            lambda: f"${self.decimal(1, 40)} trillion",
            lambda: f"${self.grouped(r.randint(1000, 9_999_999))}",
            lambda: f"€{self.grouped(r.randint(100, 99_999))} million",
            lambda: f"{amt} billion euros (${sig(float(amt) * self.usd)} billion)",
            lambda: (lambda gb: f"£{gb}bn (${sig(float(gb) * self.usd / self.gbp)}bn)")(
                self.decimal(1, 99)),
            lambda: f"{self.pick(['half a', 'a quarter of a', 'one'])} trillion dollars",
            lambda: f"{self.pick(['five', 'ten', 'twenty', 'fifty'])} billion dollars",
            lambda: f"EUR {amt} million",
            lambda: f"¥{self.grouped(r.randint(1, 999))} billion",
        ]
        return self.pick(forms)()

    def money_phrase(self):
        r = self.r.random()
        if r < 0.15:
            lo = self.r.randint(10, 400)
            hi = lo + self.r.randint(5, 300)
            cur = self.pick(["$", "€", "£"])
            mag = self.pick(["billion", "million", "bn"])
            sep = " " if mag != "bn" else ""
            if self.r.random() < 0.5:
                return f"between {cur}{lo}{sep}{mag} and {cur}{hi}{sep}{mag}"
            return f"{cur}{lo}{sep}{mag}–{cur}{hi}{sep}{mag}" if mag == "bn" else \
                f"{cur}{lo}-{hi} {mag}"
        if r < 0.25:
            return self.pick(VAGUE[:4] + VAGUE[5:7])
        if r < 0.55:
            return f"{self.pick(HEDGES)} {self.money()}"
        return self.money()

    def percent(self):
        v = self.decimal(0.1, 99, self.pick([0, 1, 1, 2]))
        forms = [f"{v}%", f"{v} per cent", f"{v} percent", f"{self.pick(HEDGES)} {v} per cent",
                 f"{self.decimal(0.1, 5, 1)} percentage points", f"{v} pc"]
        return self.pick(forms)

    def count(self):
        noun = self.pick(["people", "workers", "soldiers", "households", "companies",
                          "refugees", "jobs", "vehicles", "tonnes", "barrels a day"])
        n = self.pick([self.grouped(self.r.randint(2, 999_999)), str(self.r.randint(2, 999)),
                       self.pick(["two", "three", "five", "a dozen", "dozens of",
                                  "tens of thousands of", "hundreds of"])])
        return f"{n} {noun}"

    def source(self):
        if self.r.random() < 0.5:
            return self.pick(INSTITUTIONS)
        name, role = self.pick(PEOPLE)
        return f"{name}, {role},"

    def say(self):
        return self.pick(SAY).format(weekday=self.weekday())

    def sentence(self):
        c, country, sector = self.r.random(), self.pick(COUNTRIES), self.pick(SECTORS)
        who = self.source()
        year = self.r.randint(2015, 2030)
        templates = [
            lambda: f"{country} plans to spend {self.money_phrase()} on {sector} in {year}, "
                    f"according to {self.pick(INSTITUTIONS)}.",
            lambda: f"\"We will allocate {self.money_phrase()} to {sector} over the next "
                    f"{self.r.randint(2, 10)} years,\" {who} {self.say()}.",
            lambda: f"Exports of {self.pick(GOODS)} rose {self.percent()} to "
                    f"{self.money()} in the year to {self.pick(MONTHS)}, data released on "
                    f"{self.date()} showed.",
            lambda: f"Aid to {country} has reached {self.money_phrase()} since "
                    f"{self.r.randint(2014, 2023)}, {who} {self.say()}.",
            lambda: f"The deficit widened to {self.percent()} of GDP, or {self.money()}, "
                    f"{self.pick(INSTITUTIONS)} said in a report published {self.date()}.",
            lambda: f"Shares in the {self.pick(['FTSE 100', 'DAX', 'S&P 500', 'Nikkei 225'])} "
                    f"fell {self.percent()} at {self.r.randint(1, 12)}:{self.r.randint(0, 59):02d} "
                    f"{self.pick(['am', 'pm'])}, wiping {self.money_phrase()} off market values.",
            lambda: f"Some {self.count()} were affected, {who} {self.say()}, adding that the "
                    f"figure could rise to {self.count()} by {self.pick(MONTHS)}.",
            lambda: f"Tariffs of {self.percent()} on {self.pick(GOODS)} from {country} would "
                    f"cost importers {self.money_phrase()} a year, {who} estimated.",
            lambda: f"Inflation eased to {self.percent()} in {self.pick(MONTHS)} from "
                    f"{self.percent()} a month earlier.",
            lambda: f"The package, worth {self.money_phrase()}, was approved by {self.r.randint(200, 450)} "
                    f"votes to {self.r.randint(50, 199)} on {self.date()}.",
            lambda: f"According to {self.pick(INSTITUTIONS)}, {country} owes "
                    f"{self.money_phrase()} to foreign creditors, {self.percent()} of it due "
                    f"before {year}.",
            lambda: f"Officials met for the {self.ordinal(self.r.randint(2, 40))} round of talks "
                    f"in the {self.r.randint(1950, 1999) // 10 * 10}s-era building on {self.date()}.",
            lambda: f"\"That is simply not true,\" {who} {self.say()}, calling the "
                    f"estimate of {self.money_phrase()} \"wildly exaggerated\".",
            lambda: f"The G7 pledged {self.money_phrase()} at its summit, but only "
                    f"{self.percent()} has been disbursed, according to {self.pick(INSTITUTIONS)}.",
            lambda: f"Ministers from {self.pick(COUNTRIES)} and {country} will meet again "
                    f"in {self.pick(MONTHS)} {year} to discuss {sector}.",
            lambda: f"Unemployment stood at {self.percent()}, with {self.count()} out of work.",
        ]
        if c < self.prose:
            # Plain prose with no figures keeps the density realistic.
            return self.pick(PROSE).format(country=country, sector=sector, who=who.rstrip(","))
        return self.pick(templates)()

    def story_figure(self, usd_bn):
        """A story's cost as an outlet might write it."""
        if self.r.random() < 0.1:
            usd_bn = round(usd_bn * self.r.choice([0.5, 0.7, 1.4, 2.0, 3.0]), 2)
        form = self.r.random()
        if form < 0.4:
            return f"${usd_bn:g} billion"
        if form < 0.6:
            return f"about ${round(usd_bn):g}bn" if usd_bn >= 2 else f"about ${usd_bn:g}bn"
        if form < 0.8:
            return f"{usd_bn / self.usd:.1f} billion euros"
        return f"US${usd_bn * 1000:,.0f} million"

    def story(self):
        _, _, thing, cost = self.pick(STORIES)
        who = self.source()
        return self.pick([
            f"The cost of {thing} has risen to {self.story_figure(cost)}, {who} {self.say()}.",
            f"{thing[0].upper() + thing[1:]} will cost {self.story_figure(cost)}, "
            f"according to {self.pick(INSTITUTIONS)}.",
            f"Investors have committed {self.story_figure(cost)} to {thing}, {who} {self.say()}.",
        ])

    def sentence_cap(self):
        s = self.sentence()
        return s[0].upper() + s[1:]

    def headline(self):
        return (f"{self.pick(COUNTRIES)} {self.pick(['unveils', 'cuts', 'doubles', 'freezes'])} "
                f"{self.pick(SECTORS)} spending as {self.pick(GOODS)} prices "
                f"{self.pick(['soar', 'slump', 'stabilise'])}")

    def article(self, target):
        published = f"{self.r.randint(2024, 2025)}-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}"
        day = published
        while day not in RATES:  # the business day before, as crosscheck does
            y, m, d = map(int, day.split("-"))
            day = f"{y}-{m:02d}-{d - 1:02d}" if d > 1 else f"{y}-{m:02d}-01"
            if d == 1:
                break
        self.usd, self.gbp = RATES.get(day, (1.08, 0.85))
        parts = [f"+++\npublished = {published}\n+++\n", self.headline(), "\n\n"]
        if self.r.random() < 1 / 12:
            parts.append(self.story() + "\n\n")
        size = sum(len(p.encode()) for p in parts)
        while size < target:
            para = " ".join(self.sentence_cap() for _ in range(self.r.randint(2, 4))) + "\n\n"
            parts.append(para)
            size += len(para.encode())
        return "".join(parts)


def write_rules(path):
    """The benchmark's rules.toml: one money metric per story, linked on the story's name."""
    out = ["# Written by scripts/gen-corpus.py --rules: one metric per recurring story.",
           "[currency]", 'base = "USD"', "", "[tolerance]", 'default = "5%"', 'hedged = "10%"', ""]
    for sid, word, thing, _ in STORIES:
        out += ["[[metric]]", f'id = "{sid}"', f'label = "Cost of {thing}"', 'kind = "money"',
                f'near = ["{word}"]', ""]
    with open(path, "w") as f:
        f.write("\n".join(out))


def parse_size(s):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    s = s.strip().upper().removesuffix("B")
    if s and s[-1] in units:
        return int(float(s[:-1]) * units[s[-1]])
    return int(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="10M", help="total corpus size, e.g. 10M, 100M, 1G")
    ap.add_argument("--out", required=True, help="output directory (created if missing)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--prose", type=float, default=0.88,
                    help="share of sentences without figures (default 0.88: wire-copy density)")
    ap.add_argument("--rules", help="also write the 20-metric rules.toml for the stories here")
    args = ap.parse_args()

    if args.rules:
        write_rules(args.rules)
    total = parse_size(args.size)
    rng = random.Random(args.seed)
    gen = Gen(rng, args.prose)
    written = 0
    n = 0
    while written < total:
        d = os.path.join(args.out, f"{n // FILES_PER_DIR:05d}")
        if n % FILES_PER_DIR == 0:
            os.makedirs(d, exist_ok=True)
        target = min(int(rng.gauss(ARTICLE_BYTES, 600)), total - written)
        body = gen.article(max(target, 256)).encode()
        with open(os.path.join(d, f"{n:06d}.txt"), "wb") as f:
            f.write(body)
        written += len(body)
        n += 1
    print(f"wrote {n} files, {written} bytes, to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
