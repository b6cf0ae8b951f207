"""The search path: the query language, filters, facets, result pages' data, and the engine
(index/) they ask."""
