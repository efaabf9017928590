#!/usr/bin/env python3
"""Issue 10 benchmarks (ADR 0041, 0043), driven by build/bench-search-export.sh.

seed DB: fills a freshly migrated SQLite file with 20,000 users, 100,000 published articles (3 tags each, words from a
fixed vocabulary, so the FTS5 triggers index every article as the app would), 1,000,000 favorites and 300,000 comments,
spread over 2026. Deterministic (seed 42).
run URL TOKEN: 50 fixed search queries, each sent 5 times over HTTP (first round discarded as warm-up): p50/p99; then
one one-year CSV export as an editor: request -> ready (server's createdAt -> completedAt) and the file size.
"""
import json, random, sqlite3, statistics, sys, time, urllib.request, uuid

random.seed(42)
VOCAB = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "xe", "zu", "be", "da", "fo", "gi", "hu")
         for b in ("ran", "mel", "tos", "vik", "nor", "pal", "sed", "qui", "bam", "lex", "dor", "fin", "gur", "hax")]  # 210 words
WEIGHTS = [1.0 / (i + 1) for i in range(len(VOCAB))]  # Zipf-like: a few very common words, a long tail
TAGS = [f"tag{i}" for i in range(200)]
YEAR = 365 * 24 * 3600


def ts(sec):
    t = time.gmtime(1767225600 + sec)  # 2026-01-01T00:00:00Z
    return time.strftime("%Y-%m-%d %H:%M:%S", t) + ".%03d" % random.randrange(1000)


def words(n):
    return " ".join(random.choices(VOCAB, WEIGHTS, k=n))


def seed(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    users = [str(uuid.UUID(int=random.getrandbits(128))).upper() for _ in range(20_000)]
    db.executemany(
        'INSERT INTO "Users"("Id","Username","NormalizedUsername","Bio","Image","CreatedAt","UpdatedAt") VALUES (?,?,?,NULL,NULL,?,?)',
        ((u, f"user{i}", f"USER{i}", c, c) for i, u in enumerate(users) for c in [ts(random.randrange(YEAR))]))
    rows = []
    for i in range(1, 100_001):
        created = random.randrange(YEAR)
        tags = sorted(random.sample(TAGS, 3))
        rows.append((i, str(uuid.UUID(int=random.getrandbits(128))).upper(), random.choice(users), f"article-{i}",
                     words(6), words(20), words(150), ts(created), ts(created), ts(created), " ".join(tags)))
    db.executemany(
        'INSERT INTO "Articles"("Id","PublicId","AuthorId","Slug","Title","Description","Body","CreatedAt","UpdatedAt",'
        '"PublishedAt","SearchTags") VALUES (?,?,?,?,?,?,?,?,?,?,?)', rows)
    db.executemany('INSERT INTO "ArticleTags"("ArticleId","Name") VALUES (?,?)',
                   ((r[0], t) for r in rows for t in r[10].split(" ")))
    del rows
    pairs = set()
    while len(pairs) < 1_000_000:
        pairs.add((random.randrange(1, 100_001), random.randrange(20_000)))
    db.executemany('INSERT INTO "Favorites"("ArticleId","UserId","CreatedAt") VALUES (?,?,?)',
                   ((a, users[u], ts(random.randrange(YEAR))) for a, u in pairs))
    db.executemany('INSERT INTO "Comments"("ArticleId","AuthorId","Body","CreatedAt","UpdatedAt") VALUES (?,?,?,?,?)',
                   ((random.randrange(1, 100_001), random.choice(users), "comment", c, c)
                    for c in (ts(random.randrange(YEAR)) for _ in range(300_000))))
    db.commit()
    db.execute("ANALYZE")
    db.close()


def get(url, token=None, data=None):
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Token {token}")
    with urllib.request.urlopen(req) as r:
        return r.status, r.read()


NEWLINE = bytes([10])


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def run(base, token):
    rnd = random.Random(7)
    queries = []
    for i in range(50):
        n = 1 + i % 3
        # a third common words, a third rare ones, a third mixed; tags too
        pick = [rnd.choice(VOCAB[:10]) if (i + k) % 3 == 0 else rnd.choice(VOCAB[100:]) for k in range(n)]
        if i % 10 == 0:
            pick.append(rnd.choice(TAGS))
        queries.append(" ".join(pick))
    timings, counts = [], []
    for round_ in range(5):
        for q in queries:
            t = time.perf_counter()
            status, body = get(f"{base}/api/search?q={urllib.parse.quote(q)}&limit=20")
            ms = (time.perf_counter() - t) * 1000
            assert status == 200
            if round_ > 0:
                timings.append(ms)
            if round_ == 1:
                counts.append(json.loads(body)["articlesCount"])
    print(f"search: {len(timings)} requests over {len(queries)} queries; hits per query min {min(counts)} "
          f"median {statistics.median(counts)} max {max(counts)}")
    print(f"search: p50 {pct(timings, 50):.1f} ms, p99 {pct(timings, 99):.1f} ms, max {max(timings):.1f} ms")

    body = json.dumps({"export": {"kind": "site-stats", "from": "2026-01-01", "to": "2026-12-31", "format": "csv"}}).encode()
    t = time.perf_counter()
    status, answer = get(f"{base}/api/admin/exports", token, body)
    export = json.loads(answer)["export"]
    while export["status"] != "ready":
        time.sleep(0.05)
        export = json.loads(get(f"{base}/api/admin/exports/{export['id']}", token)[1])["export"]
    wall = time.perf_counter() - t
    status, csv = get(f"{base}{export['downloadUrl']}", token)
    print(f"export: one-year CSV ready {wall:.2f} s after the request (client clock, polling 50 ms; "
          f"createdAt {export['createdAt']} completedAt {export['completedAt']}); {len(csv)} bytes, "
          f"{csv.count(NEWLINE)} lines")


if __name__ == "__main__":
    import urllib.parse
    if sys.argv[1] == "seed":
        seed(sys.argv[2])
    else:
        run(sys.argv[2], sys.argv[3])
