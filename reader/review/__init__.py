"""Review: what the reader is learning comes back before it is forgotten, each time in
another sentence of the reader's own library.

- ``cards``: the FSRS scheduler (py-fsrs) and what the screen says of intervals;
- ``store``: the cards and the append-only review log, kept with the statuses
  (``learning.sqlite3``); which lemmas and phrases are cards; grading and undo;
- ``sentences``: the sentence a card is shown in, and its cloze;
- ``queue``: the next card with its sentence, for the screen and the CLI.

Statuses stay the reader's: grading never changes one.
"""
