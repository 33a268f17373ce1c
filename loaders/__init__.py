"""Readers and extractors: documents in, one graph per document out."""
