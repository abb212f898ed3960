"""Authoring in plain Python: the quality gate, fact corrections, regeneration, versions."""
