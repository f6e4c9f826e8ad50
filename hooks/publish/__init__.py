"""The site's other outputs: downloads, feed, page history, and the atomic swap of site/."""
