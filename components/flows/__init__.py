"""Worker departures (labour_outflows): the Departures page and the departures sections of the profiles."""
