"""A synthetic archive at full size, for measuring speed: a text model and a bulk loader.

- ``build_model``: derives ``markov.json`` from the real releases the project ships (run it again
  when they change: ``python -m statements.corpus.build_model``);
- ``text``: writes statement texts, speaker names and headlines from that model (no Django);
- ``layout``: lays out meetings, speakers and statements over the bodies and delegations;
- ``loader``: writes them with COPY, secondary indexes dropped during the load, and removes them.
"""
