"""Text tools shared by generation, authoring and play: folding, match keys, sentences, dates.

Plain Python: no Flask, no database.
"""
