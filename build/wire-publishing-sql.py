#!/usr/bin/env python3
"""After `build/add-migration.sh Publishing` regenerates the temporary Publishing migration (both providers), calls
the hand-written PublishingSql.Up last in Up and PublishingSql.Down first in Down (ADR 0041). Idempotent."""
import glob, os, re, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src/Infrastructure/Persistence/Migrations")
for provider in ("Sqlite", "SqlServer"):
    files = [f for f in glob.glob(os.path.join(root, provider, "*_Publishing.cs")) if not f.endswith(".Designer.cs")]
    if len(files) != 1:
        sys.exit(f"{provider}: expected one *_Publishing.cs, found {files}")
    text = open(files[0], encoding="utf-8-sig").read()
    if "PublishingSql.Up" in text:
        continue
    up = re.search(r"protected override void Up\(MigrationBuilder migrationBuilder\)\n        \{\n", text)
    down = re.search(r"protected override void Down\(MigrationBuilder migrationBuilder\)\n        \{\n", text)
    # Up: the last closing brace of Up's body is the one just before Down's doc comment.
    up_end = text.rfind("        }\n", up.end(), down.start())
    text = (text[:up_end] + "\n            PublishingSql.Up(migrationBuilder);\n" + text[up_end:])
    down = re.search(r"protected override void Down\(MigrationBuilder migrationBuilder\)\n        \{\n", text)
    text = text[:down.end()] + "            PublishingSql.Down(migrationBuilder);\n\n" + text[down.end():]
    open(files[0], "w", encoding="utf-8-sig").write(text)
    print("wired", files[0])
