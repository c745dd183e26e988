"""The editing model, shared by the review UI, ``postedit apply`` and ``postedit import``.

- :mod:`.changes`: :class:`~.changes.Change` (one editor action) and the one rule
  for crediting fixes (one revision per fix).
- :mod:`.session`: :class:`~.session.ReviewSession`, current texts, verdicts and
  unlimited undo/redo.
- :mod:`.suggestions`: numbered alternatives (remembered fixes, mechanical fixes,
  engine rewrites), each with the change that applies it.
- :mod:`.journal`: the append-only journal a review resumes from after a crash.
- :mod:`.record`: the recording session (the revision chain) and the save of output
  plus ``.prov.json`` sidecar; :mod:`.save` saves a review through it.
"""
