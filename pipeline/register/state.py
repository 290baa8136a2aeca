"""The state of every `nieuw` commitment at a date, as one SQL query (the report and Datasette share it).

settled: a link (a nagekomen commitment, or a citing letter) from a letter dated on or before the date (an
undated letter counts);
overdue: not settled and the last day of its termijn_datum lies before the date; open: not settled, its
termijn not yet passed; undated: not settled and no termijn_datum. Commitments made after the date are
not yet in the register. An empty :as_of means today (Datasette's form starts empty).
"""

import sqlite3
from datetime import date
from typing import Dict, List, Optional

from pipeline.register.schema import Register

AS_OF = "coalesce(nullif(:as_of, ''), date('now'))"

STATE_SQL = f"""
WITH settling AS (
  SELECT l.settled AS nummer, l.brief AS brief, b.datum AS datum
  FROM links l
  JOIN letters b ON b.id = l.brief
  WHERE b.datum IS NULL OR b.datum <= {AS_OF}
),
first_settling AS (
  SELECT nummer, min(coalesce(datum, '9999') || ' ' || brief) AS first FROM settling GROUP BY nummer
),
stand AS (
  SELECT t.nummer, t.tekst, t.ministerie, t.bewindspersoon, t.onderwerp, t.termijn, t.termijn_datum,
    CASE
      WHEN f.nummer IS NOT NULL THEN 'settled'
      WHEN t.termijn_eind IS NULL THEN 'undated'
      WHEN t.termijn_eind < {AS_OF} THEN 'overdue'
      ELSE 'open'
    END AS stand,
    substr(f.first, instr(f.first, ' ') + 1) AS kamerbriefNakoming,
    nullif(substr(f.first, 1, instr(f.first, ' ') - 1), '9999') AS datumNakoming,
    t.letter AS brief, a.datum AS datum
  FROM toezeggingen t
  JOIN letters a ON a.id = t.letter
  LEFT JOIN first_settling f ON f.nummer = t.nummer
  WHERE t.status = 'nieuw' AND (a.datum IS NULL OR a.datum <= {AS_OF})
)
SELECT * FROM stand
"""


def state_sql(where: str = "") -> str:
    """The state query, narrowed by a condition on its columns ("stand = 'overdue'")."""
    return f"{STATE_SQL} {'WHERE ' + where if where else ''} ORDER BY ministerie, datum, nummer"


def states(conn: sqlite3.Connection, schema: Register, as_of: Optional[date] = None) -> List[Dict[str, object]]:
    """One row per commitment in the register's columns, with the Kamer's status word."""
    cursor = conn.execute(state_sql(), {"as_of": (as_of or date.today()).isoformat()})
    names = [d[0] for d in cursor.description]
    rows = []
    for values in cursor:
        row = dict(zip(names, values))
        row["status"] = schema.kamer_status[str(row["stand"])]
        rows.append({name: row.get(name) for name in schema.register_columns})
    return rows
