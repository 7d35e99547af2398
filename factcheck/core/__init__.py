"""The pure core: claims, quantities, periods, matching, comparison. No I/O, no printing."""
