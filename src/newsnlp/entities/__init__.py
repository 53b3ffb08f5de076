"""Named entities: the ``entities`` stage (model + gazetteer), see ``docs/entities.md``."""
