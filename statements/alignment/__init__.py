"""Research tools over the vote tables and statements: alignment between delegations, a
delegation's most and least alike, a group's matrix, positions side by side, words and votes.

`votes` is the one module that reads vote rows (position and basis); `agreement` turns counts into
figures (pure Python); `queries` counts; `groups`, `positions` and `words` gather what each page
shows; `views`, `api` and `exports` serve the same records as a page, JSON and CSV.
"""
