"""The raw baseline of `merge`: sqlite3 only. Applies a package's field changes to the questions
they name, by uid, in one transaction: the same rows end the same way as with council-prep's merge.

    python benchmarks/raw/merge_package.py STORE PACKAGE
"""

import json
import sqlite3
import sys

store = sqlite3.connect(sys.argv[1], isolation_level=None)
package = sqlite3.connect(sys.argv[2])
store.execute("BEGIN IMMEDIATE")
for uid, after in package.execute("SELECT uid, after FROM changes WHERE kind = 'question' AND op = 'update' "
                                  "ORDER BY id"):
    values = json.loads(after)
    store.execute(f"UPDATE questions SET {', '.join(f'{name} = ?' for name in values)} WHERE uid = ?",
                  [*values.values(), uid])
store.execute("COMMIT")
