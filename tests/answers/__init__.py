"""Who-said-what answers on the bundled seed article and on small hand-written stories."""
