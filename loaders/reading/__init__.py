"""The first stage: files in, text out (formats, encodings, conversion debris)."""
