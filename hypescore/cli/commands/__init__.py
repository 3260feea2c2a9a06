"""One module per command; :mod:`hypescore.cli.registry` lists them."""
