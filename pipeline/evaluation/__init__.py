"""Scoring against gold: loading and validating annotation files, pairing spans, scores."""
