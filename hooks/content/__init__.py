"""data/ -> a validated Site: read each file once, check each item, then what crosses files."""
