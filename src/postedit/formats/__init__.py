"""Interchange formats: XLIFF 2.1 with ITS 2.0 annotations (:mod:`postedit.formats.xliff`)."""
