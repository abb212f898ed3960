"""Tests for quizapp, mirroring the package."""
