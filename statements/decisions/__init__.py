"""Decisions, votes, explanations of vote and the releases' narrative: models, pages, exports."""
