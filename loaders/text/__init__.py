"""The prepared text and what stands in it: sentences and evidence, numbers, places and organisation names.

Every later stage reads these; they read nothing of the later stages.
"""
