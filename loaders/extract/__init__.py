"""One extractor per kind of thing a document states: policies and measures, departments, chains,
firms, platforms, projects, targets. Each adds to the document's own graph (:mod:`chainkg.loaders.extract.builder`)."""
